import { isSmallCount, secondarySuppression } from './suppression.ts';

/**
 * The auditor's figures of persons (domain.md: 1–2 persons shown as "<3", and a second cell where
 * a total would reveal the hidden one) come from one table, so that no two answers together undo
 * the suppression: per month and per year, every community and ALL. Within a year, the months of
 * a community add up to its year and the communities of a month to ALL; new + returning make
 * distinct and named + anonymous make attendances. Secondary suppression runs over all of these
 * lines at once.
 */
export const auditorPersonMeasures = ['attendances', 'namedAttendances', 'anonymousAttendances', 'distinctParticipants', 'newParticipants', 'returningParticipants'] as const;
export type AuditorPersonMeasure = (typeof auditorPersonMeasures)[number];

export interface PeriodRow {
  period: string;
  community: string;
  [measure: string]: unknown;
}

const pairs: [AuditorPersonMeasure, AuditorPersonMeasure][] = [
  ['newParticipants', 'returningParticipants'],
  ['namedAttendances', 'anonymousAttendances'],
];

const cellId = (period: string, community: string, measure: string) => `${period}|${community}|${measure}`;

/** The cells (`period|community|measure`) the auditor must not see, over monthly and yearly rows of every community and ALL. */
export function auditorHiddenCells(monthly: readonly PeriodRow[], yearly: readonly PeriodRow[]): Set<string> {
  const values = new Map<string, number | null>();
  const primary = new Set<string>();
  for (const row of [...monthly, ...yearly]) {
    for (const measure of auditorPersonMeasures) {
      const value = typeof row[measure] === 'number' ? (row[measure] as number) : null;
      const id = cellId(row.period, row.community, measure);
      values.set(id, value);
      if (isSmallCount(value)) primary.add(id);
    }
  }
  const lines: string[][] = [];
  const communities = [...new Set(monthly.map((r) => r.community).filter((c) => c !== 'ALL'))];
  const months = [...new Set(monthly.map((r) => r.period))];
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  for (const measure of auditorPersonMeasures) {
    // A month across communities (its total is ALL's month); a year across communities (ALL's year).
    for (const period of [...months, ...years]) lines.push(communities.map((c) => cellId(period, c, measure)));
    // A community's months of a year (their total is its year), also ALL's.
    for (const year of years) {
      for (const community of [...communities, 'ALL']) lines.push(months.filter((m) => m.startsWith(`${year}-`)).map((m) => cellId(m, community, measure)));
    }
  }
  for (const period of [...months, ...years]) {
    for (const community of [...communities, 'ALL']) for (const [a, b] of pairs) lines.push([cellId(period, community, a), cellId(period, community, b)]);
  }
  return secondarySuppression(values, lines, primary);
}

/** A row with the hidden cells set to null and named in `suppressed`. */
export function applyHiddenCells<T extends PeriodRow>(row: T, hidden: ReadonlySet<string>): T & { suppressed?: string[] } {
  const out: T & { suppressed?: string[] } = { ...row };
  const names: string[] = [];
  for (const measure of auditorPersonMeasures) {
    if (!(measure in row) || !hidden.has(cellId(row.period, row.community, measure))) continue;
    (out as Record<string, unknown>)[measure] = null;
    names.push(measure);
  }
  // Turnout is attendances per activity: it goes with them.
  if (names.includes('attendances') && 'turnout' in out) {
    (out as Record<string, unknown>).turnout = null;
    names.push('turnout');
  }
  if (names.length > 0) out.suppressed = names.sort();
  return out;
}
