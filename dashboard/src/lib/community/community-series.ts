// Pure helpers of the community page: the metrics it asks for, a year's weekly or monthly series
// from metrics rows, last year's figures on the same weeks or months, and an alert's days as a span
// of that axis.
import type { MetricsParams } from '$lib/api/client';
import { isoWeekMonday } from '$lib/i18n/format';

export type Grain = 'week' | 'month';

export interface SeriesRow {
  period: string;
  periodStart: string;
  attendances: number | null;
  distinctParticipants: number | null;
  newParticipants: number | null;
  returningParticipants: number | null;
  activities: number | null;
}

export interface YearSeries {
  /** The axis: "2022-W01" … or "2022-01" … */
  periods: string[];
  current: (SeriesRow | null)[];
  /** Last year's row on the same week number or month, or null. */
  previous: (SeriesRow | null)[];
}

/** "2022-W07" → 7; "2022-07" → 7. */
export function periodNumber(period: string): number {
  return Number(period.includes('-W') ? period.split('-W')[1] : period.split('-')[1]);
}

/** The Monday of an ISO week ("2022-W01" → "2022-01-03"). */
export function isoWeekStart(week: string): string {
  const [year, number] = week.split('-W').map(Number);
  return isoWeekMonday(year, number);
}

/** How many ISO weeks a year has (52 or 53). */
export function isoWeeksInYear(year: number): number {
  return (Date.parse(isoWeekStart(`${year + 1}-W01`)) - Date.parse(isoWeekStart(`${year}-W01`))) / (7 * 86_400_000);
}

export function periodsOfYear(year: number, grain: Grain): string[] {
  const count = grain === 'week' ? isoWeeksInYear(year) : 12;
  return Array.from({ length: count }, (_, i) =>
    grain === 'week' ? `${year}-W${String(i + 1).padStart(2, '0')}` : `${year}-${String(i + 1).padStart(2, '0')}`,
  );
}

export function buildYearSeries(rows: readonly SeriesRow[], year: number, grain: Grain): YearSeries {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const periods = periodsOfYear(year, grain);
  const previousYear = new Map(rows.filter((r) => r.period.startsWith(`${year - 1}-`)).map((r) => [periodNumber(r.period), r]));
  return {
    periods,
    current: periods.map((p) => byPeriod.get(p) ?? null),
    previous: periods.map((p) => previousYear.get(periodNumber(p)) ?? null),
  };
}

/** The ISO week of a civil date ("2022-10-17" → "2022-W42"). */
export function isoWeekOfDate(date: string): string {
  const day = Date.parse(`${date}T00:00:00Z`);
  // The Thursday of the week decides its year.
  const thursday = new Date(day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The axis period a day falls in: its ISO week, or its month. */
export function periodOfDate(date: string, grain: Grain): string {
  return grain === 'week' ? isoWeekOfDate(date) : date.slice(0, 7);
}

/** A span of days (an alert's weeks) as [first, last] periods of the axis, clipped to it; null when outside. */
export function dateSpan(days: { from: string; to: string }, periods: readonly string[], grain: Grain): [string, string] | null {
  if (periods.length === 0) return null;
  const toPeriod = (date: string) => periodOfDate(date, grain);
  // Compare on a common key: a week's Monday, or a month's first day.
  const key = (period: string) => (period.includes('-W') ? isoWeekStart(period) : `${period}-01`);
  const from = toPeriod(days.from);
  const to = toPeriod(days.to);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (key(to) < key(first) || key(from) > key(last)) return null;
  return [key(from) < key(first) ? first : from, key(to) > key(last) ? last : to];
}

/** The dates an axis period covers, for the list of activities behind it. */
export function periodRange(period: string): { from: string; to: string } {
  if (period.includes('-W')) {
    const from = isoWeekStart(period);
    return { from, to: new Date(Date.parse(from) + 6 * 86_400_000).toISOString().slice(0, 10) };
  }
  const [year, month] = period.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

/** What the viewer's figures give of counts of persons (the configuration's `viewerFigures`). */
export interface PersonFigures {
  personGrains: readonly string[];
  personsByGroupOrType: boolean;
}

const pageGrains: readonly Grain[] = ['week', 'month'];

/** The grains the community page offers: those at which the viewer is given counts of persons (months only, for the auditor). */
export function offeredGrains(figures: PersonFigures | null): Grain[] {
  if (!figures) return [...pageGrains];
  return pageGrains.filter((g) => figures.personGrains.includes(g));
}

/** The grain shown: the one chosen where it is offered, else the first offered. */
export function shownGrain(chosen: Grain, offered: readonly Grain[]): Grain {
  return offered.includes(chosen) ? chosen : (offered[0] ?? 'month');
}

/**
 * The community page's metrics queries: the year and the one before by week or month (for the
 * chart), and the year by kind of activity, with attendances only where the viewer is given persons
 * by kind (not the auditor, whose view gives the number of activities alone at that breakdown).
 */
export function communityMetricsQueries(community: string, grain: Grain, year: number, personsByType = true): { series: MetricsParams; byType: MetricsParams } {
  return {
    series: {
      measures: ['activities', 'attendances', 'distinctParticipants', 'newParticipants', 'returningParticipants'],
      grain,
      communities: [community],
      from: `${year - 1}-01-01`,
      to: `${year}-12-31`,
    },
    byType: {
      measures: personsByType ? ['activities', 'attendances'] : ['activities'],
      grain: 'year',
      dimensions: ['type'],
      communities: [community],
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    },
  };
}
