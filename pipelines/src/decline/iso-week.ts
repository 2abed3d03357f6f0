// ISO 8601 weeks as 'YYYY-Www' labels (weeks start on Monday; week 1 holds the year's first Thursday).
// Arithmetic goes through the Monday of the week in UTC, so no time zone can shift a week.

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const LABEL = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  year: number;
  week: number;
}

export function parseIsoWeek(label: string): IsoWeek {
  const match = LABEL.exec(label);
  if (!match) throw new RangeError(`Not an ISO week label 'YYYY-Www': ${JSON.stringify(label)}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInIsoYear(year)) throw new RangeError(`ISO year ${year} has no week ${week}: ${label}`);
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** weeksInIsoYear by year: labels are parsed often (the detector parses every week of every series). */
const WEEKS_IN_YEAR = new Map<number, number>();

/** 52 or 53. */
export function weeksInIsoYear(year: number): number {
  let weeks = WEEKS_IN_YEAR.get(year);
  if (weeks === undefined) {
    // A year has 53 weeks when 28 December's week is week 53, i.e. when Dec 28 falls in week 53.
    weeks = isoWeekOfUtc(Date.UTC(year, 11, 28)).week;
    if (WEEKS_IN_YEAR.size < 10_000) WEEKS_IN_YEAR.set(year, weeks);
  }
  return weeks;
}

function isoWeekOfUtc(ms: number): IsoWeek {
  const date = new Date(ms);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = ms - weekday * DAY_MS + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return { year, week };
}

/** The ISO week of a civil date 'YYYY-MM-DD'. */
export function isoWeekOfDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatIsoWeek(isoWeekOfUtc(Date.UTC(y, m - 1, d)));
}

/** UTC midnight of the Monday that starts the week. */
export function isoWeekMonday(label: string): number {
  const { year, week } = parseIsoWeek(label);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4Weekday * DAY_MS + (week - 1) * WEEK_MS;
}

/** The Monday of the week as 'YYYY-MM-DD'. */
export function isoWeekStartDate(label: string): string {
  return new Date(isoWeekMonday(label)).toISOString().slice(0, 10);
}

export function addIsoWeeks(label: string, weeks: number): string {
  return formatIsoWeek(isoWeekOfUtc(isoWeekMonday(label) + weeks * WEEK_MS));
}

/** Whole weeks from `from` to `to` (positive when `to` is later). */
export function isoWeeksBetween(from: string, to: string): number {
  return Math.round((isoWeekMonday(to) - isoWeekMonday(from)) / WEEK_MS);
}

/** The same week number one year earlier; week 53 maps to week 52 of a 52-week year. */
export function sameIsoWeekYearBefore(label: string): string {
  const { year, week } = parseIsoWeek(label);
  return formatIsoWeek({ year: year - 1, week: Math.min(week, weeksInIsoYear(year - 1)) });
}

/** Every week label from `from` to `to`, both included. */
export function isoWeekRange(from: string, to: string): string[] {
  const weeks: string[] = [];
  const count = isoWeeksBetween(from, to);
  for (let i = 0; i <= count; i++) weeks.push(addIsoWeeks(from, i));
  return weeks;
}
