import { describe, expect, it } from 'vitest';
import { createConfigSnapshot, defaultConfigDir, loadConfig } from '@osl/data';
import { DomainError } from '../lib/domain-error.ts';
import { forecastInputOf, historyBefore, judgeValueAsOf, resolveForecastRequest, type ForecastRequestContext } from './indicator-forecast.ts';

const config = createConfigSnapshot(loadConfig(defaultConfigDir));
const context = (today: string): ForecastRequestContext => ({
  project: { periodStart: '2021-01-01', periodEnd: '2023-12-31' },
  years: [2021, 2022, 2023],
  scopes: ['ALL', 'WZG', 'OST', 'LAZ'],
  today,
});

function refusal(raw: Record<string, string>, today: string): DomainError {
  try {
    resolveForecastRequest(raw, context(today));
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('accepted');
}

describe('resolveForecastRequest', () => {
  it('defaults to today inside the project, valued to date', () => {
    expect(resolveForecastRequest({}, context('2022-05-17'))).toEqual({ asOf: '2022-05-17', year: 2022, community: null, source: 'to-date' });
    expect(resolveForecastRequest({ community: 'ost' }, context('2022-05-17')).community).toBe('OST');
  });

  it('clamps today to the project: its last day after it ends, its first before it starts', () => {
    expect(resolveForecastRequest({}, context('2026-12-07'))).toEqual({ asOf: '2023-12-31', year: 2023, community: null, source: 'month-end' });
    expect(resolveForecastRequest({}, context('2020-06-01'))).toEqual({ asOf: '2021-01-01', year: 2021, community: null, source: 'to-date' });
  });

  it('takes a past year as of its last day, the running one as of today', () => {
    expect(resolveForecastRequest({ year: '2021' }, context('2022-05-17')).asOf).toBe('2021-12-31');
    expect(resolveForecastRequest({ year: '2022' }, context('2022-05-17')).asOf).toBe('2022-05-17');
    expect(resolveForecastRequest({ year: '2022' }, context('2026-12-07')).asOf).toBe('2022-12-31');
  });

  it('takes a past month’s last day as the "as of" view, and today', () => {
    expect(resolveForecastRequest({ asOf: '2022-06-30' }, context('2026-12-07'))).toEqual({
      asOf: '2022-06-30',
      year: 2022,
      community: null,
      source: 'month-end',
    });
    expect(resolveForecastRequest({ asOf: '2022-02-28', year: '2022' }, context('2022-05-17')).source).toBe('month-end');
    expect(resolveForecastRequest({ asOf: '2022-05-17' }, context('2022-05-17')).source).toBe('to-date');
  });

  it('refuses, naming the field in the reader’s language, a day outside the project, in the future, mid-month in the past, or of another year', () => {
    expect(refusal({ asOf: '2024-01-31' }, '2026-12-07').messageIn('en')).toBe(
      'asOf must lie inside the project, from 2021-01-01 to 2023-12-31 (got "2024-01-31")',
    );
    expect(refusal({ asOf: '2020-12-31' }, '2026-12-07').messageIn('pl')).toBe(
      'Dzień „stan na” (asOf) musi leżeć w okresie projektu, od 2021-01-01 do 2023-12-31 (podano „2020-12-31”).',
    );
    expect(refusal({ asOf: '2022-06-30' }, '2022-05-17').messageIn('en')).toBe('asOf must not be after today, 2022-05-17 (got "2022-06-30")');
    expect(refusal({ asOf: '2022-06-15' }, '2026-12-07').messageIn('pl')).toBe(
      'Dzień „stan na” (asOf) z przeszłości musi być ostatnim dniem miesiąca, np. 2022-06-30 (podano „2022-06-15”).',
    );
    expect(refusal({ asOf: '2022-06-30', year: '2023' }, '2026-12-07').messageIn('en')).toBe(
      'year 2023 does not match asOf 2022-06-30: the forecast is for the year that day lies in',
    );
    expect(refusal({ asOf: '2022-02-29' }, '2026-12-07').messageIn('en')).toBe('asOf must be a date YYYY-MM-DD');
    expect(refusal({ year: '2019' }, '2026-12-07').messageIn('pl')).toBe('Rok (year) musi być jednym z lat projektu: 2021, 2022, 2023 (podano „2019”).');
    expect(refusal({ year: 'to-date' }, '2026-12-07').kind).toBe('invalid');
    expect(refusal({ year: '2023' }, '2022-05-17').messageIn('en')).toBe('year 2023 has not begun: forecasts are for the years up to 2022');
    expect(refusal({ community: 'XYZ' }, '2022-05-17').messageIn('en')).toBe('community must be one of ALL, WZG, OST, LAZ (got "XYZ")');
  });
});

describe('historyBefore', () => {
  const months = ['2022-04', '2022-05', '2022-06', '2022-07'].map((month, i) => ({ code: 'P1', community: 'ALL', month, value: i * 10, answers: null }));

  it('keeps only the months before the day’s month: a past view sees nothing later', () => {
    expect(historyBefore(months, '2022-06-30').map((m) => m.month)).toEqual(['2022-04', '2022-05']);
    expect(historyBefore(months, '2022-07-12')).toEqual([
      { month: '2022-04', value: 0, answers: null },
      { month: '2022-05', value: 10, answers: null },
      { month: '2022-06', value: 20, answers: null },
    ]);
  });
});

describe('forecastInputOf', () => {
  const p1 = config.indicators.find((i) => i.code === 'P1')!;

  it('gives the year’s target and the project’s last year’s, per scope', () => {
    const input = forecastInputOf(p1, 'ALL', config.project, '2022-06-30', [], { value: 120, answers: null });
    expect(input).toMatchObject({
      unit: 'persons',
      cumulative: true,
      asOf: '2022-06-30',
      valueAsOf: 120,
      yearTarget: p1.targets.ALL['2022'],
      projectTarget: p1.targets.ALL['2023'],
      projectStart: '2021-01-01',
      projectEnd: '2023-12-31',
    });
    expect(forecastInputOf(p1, 'LAZ', config.project, '2021-03-31', [], { value: 1, answers: null }).yearTarget).toBe(p1.targets.LAZ['2021']);
  });
});

describe('judgeValueAsOf', () => {
  const p1 = config.indicators.find((i) => i.code === 'P1')!;

  it('judges the value against what was expected by that day, as the indicator table does', () => {
    // 2022-06-30: 181 of 365 days; expected = 90 + (180 − 90) × 181/365 = 134.63.
    const judged = judgeValueAsOf(p1, 'ALL', config.project, '2022-06-30', 130);
    expect(judged).toEqual({ target: 180, expected: 134.63, achievement: 0.7222, status: 'on_track' });
    expect(judgeValueAsOf(p1, 'ALL', config.project, '2022-06-30', 100).status).toBe('behind');
    expect(judgeValueAsOf(p1, 'ALL', config.project, '2022-06-30', null).status).toBe('no_data');
  });
});
