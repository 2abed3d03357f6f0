import { describe, expect, it } from 'vitest';
import { asOfChoices, formatProbability, formatProjection, likelihoodOf, monthEnd, parseAsOfParam, runningYear, valuesAsOf } from './forecast';

const project = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };
const forecast = (probability: number | null, extra: Partial<{ neededPerMonth: number | null; current: number; target: number; method: string }> = {}) => ({
  probability,
  method: 'pace-seasonal',
  neededPerMonth: 2,
  current: 10,
  target: 20,
  ...extra,
});

describe('asOfChoices', () => {
  it('offers every past month’s end of the project, newest first', () => {
    expect(asOfChoices(project, '2021-04-15')).toEqual(['2021-03-31', '2021-02-28', '2021-01-31']);
    // Today a month's end is not "past" yet: its month is not over.
    expect(asOfChoices(project, '2021-03-31')).toEqual(['2021-02-28', '2021-01-31']);
    const afterTheProject = asOfChoices(project, '2026-12-07');
    expect(afterTheProject).toHaveLength(36);
    expect(afterTheProject[0]).toBe('2023-12-31');
    expect(afterTheProject).toContain('2022-06-30');
    expect(asOfChoices(project, '2020-06-01')).toEqual([]);
  });

  it('knows February and the leap years', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2022-02')).toBe('2022-02-28');
  });

  it('takes a ?na-dzien= value only if it is one of them', () => {
    const choices = asOfChoices(project, '2026-12-07');
    expect(parseAsOfParam('2022-06-30', choices)).toBe('2022-06-30');
    expect(parseAsOfParam('2022-06-15', choices)).toBeNull();
    expect(parseAsOfParam('2024-01-31', choices)).toBeNull();
    expect(parseAsOfParam(null, choices)).toBeNull();
  });
});

describe('runningYear', () => {
  it('is the project year today lies in; none before or after the project', () => {
    expect(runningYear(project, [2021, 2022, 2023], '2022-05-17')).toBe(2022);
    expect(runningYear(project, [2021, 2022, 2023], '2026-12-07')).toBeNull();
    expect(runningYear(project, [2021, 2022, 2023], '2020-12-31')).toBeNull();
  });
});

describe('likelihoodOf', () => {
  it('words the chance of the target', () => {
    expect(likelihoodOf(forecast(0.93))).toBe('likely');
    expect(likelihoodOf(forecast(0.8))).toBe('likely');
    expect(likelihoodOf(forecast(0.6))).toBe('uncertain');
    expect(likelihoodOf(forecast(0.3))).toBe('unlikely');
    expect(likelihoodOf(forecast(0.05))).toBe('endangered');
    expect(likelihoodOf(forecast(null))).toBeNull();
    expect(likelihoodOf(forecast(1, { neededPerMonth: 0, current: 25, target: 20 }))).toBe('reached');
    // A horizon that is over: reached or missed, not a chance.
    expect(likelihoodOf(forecast(0, { method: 'final', neededPerMonth: null, current: 15, target: 20 }))).toBe('missed');
    expect(likelihoodOf(forecast(1, { method: 'final', neededPerMonth: 0, current: 20, target: 20 }))).toBe('reached');
  });
});

describe('formatting', () => {
  it('gives the projection with its 80% interval, counts whole', () => {
    expect(formatProjection({ projected: 171.6, low: 150.2, high: 190.4 }, 'persons', 'pl')).toBe('172 (150–190)');
    expect(formatProjection({ projected: 61.26, low: 55.01, high: 67.49 }, 'percent', 'en')).toBe('61.3% (55%–67.5%)');
    expect(formatProjection({ projected: 12, low: 12, high: 12 }, 'activities', 'en')).toBe('12');
    expect(formatProjection({ projected: null, low: null, high: null }, 'activities', 'en')).toBeNull();
  });

  it('never reads a probability short of certain as 0% or 100%', () => {
    expect(formatProbability(0.724, 'en')).toBe('72%');
    expect(formatProbability(0.996, 'en')).toBe('>99%');
    expect(formatProbability(0.003, 'en')).toBe('<1%');
    expect(formatProbability(1, 'en')).toBe('100%');
  });
});

describe('valuesAsOf', () => {
  it('reads the forecast rows as the indicator table’s values of the day’s year', () => {
    const [row] = valuesAsOf(
      [{ code: 'P1', community: 'ALL', unit: 'persons', value: 120, target: 180, expected: 134.63, achievement: 0.6666, status: 'at_risk', forecasts: [] }],
      2022,
    );
    expect(row).toEqual({
      code: 'P1',
      community: 'ALL',
      year: 2022,
      value: 120,
      target: 180,
      baseline: null,
      expected: 134.63,
      achievement: 0.6666,
      status: 'at_risk',
      unit: 'persons',
    });
  });
});
