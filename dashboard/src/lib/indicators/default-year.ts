// Which year the overview opens on.
import type { CommunityParticipation } from '$lib/api/client';

export interface DefaultYearInput {
  /** The project years from /api/config, e.g. [2021, 2022, 2023]. */
  years: readonly number[];
  periodStart: string;
  periodEnd: string;
  /** Today's date (YYYY-MM-DD) in the project's time zone. */
  today: string;
  /** Years in which anything happened (activities or attendances). */
  yearsWithData: Iterable<number>;
}

/** Whether `today` falls within the project period (both ends included). */
export function isInsidePeriod({ periodStart, periodEnd, today }: Pick<DefaultYearInput, 'periodStart' | 'periodEnd' | 'today'>): boolean {
  return periodStart <= today && today <= periodEnd;
}

/**
 * Inside the project period: the current year. Otherwise the last project year that has data;
 * with no data at all, the first year before the period and the last one after it.
 */
export function pickDefaultYear(input: DefaultYearInput): number | null {
  const years = [...input.years].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const currentYear = Number(input.today.slice(0, 4));
  if (isInsidePeriod(input) && years.includes(currentYear)) {
    return currentYear;
  }
  const withData = new Set(input.yearsWithData);
  const lastWithData = years.filter((year) => withData.has(year)).at(-1);
  if (lastWithData !== undefined) return lastWithData;
  return input.today < input.periodStart ? years[0] : years[years.length - 1];
}

/** The years of the months in which any community had an activity or an attendance. */
export function yearsWithParticipation(series: readonly CommunityParticipation[]): Set<number> {
  const years = new Set<number>();
  for (const community of series) {
    for (const period of community.periods) {
      if (period.activities > 0 || (period.attendances ?? 0) > 0) years.add(Number(period.period.slice(0, 4)));
    }
  }
  return years;
}

/** A `?year=` value, if it names a project year. */
export function parseYearParam(value: string | null, years: readonly number[]): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return years.includes(year) ? year : null;
}
