import { cellsToSuppress, isSmallCount } from './suppression.ts';

/** A figure hidden by small-count suppression: the value is gone, `suppressed` names the fields. */
export interface Suppressible {
  suppressed?: string[];
}

interface IndicatorLike {
  code: string;
  community: string;
  year: number;
  value: number | null;
  achievement: number | null;
  unit: string;
}

/**
 * Indicator values as an auditor sees them: values counting persons that are 1 or 2 become null
 * (with their achievement, which would reveal them), and per indicator and year a second
 * community where the ALL value would let the hidden one be recomputed.
 */
export function suppressIndicatorValues<T extends IndicatorLike>(rows: readonly T[]): (T & Suppressible)[] {
  const out = rows.map((row) => ({ ...row }) as T & Suppressible);
  const groups = new Map<string, (T & Suppressible)[]>();
  for (const row of out) {
    if (row.unit !== 'persons') continue;
    const key = `${row.code}|${row.year}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const parts = group.filter((r) => r.community !== 'ALL');
    const hide = cellsToSuppress(parts.map((r) => r.value));
    parts.forEach((row, i) => hide[i] && hideFields(row, ['value', 'achievement']));
    for (const total of group.filter((r) => r.community === 'ALL')) if (isSmallCount(total.value)) hideFields(total, ['value', 'achievement']);
  }
  return out;
}

/** Fields of a monthly participation row that count persons or their attendances. */
const personFields = ['attendances', 'namedAttendances', 'anonymousAttendances', 'distinctParticipants', 'newParticipants', 'returningParticipants', 'cumulativeParticipants'] as const;
type PersonField = (typeof personFields)[number];
type ParticipationLike = { period: string; turnout: number | null } & Record<PersonField, number | null>;

/**
 * Participation series as an auditor sees them. Within a row, the parts of a shown total
 * (new + returning = distinct; named + anonymous = attendances) are suppressed in pairs; across
 * communities, a month's cells are suppressed so that the ALL series cannot reveal a hidden one.
 * `series` holds every community's rows by code; the result has the same shape.
 */
export function suppressParticipation<T extends ParticipationLike>(series: ReadonlyMap<string, readonly T[]>): Map<string, (T & Suppressible)[]> {
  const out = new Map<string, (T & Suppressible)[]>();
  for (const [code, rows] of series) out.set(code, rows.map((row) => ({ ...row }) as T & Suppressible));
  const hidden = new Map<T & Suppressible, Set<PersonField>>();
  const mark = (row: T & Suppressible, field: PersonField) => {
    const set = hidden.get(row) ?? new Set<PersonField>();
    set.add(field);
    hidden.set(row, set);
  };
  // Across communities, per month and field.
  const byPeriod = new Map<string, (T & Suppressible)[]>();
  for (const [code, rows] of out) {
    if (code === 'ALL') {
      for (const row of rows) for (const field of personFields) if (isSmallCount(row[field])) mark(row, field);
      continue;
    }
    for (const row of rows) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  }
  for (const rows of byPeriod.values()) {
    for (const field of personFields) {
      const hide = cellsToSuppress(rows.map((r) => r[field]));
      rows.forEach((row, i) => hide[i] && mark(row, field));
    }
  }
  // Within a row: a hidden part next to its shown total and other part.
  const pairs: [PersonField, PersonField][] = [
    ['newParticipants', 'returningParticipants'],
    ['namedAttendances', 'anonymousAttendances'],
  ];
  for (const rows of out.values()) {
    for (const row of rows) {
      const set = hidden.get(row);
      if (!set) continue;
      for (const [a, b] of pairs) {
        if (set.has(a) !== set.has(b) && (row[a] ?? 0) > 0 && (row[b] ?? 0) > 0) set.add(set.has(a) ? b : a);
      }
      if (set.has('attendances')) (row as ParticipationLike).turnout = null;
      hideFields(row, [...set]);
    }
  }
  return out;
}

function hideFields(row: Suppressible & object, fields: string[]): void {
  const record = row as Record<string, unknown>;
  for (const field of fields) record[field] = null;
  row.suppressed = [...new Set([...(row.suppressed ?? []), ...fields])].sort();
}

/**
 * Rows of the metrics API as an auditor sees them: person measures of 1 or 2 hidden; with the
 * community dimension, a second community of the same period (and group or type) where the other
 * cells and a total would reveal a hidden one; new/returning and named/anonymous in pairs.
 */
export function suppressMetricRows(rows: readonly Record<string, unknown>[], personMeasures: readonly string[], groupKeys: readonly string[]): (Record<string, unknown> & Suppressible)[] {
  const out = rows.map((row) => ({ ...row }) as Record<string, unknown> & Suppressible);
  const hidden = new Map<Record<string, unknown>, Set<string>>();
  const mark = (row: Record<string, unknown>, field: string) => hidden.set(row, (hidden.get(row) ?? new Set()).add(field));
  const groups = new Map<string, (Record<string, unknown> & Suppressible)[]>();
  for (const row of out) {
    const key = groupKeys.map((k) => String(row[k])).join('|');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    for (const field of personMeasures) {
      const hide = cellsToSuppress(group.map((r) => (typeof r[field] === 'number' ? (r[field] as number) : null)));
      group.forEach((row, i) => hide[i] && mark(row, field));
    }
  }
  const pairs = [
    ['newParticipants', 'returningParticipants'],
    ['namedAttendances', 'anonymousAttendances'],
  ];
  for (const row of out) {
    const set = hidden.get(row);
    if (!set) continue;
    for (const [a, b] of pairs) {
      if (a in row && b in row && set.has(a) !== set.has(b) && ((row[a] as number) ?? 0) > 0 && ((row[b] as number) ?? 0) > 0) set.add(set.has(a) ? b : a);
    }
    if (set.has('attendances') && 'turnout' in row) set.add('turnout');
    hideFields(row, [...set]);
  }
  return out;
}
