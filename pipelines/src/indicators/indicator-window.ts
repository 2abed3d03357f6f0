import { maxDate, minDate } from '../lib/civil-date.ts';

export interface ProjectPeriod {
  periodStart: string;
  periodEnd: string;
}

export interface DateWindow {
  from: string;
  to: string;
}

/**
 * The dates that count toward an indicator's value for `year` (docs/spec/indicators.md): a cumulative
 * indicator counts from the project start to 31 December of the year, an annual one the year
 * alone; both only inside the project period, and never past `asOf` (the value "to date").
 * Null when the window is empty (a year outside the project, or not begun by `asOf`).
 */
export function computeIndicatorWindow(period: ProjectPeriod, cumulative: boolean, year: number, asOf: string): DateWindow | null {
  if (asOf < `${year}-01-01`) return null;
  const from = cumulative ? period.periodStart : maxDate(`${year}-01-01`, period.periodStart);
  const to = minDate(minDate(`${year}-12-31`, period.periodEnd), asOf);
  return from <= to ? { from, to } : null;
}

/**
 * Whether `year` is over as of `asOf` for the project: its 31 December, or the project's end if
 * earlier, has passed. Such a year is judged against its target (achieved or not), not on a path.
 */
export function isIndicatorYearOver(period: ProjectPeriod, year: number, asOf: string): boolean {
  return asOf > minDate(`${year}-12-31`, period.periodEnd);
}

/** Calendar years touched by the project period. */
export function projectYears(period: ProjectPeriod): number[] {
  const years: number[] = [];
  for (let y = Number(period.periodStart.slice(0, 4)); y <= Number(period.periodEnd.slice(0, 4)); y += 1) years.push(y);
  return years;
}
