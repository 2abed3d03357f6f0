import { describe, expect, it } from 'vitest';
import { backtestSeries, monthsAheadBucket, simulateForecastCommunity, summariseBacktest, type BacktestRecord, type MonthSeries } from './forecast-backtest.ts';

const project = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };
const months = Array.from({ length: 36 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

describe('backtestSeries', () => {
  it('forecasts at each month-end against the year’s and the project’s final value, none once a horizon has ended', () => {
    // 10 activities a month, every month: the forecasts are exact.
    const series: MonthSeries = {
      code: 'P3',
      scope: 'ALL',
      unit: 'activities',
      cumulative: true,
      months: months.map((month, i) => ({ month, value: 10 * (i + 1) })),
      targets: { 2021: 100, 2022: 250, 2023: 360 },
    };
    const records = backtestSeries(series, ['2022-03', '2022-12', '2023-06'], project);
    expect(records.map((r) => [r.origin, r.horizon, r.monthsAhead, r.final, r.target])).toEqual([
      ['2022-03', 'year', 9, 240, 250],
      ['2022-03', 'project', 21, 360, 360],
      ['2022-12', 'project', 12, 360, 360],
      ['2023-06', 'year', 6, 360, 360],
    ]);
    for (const r of records) expect(Math.abs(r.projected - r.final)).toBeLessThan(0.02 * r.final);
  });
});

describe('summariseBacktest', () => {
  const record = (over: Partial<BacktestRecord>): BacktestRecord => ({
    code: 'P2',
    scope: 'ALL',
    kind: 'activities, annual',
    origin: '2022-06',
    horizon: 'year',
    monthsAhead: 6,
    projected: 10,
    low: 8,
    high: 12,
    final: 10,
    target: 20,
    probability: 0.5,
    ...over,
  });
  it('gives the mean absolute error, its share of the target, the intervals that held and the Brier score', () => {
    const rows = summariseBacktest([record({ final: 14 }), record({ kind: 'persons, annual', final: 10, probability: 0 })], (r) => r.kind);
    expect(rows).toEqual([
      // Errors 4 and 0; 4/20 and 0; one interval of two held; (0.5 − 0)² and (0 − 0)².
      { group: 'all', forecasts: 2, meanAbsoluteError: 2, meanAbsoluteErrorOfTarget: 0.1, coverage: 0.5, brier: 0.125 },
      { group: 'activities, annual', forecasts: 1, meanAbsoluteError: 4, meanAbsoluteErrorOfTarget: 0.2, coverage: 0, brier: 0.25 },
      { group: 'persons, annual', forecasts: 1, meanAbsoluteError: 0, meanAbsoluteErrorOfTarget: 0, coverage: 1, brier: 0 },
    ]);
  });

  it('buckets months ahead by quarters within a year, by half-years beyond', () => {
    expect([1, 3, 4, 12, 13, 19, 24].map(monthsAheadBucket)).toEqual([
      ' 1–3 months',
      ' 1–3 months',
      ' 4–6 months',
      '10–12 months',
      '13–18 months',
      '19–24 months',
      '19–24 months',
    ]);
  });
});

describe('simulateForecastCommunity', () => {
  it('is seeded, counts up within its windows, restarts annual indicators in January and has targets for each year', () => {
    const a = simulateForecastCommunity({ seed: 7, pool: 400 });
    expect(simulateForecastCommunity({ seed: 7, pool: 400 })).toEqual(a);
    expect(simulateForecastCommunity({ seed: 8, pool: 400 })).not.toEqual(a);
    expect(a.map((s) => s.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'R1', 'R2', 'R3']);
    for (const s of a.filter((x) => x.unit !== 'percent')) {
      expect(s.months).toHaveLength(36);
      expect(Object.keys(s.targets)).toEqual(['2021', '2022', '2023']);
      s.months.forEach((p, i) => {
        if (i === 0 || (!s.cumulative && i % 12 === 0)) return;
        expect(p.value!, `${s.code} ${p.month}`).toBeGreaterThanOrEqual(s.months[i - 1]!.value!);
      });
    }
    const p2 = a.find((s) => s.code === 'P2')!;
    expect(p2.months[12]!.value!).toBeLessThan(p2.months[11]!.value!);
    // The survey: no value before the year's first answers, a share of them after.
    const r2 = a.find((s) => s.code === 'R2')!;
    expect(r2.months[0]).toMatchObject({ value: null, answers: 0 });
    expect(r2.months[11]!.answers!).toBeGreaterThan(0);
    expect(r2.months[11]!.value!).toBeGreaterThanOrEqual(0);
    expect(r2.months[11]!.value!).toBeLessThanOrEqual(100);
  });
});
