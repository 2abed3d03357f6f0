import type { IndicatorConfig, ProjectConfig } from '@osl/data';
import {
  computeAchievement,
  computeExpectedToDate,
  computeIndicatorStatus,
  endOfMonth,
  isIndicatorYearOver,
  maxDate,
  minDate,
  roundTo,
  targetPathOf,
  type ForecastInput,
  type IndicatorMonthPoint,
  type IndicatorStatus,
} from '@osl/pipelines';
import { DomainError } from '../lib/domain-error.ts';
import { isCalendarDate } from '../lib/calendar-date.ts';
import type { IndicatorMonthRecord } from '../repositories/analytics.repository.ts';

/** What a forecast is asked for, checked: the day, its year, the scope (null: every scope). */
export interface ForecastRequest {
  asOf: string;
  year: number;
  community: string | null;
  /**
   * Where the value to `asOf` comes from: `to-date` (today, inside the project) is the published
   * value to date; `month-end` is the month table's value at a month's last day.
   */
  source: 'to-date' | 'month-end';
}

export interface ForecastRequestContext {
  project: Pick<ProjectConfig, 'periodStart' | 'periodEnd'>;
  years: readonly number[];
  scopes: readonly string[];
  /** Today's civil date in the project's time zone (not clamped). */
  today: string;
}

/**
 * Checks `?year=&asOf=&community=` as sent. `asOf` defaults to today clamped to the project (for a
 * past `year`, to its last day); a past day must be a month's last day, the days the analytics keep
 * a value for (indicator_month_value); `year`, if sent, must be `asOf`'s.
 */
export function resolveForecastRequest(raw: { year?: string; asOf?: string; community?: string }, context: ForecastRequestContext): ForecastRequest {
  const { project, years, scopes } = context;
  const today = clampDate(context.today, project.periodStart, project.periodEnd);
  let community: string | null = null;
  if (raw.community !== undefined && raw.community !== '') {
    community = raw.community.toUpperCase();
    if (!scopes.includes(community)) throw DomainError.invalid('filter.community', { allowed: scopes.join(', '), value: raw.community });
  }
  let year: number | null = null;
  if (raw.year !== undefined && raw.year !== '') {
    year = Number(raw.year);
    if (!/^\d{4}$/.test(raw.year) || !years.includes(year)) throw DomainError.invalid('forecast.year', { allowed: years.join(', '), value: raw.year });
    if (year > Number(today.slice(0, 4))) throw DomainError.invalid('forecast.year_not_begun', { year, last: today.slice(0, 4) });
  }
  let asOf: string;
  if (raw.asOf !== undefined && raw.asOf !== '') {
    if (!isCalendarDate(raw.asOf)) throw DomainError.invalid('filter.date', { name: 'asOf' });
    asOf = raw.asOf;
    if (asOf < project.periodStart || asOf > project.periodEnd) {
      throw DomainError.invalid('forecast.as_of_outside', { start: project.periodStart, end: project.periodEnd, value: raw.asOf });
    }
    if (asOf > today) throw DomainError.invalid('forecast.as_of_future', { today, value: raw.asOf });
    if (year !== null && Number(asOf.slice(0, 4)) !== year) throw DomainError.invalid('forecast.year_of_as_of', { year, asOf });
  } else {
    asOf = year === null ? today : clampDate(today, `${year}-01-01`, minDate(`${year}-12-31`, project.periodEnd));
  }
  const monthEnd = asOf === endOfMonth(asOf.slice(0, 7));
  if (asOf !== today && !monthEnd) {
    throw DomainError.invalid('forecast.as_of_month_end', { example: endOfMonth(asOf.slice(0, 7)), value: asOf });
  }
  return { asOf, year: Number(asOf.slice(0, 4)), community, source: monthEnd ? 'month-end' : 'to-date' };
}

/** The months before `asOf`'s month: the history a forecast as of `asOf` may see ("as of" views see nothing later). */
export function historyBefore(months: readonly IndicatorMonthRecord[], asOf: string): IndicatorMonthPoint[] {
  const asOfMonth = asOf.slice(0, 7);
  return months.filter((m) => m.month < asOfMonth).map((m) => ({ month: m.month, value: m.value, answers: m.answers }));
}

/** What forecastIndicator is given for one indicator and scope as of a day. */
export function forecastInputOf(
  indicator: IndicatorConfig,
  scope: string,
  project: Pick<ProjectConfig, 'periodStart' | 'periodEnd'>,
  asOf: string,
  history: readonly IndicatorMonthPoint[],
  valueAsOf: { value: number | null; answers: number | null },
): ForecastInput {
  const targets = targetPathOf(indicator, scope).targets;
  const lastYear = Number(project.periodEnd.slice(0, 4));
  return {
    unit: indicator.unit,
    cumulative: indicator.cumulative,
    history,
    asOf,
    valueAsOf: valueAsOf.value,
    answersAsOf: valueAsOf.answers,
    yearTarget: targets[Number(asOf.slice(0, 4))] ?? null,
    projectTarget: targets[lastYear] ?? null,
    projectStart: project.periodStart,
    projectEnd: project.periodEnd,
  };
}

/** A value to `asOf` judged as the pipeline judges the year's value on that day (pipelines' indicator-values.ts). */
export function judgeValueAsOf(
  indicator: IndicatorConfig,
  scope: string,
  project: Pick<ProjectConfig, 'periodStart' | 'periodEnd' | 'statusThresholds'>,
  asOf: string,
  value: number | null,
): { target: number | null; expected: number | null; achievement: number | null; status: IndicatorStatus } {
  const year = Number(asOf.slice(0, 4));
  const path = targetPathOf(indicator, scope);
  const target = path.targets[year] ?? null;
  const expected = computeExpectedToDate(indicator, path, year, asOf);
  return {
    target,
    expected: expected === null ? null : roundTo(expected, 2),
    achievement: computeAchievement(value, target),
    status: computeIndicatorStatus(value, target, expected, project.statusThresholds, isIndicatorYearOver(project, year, asOf)),
  };
}

function clampDate(date: string, from: string, to: string): string {
  return minDate(maxDate(date, from), to);
}
