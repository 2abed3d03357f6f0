import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { projectYears } from '@osl/pipelines';
import { compileMetricsQuery } from '../analytics/metrics-query.ts';
import {
  auditorPersonMeasures,
  type ActivityCounts,
  type CellId,
  type DisclosureInput,
  type PeriodRow,
  type PersonIndicatorValue,
} from '../auth/auditor-disclosure.ts';
import { workerEntry } from '../lib/built-code.ts';
import { runTypeScriptWorker } from '../lib/typescript-worker.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

/** The shared mask and what it was computed over. */
export interface AuditorMask {
  hidden: ReadonlySet<CellId>;
  /** Every activity the mask knows, with its type: an activity it does not know is shown with no counts. */
  activities: ReadonlyMap<string, ActivityCounts & { type: string }>;
}

/** The mask's input, each activity with its type (the activity answers show it). */
export interface AuditorDisclosureInput extends DisclosureInput {
  activities: (ActivityCounts & { type: string })[];
}

const maskWorker = workerEntry('auditor-mask.worker', path.join(import.meta.dirname, '..', 'auth', 'auditor-mask.worker.ts'));

// Activities are read a community and a year at a time, and a month at a time where a year holds more.
const activitiesPerRead = 5000;
const everything = 1_000_000;

/**
 * The auditor's suppression mask (auth/auditor-disclosure.ts), computed once per published
 * analytics state and state of the recorded activities (every import makes a batch), and shared by
 * every answer the auditor gets and every export: a figure hidden in one is hidden in all.
 */
@Injectable()
export class AuditorFiguresService {
  private cached: { key: string; mask: Promise<AuditorMask> } | null = null;

  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ActivityRepository) private readonly activityRecords: ActivityRepository,
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async mask(): Promise<AuditorMask> {
    // Only a batch that wrote rows changes the activities: a rejected file leaves the mask as it is.
    const key = `${this.analytics.published()?.runId ?? -1}|${await this.imports.latestImportedBatchId()}`;
    if (this.cached?.key !== key) {
      const mask = this.compute();
      this.cached = { key, mask };
      mask.catch(() => {
        if (this.cached?.mask === mask) this.cached = null;
      });
    }
    return this.cached.mask;
  }

  async hiddenCells(): Promise<ReadonlySet<CellId>> {
    return (await this.mask()).hidden;
  }

  /** What the mask is computed over: the published metrics and indicator values, and every recorded activity. */
  async disclosureInput(): Promise<AuditorDisclosureInput> {
    const communities = this.config.communities.map((c) => c.code);
    const query = (grain: 'month' | 'year') =>
      compileMetricsQuery({
        measures: [...auditorPersonMeasures],
        grain,
        dimensions: ['community'],
        from: null,
        to: null,
        communities: ['ALL', ...communities],
        groups: null,
      });
    const [monthly, yearly, values, activities] = await Promise.all([
      this.analytics.metrics(query('month')),
      this.analytics.metrics(query('year')),
      this.analytics.indicatorValues({ year: null, community: null }),
      this.allActivities(communities),
    ]);
    const indicators: PersonIndicatorValue[] = [];
    for (const value of values) {
      const indicator = this.config.indicators.find((i) => i.code === value.code);
      const computation = indicator?.computation;
      if (value.unit !== 'persons' || !indicator || (computation?.kind !== 'distinct_participants' && computation?.kind !== 'leaders')) continue;
      indicators.push({ code: value.code, community: value.community, year: value.year, value: value.value, computation, cumulative: indicator.cumulative });
    }
    return {
      communities,
      monthly: monthly as PeriodRow[],
      yearly: yearly as PeriodRow[],
      activities,
      indicators,
      smallCountLimit: this.config.project.smallCounts.limit,
    };
  }

  private async compute(): Promise<AuditorMask> {
    const input = await this.disclosureInput();
    // In a worker thread: seconds at tens of thousands of activities, which the server's requests must not wait for.
    const hidden = new Set(await runTypeScriptWorker<CellId[]>(maskWorker, input));
    return { hidden, activities: new Map(input.activities.map((a) => [a.externalId, a])) };
  }

  private async allActivities(communities: string[]): Promise<(ActivityCounts & { type: string })[]> {
    const out: (ActivityCounts & { type: string })[] = [];
    const read = async (community: string, from: string | null, to: string | null) => {
      const found = await this.activityRecords.list({ community, from, to, limit: activitiesPerRead });
      return { truncated: found.truncated, activities: found.activities };
    };
    const years = projectYears(this.config.project);
    for (const community of communities) {
      // Before and after the project period too: an activity outside it still has counts the auditor can list.
      const ranges: [string | null, string | null][] = [
        [null, `${years[0]! - 1}-12-31`],
        ...years.map((y) => [`${y}-01-01`, `${y}-12-31`] as [string, string]),
        [`${years[years.length - 1]! + 1}-01-01`, null],
      ];
      for (const [from, to] of ranges) {
        let found = await read(community, from, to);
        if (found.truncated && from && to) {
          const months = Array.from({ length: 12 }, (_, i) => `${from.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
          const parts = await Promise.all(
            months.map((month) => this.activityRecords.list({ community, from: `${month}-01`, to: `${month}-31`, limit: everything })),
          );
          found = { truncated: false, activities: parts.flatMap((p) => p.activities) };
        } else if (found.truncated) {
          found = { truncated: false, activities: (await this.activityRecords.list({ community, from, to, limit: everything })).activities };
        }
        for (const a of found.activities) {
          out.push({
            externalId: a.externalId,
            date: a.date,
            community: a.community,
            type: a.type,
            namedAttendances: a.namedAttendances,
            anonymousAttendances: a.headcountAnonymous,
            lists: a.attendanceLists.map((l) => ({ batchId: l.batchId, attendances: l.attendances })),
          });
        }
      }
    }
    return out;
  }
}
