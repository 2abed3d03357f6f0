// Small pure helpers over /api/communities/:code/participation.
import type { CommunityParticipation, ParticipationPeriod } from '$lib/api/client';

/** Calendar months "YYYY-MM" from the month of `start` to the month of `end` (ISO dates), inclusive. */
export function monthsBetween(start: string, end: string): string[] {
  const [startYear, startMonth] = start.split('-').map(Number);
  const [endYear, endMonth] = end.split('-').map(Number);
  const months: string[] = [];
  if (!startYear || !startMonth || !endYear || !endMonth) return months;
  for (let index = startYear * 12 + startMonth - 1; index <= endYear * 12 + endMonth - 1; index++) {
    const year = Math.floor(index / 12);
    months.push(`${year}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

export interface ParticipationYearSummary {
  activities: number;
  attendances: number | null;
  /** Persons reached from the project start to the last month of `year` that has figures. */
  reached: number | null;
  /** The auditor's view hides that figure as a small count ("<3"): not the same as no figure. */
  reachedSuppressed: boolean;
  /** The community's P1 target for `year`. */
  target: number | null;
}

export function summarizeParticipationYear(data: CommunityParticipation, year: number): ParticipationYearSummary {
  const prefix = `${year}-`;
  const periods = [...data.periods].sort((a, b) => a.period.localeCompare(b.period));
  const inYear = periods.filter((p) => p.period.startsWith(prefix));
  const upToYearEnd = periods.filter((p) => p.period <= `${year}-12`);
  const last: ParticipationPeriod | undefined = upToYearEnd.at(-1);
  return {
    activities: sum(inYear.map((p) => p.activities)),
    // A month hidden by suppression (the auditor's view) leaves the year's total unknown, not smaller.
    attendances: inYear.some((p) => p.attendances === null) ? null : sum(inYear.map((p) => p.attendances ?? 0)),
    reached: last ? last.cumulativeParticipants : null,
    reachedSuppressed: last?.suppressed?.includes('cumulativeParticipants') ?? false,
    target: data.target?.targets?.[String(year)] ?? null,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + (value ?? 0), 0);
}
