import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot, IndicatorConfig } from '@osl/data';
import { computeExpectedToDate, endOfMonth, monthsBetween, roundTo } from '@osl/pipelines';
import { DomainError } from '../lib/domain-error.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { applyHiddenCells, applyIndicatorMask } from '../auth/auditor-view.ts';
import type { Suppressible } from '../auth/suppress-figures.ts';
import { AuditorFiguresService } from './auditor-figures.service.ts';
import { AnalyticsRepository, type IndicatorValueRecord, type ParticipationMonthRecord } from '../repositories/analytics.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

/** A month as a viewer sees it: in the auditor's view some figures are hidden (null, named in `suppressed`). */
export type ShownParticipationMonth = { period: string } & {
  [K in Exclude<keyof ParticipationMonthRecord, 'period'>]: ParticipationMonthRecord[K] | null;
} & Suppressible;

export interface ParticipationResponse {
  community: { code: string; name: string };
  grain: 'month';
  periods: ShownParticipationMonth[];
  targetPath: { period: string; expected: number | null }[];
  target: { indicator: string; baseline: number | null; targets: Record<string, number> } | null;
}

/** Monthly participation of one community (or ALL) against its reach indicator's target path. */
@Injectable()
export class ParticipationService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(AuditorFiguresService) private readonly auditorFigures: AuditorFiguresService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async byMonth(rawCode: string, scope: Scope = 'full'): Promise<ParticipationResponse> {
    const code = rawCode.toUpperCase();
    const community = code === 'ALL' ? { code, name: 'Cały projekt' } : this.config.communities.find((c) => c.code === code);
    if (!community) {
      throw DomainError.notFound('community.unknown_or_all', { code: rawCode, allowed: this.config.communities.map((c) => c.code).join(', ') });
    }
    const periods = scope === 'suppressed' ? await this.suppressedSeries(code) : await this.analytics.participationByMonth(code);
    const reach = findReachIndicator(this.config.indicators);
    const targets = reach?.targets[code] ?? null;
    return {
      community: { code: community.code, name: community.name },
      grain: 'month',
      periods,
      targetPath: reach && targets ? buildTargetPath(reach, targets, reach.baseline[code] ?? null, this.config.project) : [],
      target: reach && targets ? { indicator: reach.code, baseline: reach.baseline[code] ?? null, targets } : null,
    };
  }

  /**
   * One series as the auditor sees it: the shared mask (AuditorFiguresService). Persons reached to
   * date are given at each year's last month only, as the reach indicator's value for the year
   * (under the same mask): by month, their month-on-month change would be each month's new persons.
   */
  private async suppressedSeries(code: string): Promise<ShownParticipationMonth[]> {
    const reach = findReachIndicator(this.config.indicators);
    const limit = this.config.project.smallCounts.limit;
    const [periods, hidden, values] = await Promise.all([
      this.analytics.participationByMonth(code),
      this.auditorFigures.hiddenCells(),
      reach ? this.analytics.indicatorValues({ year: null, community: code }) : Promise.resolve([]),
    ]);
    const reachedByYear = values.filter((v) => v.code === reach?.code).map((v) => applyIndicatorMask(v, hidden, limit));
    const yearEnds = reachedAtYearEnds(
      periods.map((p) => p.period),
      reachedByYear,
    );
    return periods.map((period) => {
      const { community: _, ...shown } = applyHiddenCells({ ...period, community: code }, hidden, limit);
      const atYearEnd = yearEnds.get(period.period);
      if (atYearEnd?.hidden) return { ...shown, cumulativeParticipants: null, suppressed: [...(shown.suppressed ?? []), 'cumulativeParticipants'].sort() };
      return { ...shown, cumulativeParticipants: atYearEnd?.value ?? null };
    });
  }
}

/**
 * Persons reached to date at each year's last month in `months`: the reach indicator's value for
 * that year (measured to 31 December, or to date in a year under way, which is that month's figure
 * too). `hidden` where the auditor's mask hides the value; months not listed have none.
 */
export function reachedAtYearEnds(
  months: readonly string[],
  reachByYear: readonly (Pick<IndicatorValueRecord, 'year'> & { value: number | null; suppressed?: string[] })[],
): Map<string, { value: number | null; hidden: boolean }> {
  const lastMonthOfYear = new Map<number, string>();
  for (const month of months) {
    const year = Number(month.slice(0, 4));
    if (month > (lastMonthOfYear.get(year) ?? '')) lastMonthOfYear.set(year, month);
  }
  const out = new Map<string, { value: number | null; hidden: boolean }>();
  for (const row of reachByYear) {
    const month = lastMonthOfYear.get(row.year);
    if (month) out.set(month, { value: row.value, hidden: row.suppressed?.includes('value') ?? false });
  }
  return out;
}

/** The indicator of persons reached: cumulative distinct participants with one attendance. */
export function findReachIndicator(indicators: IndicatorConfig[]): IndicatorConfig | undefined {
  return indicators.find((i) => i.cumulative && i.computation.kind === 'distinct_participants' && i.computation.minAttendances === 1);
}

/** Expected-to-date of a cumulative target at the end of each project month. */
export function buildTargetPath(
  indicator: IndicatorConfig,
  targets: Record<string, number>,
  baseline: number | null,
  period: { periodStart: string; periodEnd: string },
): { period: string; expected: number | null }[] {
  const byYear: Record<number, number> = {};
  for (const [year, value] of Object.entries(targets)) byYear[Number(year)] = value;
  return monthsBetween(period.periodStart, period.periodEnd).map((month) => {
    const expected = computeExpectedToDate(indicator, { baseline, targets: byYear }, Number(month.slice(0, 4)), endOfMonth(month));
    return { period: month, expected: expected === null ? null : roundTo(expected, 2) };
  });
}
