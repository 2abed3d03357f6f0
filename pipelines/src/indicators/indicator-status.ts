import { dayOfYear, daysInYear } from '../lib/civil-date.ts';

export type IndicatorStatus = 'on_track' | 'at_risk' | 'behind' | 'no_data' | 'no_target' | 'not_started';
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

/** value / target, or null where either is missing or the target is zero. */
export function computeAchievement(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target === 0) return null;
  return roundTo(value / target, 4);
}

/** Traffic light: on track at ≥ onTrack × expected, at risk at ≥ atRisk × expected, else behind. */
export function computeIndicatorStatus(value: number | null, target: number | null, expected: number | null, thresholds: StatusThresholds): IndicatorStatus {
  if (target === null) return 'no_target';
  if (expected === null) return 'not_started';
  if (value === null) return 'no_data';
  if (expected <= 0) return 'on_track';
  const ratio = value / expected;
  if (ratio >= thresholds.onTrack) return 'on_track';
  if (ratio >= thresholds.atRisk) return 'at_risk';
  return 'behind';
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}
