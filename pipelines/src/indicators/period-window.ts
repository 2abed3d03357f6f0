import type { IndicatorConfig } from '@osl/data';
import { maxDate, minDate } from '../lib/civil-date.ts';
import {
  computeAchievement,
  computeExpectedToDate,
  computeIndicatorStatus,
  roundTo,
  type IndicatorShape,
  type IndicatorStatus,
  type StatusThresholds,
  type TargetPath,
} from './indicator-status.ts';
import { computeIndicatorWindow, type DateWindow, type ProjectPeriod } from './indicator-window.ts';

/** A reporting period's span: civil dates, both inclusive. */
export interface PeriodSpan {
  from: string;
  to: string;
}

/**
 * The dates that count toward an indicator's value "within" a reporting period
 * (docs/spec/indicators.md, "Reporting periods"): the period inside the project, never past
 * `asOf`. Null when the period lies outside the project or has not begun by `asOf`.
 */
export function computePeriodWithinWindow(project: ProjectPeriod, period: PeriodSpan, asOf: string): DateWindow | null {
  const from = maxDate(period.from, project.periodStart);
  const to = minDate(minDate(period.to, project.periodEnd), asOf);
  return from <= to ? { from, to } : null;
}

/** The day a period's cumulative value is measured "to": its last day, or the project's end, or `asOf`, whichever comes first. */
export function periodCumulativeDay(project: ProjectPeriod, period: PeriodSpan, asOf: string): string {
  return minDate(minDate(period.to, project.periodEnd), asOf);
}

/**
 * The window of the value "cumulative to the period's end": "to date D" with D =
 * periodCumulativeDay, that is the project start to D for a cumulative indicator, and 1 January
 * of D's year to D for an annual one (its value counts a year alone). Null before the project.
 */
export function computePeriodCumulativeWindow(project: ProjectPeriod, cumulative: boolean, period: PeriodSpan, asOf: string): DateWindow | null {
  const day = periodCumulativeDay(project, period, asOf);
  return computeIndicatorWindow(project, cumulative, Number(day.slice(0, 4)), day);
}

/** Whether a period is over as of `asOf`: its last day, or the project's end if earlier, has passed. */
export function isPeriodOver(project: ProjectPeriod, period: PeriodSpan, asOf: string): boolean {
  return asOf > minDate(period.to, project.periodEnd);
}

export interface PeriodJudgement {
  target: number | null;
  expected: number | null;
  achievement: number | null;
  status: IndicatorStatus;
}

/**
 * Target, expected value, achievement and status of an indicator's cumulative value for a period.
 * The target is the expected-to-date formula evaluated at the period's last day (inside the
 * project); a percentage's target is its year's target. Once the period is over its value is
 * achieved or not against that target; while it runs it is judged against the expected value on
 * `asOf`, like a running year; before the period begins it has no status yet.
 */
export function judgePeriodValue(
  indicator: IndicatorShape,
  path: TargetPath,
  project: ProjectPeriod,
  period: PeriodSpan,
  asOf: string,
  cumulativeValue: number | null,
  thresholds: StatusThresholds,
): PeriodJudgement {
  const lastDay = minDate(period.to, project.periodEnd);
  const target = computeExpectedToDate(indicator, path, Number(lastDay.slice(0, 4)), lastDay);
  const day = periodCumulativeDay(project, period, asOf);
  const expected = computeExpectedToDate(indicator, path, Number(day.slice(0, 4)), day);
  const begun = asOf >= maxDate(period.from, project.periodStart);
  const status = begun
    ? computeIndicatorStatus(cumulativeValue, target, expected, thresholds, isPeriodOver(project, period, asOf))
    : target === null
      ? 'no_target'
      : 'not_started';
  return {
    target: target === null ? null : roundTo(target, 2),
    expected: expected === null ? null : roundTo(expected, 2),
    achievement: computeAchievement(cumulativeValue, target),
    status,
  };
}

/** An indicator's target path for one scope (the configuration keeps years as strings). */
export function targetPathOf(indicator: IndicatorConfig, scope: string): TargetPath {
  const targets: Record<number, number> = {};
  for (const [year, value] of Object.entries(indicator.targets[scope] ?? {})) targets[Number(year)] = value;
  return { baseline: indicator.baseline[scope] ?? null, targets };
}
