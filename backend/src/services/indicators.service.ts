import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { civilDateInZone, projectYears } from '@osl/pipelines';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { applyIndicatorMask } from '../auth/auditor-view.ts';
import type { Suppressible } from '../auth/suppress-figures.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { DomainError } from '../lib/domain-error.ts';
import { AnalyticsRepository, type IndicatorValueRecord } from '../repositories/analytics.repository.ts';
import { AuditorFiguresService } from './auditor-figures.service.ts';
import { ConfigurationService } from './configuration.service.ts';
import { SurveyResultsService } from './survey-results.service.ts';

export interface IndicatorFilter {
  year?: number;
  community?: string;
}

/** Indicator values as computed by the last published pipeline run. */
@Injectable()
export class IndicatorsService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
    @Inject(AuditorFiguresService) private readonly auditorFigures: AuditorFiguresService,
    @Inject(SurveyResultsService) private readonly surveyResults: SurveyResultsService,
  ) {}

  /**
   * The year whose values are the values "to date": the current year during the project, the
   * first year before it starts and the last one after it ends (docs/spec/indicators.md, "To date D").
   */
  toDateYear(): number {
    const years = this.years();
    const current = Number(civilDateInZone(this.environment.now(), this.config.project.timeZone).slice(0, 4));
    return Math.min(Math.max(current, years[0]!), years[years.length - 1]!);
  }

  years(): number[] {
    return projectYears(this.config.project);
  }

  scopes(): string[] {
    return ['ALL', ...this.config.communities.map((c) => c.code)];
  }

  /** Checks a filter given as text (query string, command line) and returns it typed. */
  parseFilter(raw: { year?: string; community?: string }): IndicatorFilter {
    const filter: IndicatorFilter = {};
    if (raw.year === 'to-date') {
      filter.year = this.toDateYear();
    } else if (raw.year !== undefined && raw.year !== '') {
      const year = Number(raw.year);
      if (!/^\d{4}$/.test(raw.year) || !this.years().includes(year)) {
        throw DomainError.invalid('filter.year', { allowed: this.years().join(', '), value: raw.year });
      }
      filter.year = year;
    }
    if (raw.community !== undefined && raw.community !== '') {
      const community = raw.community.toUpperCase();
      if (!this.scopes().includes(community)) {
        throw DomainError.invalid('filter.community', { allowed: this.scopes().join(', '), value: raw.community });
      }
      filter.community = community;
    }
    return filter;
  }

  /**
   * Values for a filter; in the `suppressed` scope (the auditor, and every export) with the shared
   * mask applied (and a survey share of too few answers hidden): a hidden value goes with its
   * achievement and status.
   */
  list(filter?: IndicatorFilter): Promise<IndicatorValueRecord[]>;
  list(filter: IndicatorFilter, scope: Scope): Promise<ShownIndicatorValue[]>;
  async list(filter: IndicatorFilter = {}, scope: Scope = 'full'): Promise<ShownIndicatorValue[]> {
    const values = await this.analytics.indicatorValues({ year: filter.year ?? null, community: filter.community ?? null });
    if (scope !== 'suppressed') return values;
    // The persons' mask, and the survey shares the survey results are audited against (one decision).
    const [persons, shares] = await Promise.all([this.auditorFigures.hiddenCells(), this.surveyResults.hiddenShareValues()]);
    const hidden = new Set([...persons, ...shares]);
    return values.map((row) => applyIndicatorMask(row, hidden, this.config.project.smallCounts.limit));
  }
}

/** An indicator value as a scope sees it. */
export type ShownIndicatorValue = Omit<IndicatorValueRecord, 'status'> & { status: IndicatorValueRecord['status'] | null } & Suppressible;
