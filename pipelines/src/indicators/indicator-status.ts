import { dayOfYear, daysInYear } from '../lib/civil-date.ts';

/**
 * A traffic light while the period runs (on track, at risk, behind); once it is over, whether the
 * target was reached (achieved, not achieved); or why there is nothing to compare.
 */
export type IndicatorStatus = 'on_track' | 'at_risk' | 'behind' | 'achieved' | 'not_achieved' | 'no_data' | 'no_target' | 'not_started';
export type IndicatorUnit = 'persons' | 'activities' | 'percent';

export interface StatusThresholds {
  onTrack: number;
  atRisk: number;
}

export interface TargetPath {
  baseline: number | null;
  /** Target per calendar year of the project. */
  targets: Readonly<Record<number, number>>;
}

export interface IndicatorShape {
  cumulative: boolean;
  unit: IndicatorUnit;
}

/**
 * The value expected by day `asOf` of `year` (docs/spec/indicators.md, "Common rules"): for a past year
 * the target itself; for the current year a cumulative target grows linearly from the previous
 * year's target (the baseline before the first year), an annual count grows from zero, and a
 * percentage is expected in full. Null for a future year or a year without a target.
 */
export function computeExpectedToDate(indicator: IndicatorShape, path: TargetPath, year: number, asOf: string): number | null {
  const target = path.targets[year];
  if (target === undefined) return null;
  const asOfYear = Number(asOf.slice(0, 4));
  if (asOfYear > year) return target;
  if (asOfYear < year) return null;
  if (indicator.unit === 'percent') return target;
  const elapsed = dayOfYear(asOf);
  const days = daysInYear(year);
  if (!indicator.cumulative) return (target * elapsed) / days;
  const previous = path.targets[year - 1] ?? path.baseline ?? 0;
  return previous + ((target - previous) * elapsed) / days;
}

/**
 * value / target, or null where either is missing or the target is zero. Truncated to four places,
 * never rounded up: a value below its target never reaches 1 (docs/spec/indicators.md).
 */
export function computeAchievement(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target === 0) return null;
  return truncateTo(value / target, 4);
}

/**
 * A period that is over has no traffic light: achieved (value ≥ target) or not achieved. While it
 * runs: on track at ≥ onTrack × expected, at risk at ≥ atRisk × expected, else behind.
 */
export function computeIndicatorStatus(
  value: number | null,
  target: number | null,
  expected: number | null,
  thresholds: StatusThresholds,
  periodOver = false,
): IndicatorStatus {
  if (target === null) return 'no_target';
  if (periodOver) {
    if (value === null) return 'no_data';
    return value >= target - COMPARISON_TOLERANCE ? 'achieved' : 'not_achieved';
  }
  if (expected === null) return 'not_started';
  if (value === null) return 'no_data';
  if (expected <= 0) return 'on_track';
  const ratio = value / expected;
  if (ratio >= thresholds.onTrack) return 'on_track';
  if (ratio >= thresholds.atRisk) return 'at_risk';
  return 'behind';
}

// Values are counts or percentages with one decimal: anything closer than this is float noise, not a shortfall.
const COMPARISON_TOLERANCE = 1e-9;

/** Cut to `decimals` places toward zero (a share just below 1 stays below 1), float noise aside. */
export function truncateTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.trunc(value * factor + Math.sign(value) * 1e-6) / factor;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}
