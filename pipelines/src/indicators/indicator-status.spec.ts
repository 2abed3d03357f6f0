import { describe, expect, it } from 'vitest';
import { computeAchievement, computeExpectedToDate, computeIndicatorStatus } from './indicator-status.ts';
import { computeIndicatorWindow, isIndicatorYearOver, projectYears } from './indicator-window.ts';

const thresholds = { onTrack: 0.9, atRisk: 0.75 };
const p1 = { cumulative: true, unit: 'persons' as const };
const p2 = { cumulative: false, unit: 'activities' as const };
const r2 = { cumulative: false, unit: 'percent' as const };
const p1Path = { baseline: 0, targets: { 2021: 90, 2022: 180, 2023: 260 } };

describe('computeExpectedToDate', () => {
  it('is the target itself for a past year', () => {
    expect(computeExpectedToDate(p1, p1Path, 2022, '2026-11-27')).toBe(180);
  });

  it('grows a cumulative target from the previous year on the elapsed share of the year', () => {
    // 2022-07-02 is day 183 of 365: 90 + 90 × 183/365
    expect(computeExpectedToDate(p1, p1Path, 2022, '2022-07-02')).toBeCloseTo(90 + (90 * 183) / 365, 10);
  });

  it('starts a cumulative first year from the baseline', () => {
    const path = { baseline: 10, targets: { 2021: 110 } };
    expect(computeExpectedToDate(p1, path, 2021, '2021-12-31')).toBe(110);
    expect(computeExpectedToDate(p1, path, 2021, '2021-01-01')).toBeCloseTo(10 + 100 / 365, 10);
  });

  it('grows an annual count from zero, and takes a percentage in full', () => {
    expect(computeExpectedToDate(p2, { baseline: 0, targets: { 2024: 366 } }, 2024, '2024-02-29')).toBe(60);
    expect(computeExpectedToDate(r2, { baseline: 50, targets: { 2022: 60 } }, 2022, '2022-01-10')).toBe(60);
  });

  it('has nothing to expect for a future year or a year without a target', () => {
    expect(computeExpectedToDate(p1, p1Path, 2023, '2022-05-01')).toBeNull();
    expect(computeExpectedToDate(p1, p1Path, 2024, '2026-05-01')).toBeNull();
  });
});

describe('computeIndicatorStatus', () => {
  it('applies the 90% and 75% thresholds to value / expected', () => {
    expect(computeIndicatorStatus(90, 100, 100, thresholds)).toBe('on_track');
    expect(computeIndicatorStatus(89.9, 100, 100, thresholds)).toBe('at_risk');
    expect(computeIndicatorStatus(75, 100, 100, thresholds)).toBe('at_risk');
    expect(computeIndicatorStatus(74, 100, 100, thresholds)).toBe('behind');
  });

  it('tells missing data, missing targets and years not begun apart', () => {
    expect(computeIndicatorStatus(null, 55, 55, thresholds)).toBe('no_data');
    expect(computeIndicatorStatus(3, null, null, thresholds)).toBe('no_target');
    expect(computeIndicatorStatus(0, 10, null, thresholds)).toBe('not_started');
    expect(computeIndicatorStatus(0, 0, 0, thresholds)).toBe('on_track');
  });

  it('judges a year that is over by its target alone: achieved or not, never on track', () => {
    // R2 in 2023: 69.9% of a 70% target is above 90% of it, yet short of it.
    expect(computeIndicatorStatus(69.9, 70, 70, thresholds, true)).toBe('not_achieved');
    expect(computeIndicatorStatus(69.9, 70, 70, thresholds, false)).toBe('on_track');
    expect(computeIndicatorStatus(70, 70, 70, thresholds, true)).toBe('achieved');
    expect(computeIndicatorStatus(267, 260, 260, thresholds, true)).toBe('achieved');
    expect(computeIndicatorStatus(0, 0, 0, thresholds, true)).toBe('achieved');
    // A percentage made of floats is not short of its target by float noise.
    expect(computeIndicatorStatus(0.1 + 0.2, 0.3, 0.3, thresholds, true)).toBe('achieved');
  });

  it('says what is missing in a year that is over as it does during one', () => {
    expect(computeIndicatorStatus(null, 70, 70, thresholds, true)).toBe('no_data');
    expect(computeIndicatorStatus(12, null, null, thresholds, true)).toBe('no_target');
  });
});

describe('isIndicatorYearOver', () => {
  const period = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };
  it('is over from the day after 31 December', () => {
    expect(isIndicatorYearOver(period, 2022, '2022-12-31')).toBe(false);
    expect(isIndicatorYearOver(period, 2022, '2023-01-01')).toBe(true);
    expect(isIndicatorYearOver(period, 2023, '2026-12-07')).toBe(true);
  });
  it('is over from the day after the project ends, within the year', () => {
    const short = { periodStart: '2021-01-01', periodEnd: '2023-06-30' };
    expect(isIndicatorYearOver(short, 2023, '2023-06-30')).toBe(false);
    expect(isIndicatorYearOver(short, 2023, '2023-07-01')).toBe(true);
  });
});

describe('computeAchievement', () => {
  it('is value / target as a fraction', () => {
    expect(computeAchievement(45, 90)).toBe(0.5);
    expect(computeAchievement(1, 3)).toBe(0.3333);
    expect(computeAchievement(null, 90)).toBeNull();
    expect(computeAchievement(4, 0)).toBeNull();
  });

  it('is truncated, so that a value below its target stays below 1', () => {
    expect(computeAchievement(69.9, 70)).toBe(0.9985);
    expect(computeAchievement(24_999, 25_000)).toBe(0.9999);
    expect(computeAchievement(2, 3)).toBe(0.6666);
    expect(computeAchievement(70, 70)).toBe(1);
    expect(computeAchievement(267, 260)).toBe(1.0269);
    // 0.7 / 0.1 is 6.999999999999999 in floats: noise is not cut off as a shortfall.
    expect(computeAchievement(0.7, 0.1)).toBe(7);
  });
});

describe('computeIndicatorWindow', () => {
  const period = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };
  it('counts a cumulative indicator from the project start, an annual one within its year', () => {
    expect(computeIndicatorWindow(period, true, 2022, '2026-01-01')).toEqual({ from: '2021-01-01', to: '2022-12-31' });
    expect(computeIndicatorWindow(period, false, 2022, '2026-01-01')).toEqual({ from: '2022-01-01', to: '2022-12-31' });
  });
  it('stops at the day of computation and at the project end', () => {
    expect(computeIndicatorWindow(period, false, 2022, '2022-03-15')).toEqual({ from: '2022-01-01', to: '2022-03-15' });
    expect(computeIndicatorWindow({ periodStart: '2021-03-01', periodEnd: '2023-06-30' }, false, 2023, '2030-01-01')).toEqual({
      from: '2023-01-01',
      to: '2023-06-30',
    });
    expect(computeIndicatorWindow(period, false, 2023, '2022-03-15')).toBeNull();
    // A year that has not begun has no value yet, cumulative or not.
    expect(computeIndicatorWindow(period, true, 2023, '2022-03-15')).toBeNull();
  });
  it('lists the project years', () => {
    expect(projectYears(period)).toEqual([2021, 2022, 2023]);
  });
});
