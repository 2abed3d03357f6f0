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

function hideFields(row: Suppressible & object, fields: string[]): void {
  const record = row as Record<string, unknown>;
  for (const field of fields) record[field] = null;
  row.suppressed = [...new Set([...(row.suppressed ?? []), ...fields])].sort();
}

