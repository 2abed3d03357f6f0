// Indicator figures as text. `null` means "no value" and is never shown as 0.
import { ALL_COMMUNITIES, type IndicatorUnit, type IndicatorValue, type Scope } from '$lib/api/client';
import { formatNumber, formatPercent, type Lang } from '$lib/i18n/format';
import { translate } from '$lib/i18n/messages';

/** A value or target in its unit: persons and activities as numbers, percent values as "58,3%". */
export function formatIndicatorFigure(value: number | null, unit: IndicatorUnit, lang: Lang): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (unit === 'percent') return formatPercent(value / 100, lang, 1);
  return formatNumber(value, lang, 1);
}

/**
 * Achievement is a fraction (1.0 = target met) → "87%", truncated and never rounded up
 * (docs/spec/indicators.md): below the target it never reads as the target. Within a point of it,
 * one decimal says how close ("99,8%" for 69.9 of 70, where whole percent would read "99%").
 */
export function formatAchievement(achievement: number | null, lang: Lang): string | null {
  if (achievement === null || achievement === undefined || !Number.isFinite(achievement)) return null;
  const percent = achievement * 100;
  const decimals = achievement < 1 && percent >= 99 ? 1 : 0;
  return formatPercent(truncateTo(percent, decimals) / 100, lang, decimals);
}

/** Cut to `decimals` places toward zero, float noise aside (0.29 × 100 is 28.999…, and stays 29). */
export function truncateTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.trunc(value * factor + Math.sign(value) * 1e-6) / factor;
}

/**
 * How far a year that is over fell short of its target, in the indicator's unit ("5", "0,1 pkt
 * proc."), or null when it did not (any other status).
 */
export function formatShortfall(row: Pick<IndicatorValue, 'status' | 'value' | 'target' | 'unit'>, lang: Lang): string | null {
  if (row.status !== 'not_achieved' || row.value === null || row.target === null) return null;
  // Values are counts or percentages with one decimal: 70 − 69.9 is 0.1, not 0.0999….
  const missing = Math.round((row.target - row.value) * 10) / 10;
  if (!(missing > 0)) return null;
  const amount = formatNumber(missing, lang, 1);
  return translate(lang, row.unit === 'percent' ? 'rolesStatus.shortfallPoints' : 'rolesStatus.shortfall', { amount });
}

/** Indexes /api/indicators rows by indicator code and scope (community code or ALL). */
export function indexIndicatorValues(rows: readonly IndicatorValue[]): Map<string, Map<Scope, IndicatorValue>> {
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

/** Finds a row of every year's /api/indicators answer by indicator code, scope and year. */
export type IndicatorValueLookup = (code: string, scope: Scope, year: number) => IndicatorValue | undefined;

export function indicatorValueLookup(rows: readonly IndicatorValue[]): IndicatorValueLookup {
  const byKey = new Map(rows.map((row) => [`${row.code}|${row.community}|${row.year}`, row]));
  return (code, scope, year) => byKey.get(`${code}|${scope}|${year}`);
}

/**
 * A figure of the auditor's table: "–" where there is no row or no figure, "<3" where the value is
 * hidden by small-count suppression.
 */
export function auditFigure(row: IndicatorValue | undefined, field: 'value' | 'target' | 'baseline', lang: Lang): string {
  if (!row) return '–';
  if (field === 'value' && row.suppressed?.includes('value')) return translate(lang, 'value.suppressed');
  return formatIndicatorFigure(row[field], row.unit, lang) ?? '–';
}

/** A count of activities or attendances; one hidden by small-count suppression (null) reads "<3". */
export function formatCount(value: unknown, lang: Lang): string {
  return typeof value === 'number' ? formatNumber(value, lang) : translate(lang, 'value.suppressed');
}

/** A scope as the pages name it: the whole project, or a community's code. */
export function scopeName(scope: Scope, lang: Lang): string {
  return scope === ALL_COMMUNITIES ? translate(lang, 'indicators.wholeProject') : scope;
}
