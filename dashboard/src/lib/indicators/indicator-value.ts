// Indicator figures as text. `null` means "no value" and is never shown as 0.
import type { IndicatorUnit, IndicatorValue, Scope } from '$lib/api/client';
import { formatNumber, formatPercent, type Lang } from '$lib/i18n/format';

/** A value or target in its unit: persons and activities as numbers, percent values as "58,3%". */
export function formatIndicatorFigure(
  value: number | null,
  unit: IndicatorUnit,
  lang: Lang
): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (unit === 'percent') return formatPercent(value / 100, lang, 1);
  return formatNumber(value, lang, 1);
}

/** Achievement is a fraction (1.0 = target met) → "87%". */
export function formatAchievement(achievement: number | null, lang: Lang): string | null {
  if (achievement === null || achievement === undefined || !Number.isFinite(achievement)) return null;
  return formatPercent(achievement, lang, 0);
}

/** Indexes /api/indicators rows by indicator code and scope (community code or ALL). */
export function indexIndicatorValues(
  rows: readonly IndicatorValue[]
): Map<string, Map<Scope, IndicatorValue>> {
  const byCode = new Map<string, Map<Scope, IndicatorValue>>();
  for (const row of rows) {
    let byScope = byCode.get(row.code);
    if (!byScope) byCode.set(row.code, (byScope = new Map()));
    byScope.set(row.community, row);
  }
  return byCode;
}

/** Whether to show "expected to date" next to the status: only when it differs from the target. */
export function showsExpected(row: IndicatorValue): boolean {
  return row.expected !== null && row.target !== null && Math.abs(row.expected - row.target) > 1e-9;
}
