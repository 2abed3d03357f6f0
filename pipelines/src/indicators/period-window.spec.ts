import { describe, expect, it } from 'vitest';
import {
  computePeriodCumulativeWindow,
  computePeriodWithinWindow,
  isPeriodOver,
  judgePeriodValue,
  periodCumulativeDay,
  targetPathOf,
} from './period-window.ts';

const project = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };
const thresholds = { onTrack: 0.9, atRisk: 0.75 };
const p1 = { cumulative: true, unit: 'persons' as const };
const p2 = { cumulative: false, unit: 'activities' as const };
const r2 = { cumulative: false, unit: 'percent' as const };
const p1Path = { baseline: 0, targets: { 2021: 90, 2022: 180, 2023: 260 } };
const p2Path = { baseline: 0, targets: { 2021: 30, 2022: 45, 2023: 45 } };
const r2Path = { baseline: 50, targets: { 2021: 55, 2022: 60, 2023: 70 } };
const later = '2026-11-27';
// A half-year across the turn of a year.
const acrossYears = { from: '2021-10-01', to: '2022-03-31' };

describe('the windows of a reporting period', () => {
  it('measure a period across a year boundary within it, and cumulative to its end', () => {
    expect(computePeriodWithinWindow(project, acrossYears, later)).toEqual({ from: '2021-10-01', to: '2022-03-31' });
    // Cumulative: from the project start; annual: the year of the period's last day alone.
    expect(computePeriodCumulativeWindow(project, true, acrossYears, later)).toEqual({ from: '2021-01-01', to: '2022-03-31' });
    expect(computePeriodCumulativeWindow(project, false, acrossYears, later)).toEqual({ from: '2022-01-01', to: '2022-03-31' });
  });

  it('keep a period partly outside the project to the project', () => {
    const straddlingStart = { from: '2020-07-01', to: '2021-06-30' };
    expect(computePeriodWithinWindow(project, straddlingStart, later)).toEqual({ from: '2021-01-01', to: '2021-06-30' });
    const straddlingEnd = { from: '2023-07-01', to: '2024-06-30' };
    expect(computePeriodWithinWindow(project, straddlingEnd, later)).toEqual({ from: '2023-07-01', to: '2023-12-31' });
    expect(periodCumulativeDay(project, straddlingEnd, later)).toBe('2023-12-31');
    expect(computePeriodCumulativeWindow(project, false, straddlingEnd, later)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    const before = { from: '2020-01-01', to: '2020-06-30' };
    expect(computePeriodWithinWindow(project, before, later)).toBeNull();
    expect(computePeriodCumulativeWindow(project, true, before, later)).toBeNull();
  });

  it('end a running period at asOf, and have nothing within a period not begun', () => {
    expect(computePeriodWithinWindow(project, acrossYears, '2021-11-15')).toEqual({ from: '2021-10-01', to: '2021-11-15' });
    expect(computePeriodCumulativeWindow(project, false, acrossYears, '2021-11-15')).toEqual({ from: '2021-01-01', to: '2021-11-15' });
    expect(computePeriodWithinWindow(project, acrossYears, '2021-09-30')).toBeNull();
  });

  it('is over once its last day (or the project end) has passed', () => {
    expect(isPeriodOver(project, acrossYears, '2022-03-31')).toBe(false);
    expect(isPeriodOver(project, acrossYears, '2022-04-01')).toBe(true);
    expect(isPeriodOver(project, { from: '2023-07-01', to: '2024-06-30' }, '2024-01-01')).toBe(true);
  });
});

describe('judgePeriodValue', () => {
  it('sets a cumulative target at the period end on the expected-to-date path, and judges a period that is over against it', () => {
    // 2022-03-31 is day 90 of 365: 90 + 90 × 90/365 = 112.19…
    const judged = judgePeriodValue(p1, p1Path, project, acrossYears, later, 100, thresholds);
    expect(judged.target).toBe(112.19);
    expect(judged.expected).toBe(112.19);
    // 100 / 112.1918 = 0.89133…, truncated
    expect(judged.achievement).toBe(0.8913);
    expect(judged.status).toBe('not_achieved');
    expect(judgePeriodValue(p1, p1Path, project, acrossYears, later, 113, thresholds).status).toBe('achieved');
  });

  it('grows an annual target from zero within the year of the period end', () => {
    // P2 at 2022-03-31: 45 × 90/365 = 11.0958…
    const judged = judgePeriodValue(p2, p2Path, project, acrossYears, later, 11, thresholds);
    expect(judged.target).toBe(11.1);
    expect(judged.status).toBe('not_achieved');
    expect(judged.achievement).toBe(0.9913);
    // A half-year ending 31 December has the year's whole target.
    expect(judgePeriodValue(p2, p2Path, project, { from: '2021-07-01', to: '2021-12-31' }, later, 30, thresholds)).toMatchObject({
      target: 30,
      achievement: 1,
      status: 'achieved',
    });
  });

  it('judges a running period by the traffic light against the value expected on asOf', () => {
    // asOf 2022-02-19 (day 50): expected 90 + 90 × 50/365 = 102.33; 95 / 102.33 = 0.928 → on track.
    const running = judgePeriodValue(p1, p1Path, project, acrossYears, '2022-02-19', 95, thresholds);
    expect(running).toMatchObject({ target: 112.19, expected: 102.33, status: 'on_track' });
    // 80 / 102.33 = 0.78 → at risk; 70 → behind.
    expect(judgePeriodValue(p1, p1Path, project, acrossYears, '2022-02-19', 80, thresholds).status).toBe('at_risk');
    expect(judgePeriodValue(p1, p1Path, project, acrossYears, '2022-02-19', 70, thresholds).status).toBe('behind');
    expect(judgePeriodValue(p1, p1Path, project, acrossYears, '2021-09-01', 70, thresholds).status).toBe('not_started');
  });

  it("takes a percentage's year target whatever the day, and has no value without answers", () => {
    const judged = judgePeriodValue(r2, r2Path, project, acrossYears, later, 59.9, thresholds);
    expect(judged).toMatchObject({ target: 60, expected: 60, achievement: 0.9983, status: 'not_achieved' });
    expect(judgePeriodValue(r2, r2Path, project, acrossYears, later, null, thresholds)).toMatchObject({ achievement: null, status: 'no_data' });
  });

  it('takes a period straddling the project end to the last project day, and has no target outside the targets', () => {
    expect(judgePeriodValue(p1, p1Path, project, { from: '2023-07-01', to: '2024-06-30' }, later, 260, thresholds)).toMatchObject({
      target: 260,
      status: 'achieved',
    });
    expect(judgePeriodValue(p1, { baseline: 0, targets: {} }, project, acrossYears, later, 5, thresholds).status).toBe('no_target');
  });
});

describe('targetPathOf', () => {
  it("reads a scope's baseline and targets by year", () => {
    const indicator = { baseline: { ALL: 50 }, targets: { ALL: { '2021': 55 } } } as unknown as Parameters<typeof targetPathOf>[0];
    expect(targetPathOf(indicator, 'ALL')).toEqual({ baseline: 50, targets: { 2021: 55 } });
    expect(targetPathOf(indicator, 'WZG')).toEqual({ baseline: null, targets: {} });
  });
});
