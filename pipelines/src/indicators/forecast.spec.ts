import { describe, expect, it } from 'vitest';
import { DEFAULT_FORECAST_SETTINGS, forecastIndicator, type ForecastInput, type IndicatorMonthPoint } from './forecast.ts';

const project = { projectStart: '2021-01-01', projectEnd: '2023-12-31' };
// Hand-workable: no shrinking of the shape toward even months, no pull toward last year's level.
const plain = { ...DEFAULT_FORECAST_SETTINGS, seasonalPseudoCount: 0, priorWeight: 0 };

/** Month-end values of `year` from January. */
const months = (year: number, values: (number | null)[], answers?: number[]): IndicatorMonthPoint[] =>
  values.map((value, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, value, ...(answers ? { answers: answers[i]! } : {}) }));

/** Running totals of monthly increases, from `start`. */
const cumulate = (increases: number[], start = 0): number[] => increases.map((x) => (start += x));

const counts = (over: Partial<ForecastInput>): ForecastInput => ({
  unit: 'activities',
  cumulative: true,
  history: [],
  asOf: '2021-06-30',
  valueAsOf: 0,
  yearTarget: null,
  projectTarget: null,
  ...project,
  ...over,
});

describe('forecastIndicator, counts', () => {
  it('in the first year spreads the pace so far evenly over the days left (pace only)', () => {
    // 60 activities in 181 days (1 Jan – 30 Jun): 184 days left add 60 × 184/181 = 61.0 → 121.0.
    const [year, whole] = forecastIndicator(counts({ history: months(2021, [10, 20, 30, 40, 50]), valueAsOf: 60, yearTarget: 150, projectTarget: 400 }));
    expect(year).toMatchObject({ horizon: 'year', end: '2021-12-31', current: 60, projected: 121, target: 150, method: 'pace' });
    // 60 in 181 days = 5.947 months → 10.09 a month; (150 − 60) in 184 days = 6.045 months → 14.89.
    expect(year).toMatchObject({ pacePerMonth: 10.09, neededPerMonth: 14.89 });
    expect(year!.low!).toBeLessThan(121);
    expect(year!.high!).toBeGreaterThan(121);
    // 150 lies about two standard deviations above: unlikely.
    expect(year!.probability!).toBeLessThan(0.1);
    // Two more years at the same level (activities do not run out): 121 + 2 × 121 = 363.
    expect(whole).toMatchObject({ horizon: 'project', end: '2023-12-31', projected: 363, target: 400, method: 'pace' });
    expect(whole!.high! - whole!.low!).toBeGreaterThan(year!.high! - year!.low!);
  });

  it('follows the seasonal shape of earlier years: no increase in July and August', () => {
    // 2021: 10 a month but none in July and August → each other month holds 0.1 of a year.
    const y2021 = [10, 20, 30, 40, 50, 60, 60, 60, 70, 80, 90, 100];
    const input = counts({
      history: [...months(2021, y2021), ...months(2022, [120, 140, 160, 180, 200])],
      asOf: '2022-06-30',
      valueAsOf: 220,
      yearTarget: 280,
      projectTarget: 400,
    });
    const [year, whole] = forecastIndicator(input, plain);
    // 120 this year in 0.6 of the profile → 200 a year; the 0.4 left adds 80 → 300. Pace only would say 342.
    expect(year).toMatchObject({ projected: 300, method: 'pace-seasonal', pacePerMonth: 20.18 });
    expect(year!.low!).toBeLessThanOrEqual(300);
    expect(year!.high!).toBeGreaterThanOrEqual(300);
    expect(year!.probability!).toBeGreaterThan(0.9);
    // And 2023 at 200: 500.
    expect(whole).toMatchObject({ projected: 500 });
    // The same months without an earlier year: pace only, 120 + 120 × 184/181.
    const paceOnly = forecastIndicator({ ...input, projectStart: '2022-01-01', history: months(2022, [20, 40, 60, 80, 100]), valueAsOf: 120 }, plain);
    expect(paceOnly[0]).toMatchObject({ projected: 242, method: 'pace' });
  });

  it('pulls an early pace toward last year’s level', () => {
    // January 2022 alone (30 in a 1/12 share → 360 a year) against 120 in 2021: the prior weighs half a year.
    const input = counts({ history: months(2021, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]), asOf: '2022-01-31', valueAsOf: 150 });
    const shape = { ...DEFAULT_FORECAST_SETTINGS, seasonalPseudoCount: 0 };
    // Level = (30 + 0.5 × 120) / (1/12 + 0.5) = 154.29 (2021's shape: an even 1/12 a month); 11/12 of it is 141.43.
    expect(forecastIndicator(input, shape)[0]!.projected).toBe(291.4);
    expect(forecastIndicator(input, plain)[0]!.projected).toBe(480);
  });

  it('says a target already reached is reached: probability 1, nothing more needed', () => {
    const [year] = forecastIndicator(counts({ history: months(2021, [10, 20, 30, 40, 50]), valueAsOf: 60, yearTarget: 55 }));
    expect(year).toMatchObject({ probability: 1, neededPerMonth: 0 });
  });

  it('restarts an annual count on 1 January, and projects the project’s last year as a year of its own', () => {
    const input = counts({
      cumulative: false,
      history: [...months(2021, [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]), ...months(2022, [8, 16])],
      asOf: '2022-03-31',
      valueAsOf: 24,
      yearTarget: 90,
      projectTarget: 100,
    });
    const [year, whole] = forecastIndicator(input, plain);
    // 24 in a quarter of the (even) profile → 96 a year; the value counts 2022 alone.
    // 24 in 90 days (2.957 months) → 8.12 a month.
    expect(year).toMatchObject({ current: 24, projected: 96, pacePerMonth: 8.12, method: 'pace-seasonal' });
    // 2023 from its 1 January: 96 again; the pace needed is counted from 0 over 21 months.
    expect(whole).toMatchObject({ current: 24, projected: 96 });
    expect(whole!.neededPerMonth).toBeCloseTo(100 / (640 / 30.4375), 2);
  });

  it('slows a count of persons year on year as its pool is reached', () => {
    // 120 new persons in 2021, 30 in the first half of 2022 (a level of 60): 2023 is expected at 60 × 0.5 = 30.
    const y2021 = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
    const input = counts({
      unit: 'persons',
      history: [...months(2021, y2021), ...months(2022, [125, 130, 135, 140, 145])],
      asOf: '2022-06-30',
      valueAsOf: 150,
    });
    const [year, whole] = forecastIndicator(input, plain);
    expect(year!.projected).toBe(180);
    expect(whole!.projected).toBe(210);
    // The same history as activities keeps its level: 180 + 60.
    expect(forecastIndicator({ ...input, unit: 'activities' }, plain)[1]!.projected).toBe(240);
  });

  it('starts a project in mid-year from its first month', () => {
    const [year] = forecastIndicator(
      counts({ projectStart: '2021-07-01', history: months(2021, [null, null, null, null, null, null, 10, 20]), asOf: '2021-09-30', valueAsOf: 30 }),
    );
    // 30 in 92 days (July–September); 92 days left: 60.
    expect(year).toMatchObject({ projected: 60, method: 'pace' });
  });

  it('after the horizon’s end gives the final value: no interval, probability 0 or 1', () => {
    const history = months(2021, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
    const [year, whole] = forecastIndicator(counts({ history, asOf: '2021-12-31', valueAsOf: 120, yearTarget: 150, projectTarget: 400 }));
    expect(year).toMatchObject({ projected: 120, low: 120, high: 120, probability: 0, neededPerMonth: null, method: 'final' });
    expect(whole!.method).toBe('pace');
    const after = forecastIndicator(counts({ history, asOf: '2024-02-01', valueAsOf: 420, yearTarget: null, projectTarget: 400 }));
    expect(after.map((f) => [f.end, f.method, f.probability, f.neededPerMonth])).toEqual([
      ['2023-12-31', 'final', null, null],
      ['2023-12-31', 'final', 1, 0],
    ]);
  });

  it('in the project’s last year gives the same forecast for the year and the project, with their own targets', () => {
    const history = [
      ...months(
        2021,
        Array.from({ length: 12 }, (_, i) => 10 * (i + 1)),
      ),
      ...months(
        2022,
        Array.from({ length: 12 }, (_, i) => 120 + 10 * (i + 1)),
      ),
    ];
    const [year, whole] = forecastIndicator(counts({ history, asOf: '2023-03-15', valueAsOf: 265, yearTarget: 330, projectTarget: 360 }));
    // 291 days (9.56 months) left: (330 − 265) / 9.56 and (360 − 265) / 9.56 a month.
    const { horizon, target, probability, neededPerMonth, ...forecast } = year!;
    expect([horizon, target, neededPerMonth]).toEqual(['year', 330, 6.8]);
    expect(whole).toEqual({ ...forecast, horizon: 'project', target: 360, probability: whole!.probability, neededPerMonth: 9.94 });
    expect(probability).toBeGreaterThan(0);
    expect(whole!.probability!).toBeLessThan(year!.probability!);
  });

  it('has nothing to say without data', () => {
    const before = forecastIndicator(counts({ asOf: '2020-11-30', valueAsOf: null, yearTarget: 10 }));
    expect(before.map((f) => [f.method, f.projected, f.probability])).toEqual([
      ['none', null, null],
      ['none', null, null],
    ]);
    // The project's first day, nothing yet: a pace of 0 (a value, not a guess).
    expect(forecastIndicator(counts({ asOf: '2021-01-01', valueAsOf: 0 }))[0]).toMatchObject({ projected: 0, method: 'pace' });
  });

  it('widens the interval with the history’s overdispersion', () => {
    // The same totals in two earlier years, steady months against lumpy ones in different months each year.
    const steady = [...months(2021, cumulate(Array(12).fill(20))), ...months(2022, cumulate(Array(12).fill(20), 240))];
    const lumpy = [
      ...months(2021, cumulate([0, 0, 60, 0, 0, 60, 0, 0, 0, 60, 60, 0])),
      ...months(2022, cumulate([60, 0, 0, 60, 0, 0, 60, 0, 60, 0, 0, 0], 240)),
    ];
    const at = (history: IndicatorMonthPoint[]) =>
      forecastIndicator(counts({ history: [...history, ...months(2023, [500, 520, 540])], asOf: '2023-04-30', valueAsOf: 560 }))[0]!;
    const [a, b] = [at(steady), at(lumpy)];
    expect(b.high! - b.low!).toBeGreaterThan(1.5 * (a.high! - a.low!));
  });
});

describe('forecastIndicator, percentages', () => {
  const share = (over: Partial<ForecastInput>): ForecastInput => ({
    unit: 'percent',
    cumulative: false,
    history: [],
    asOf: '2022-09-30',
    valueAsOf: null,
    answersAsOf: 0,
    yearTarget: 60,
    projectTarget: 60,
    ...project,
    ...over,
  });
  // 2021: 100 answers in October at 60%.
  const zeros = Array(9).fill(0);
  const y2021 = months(2021, [...Array(9).fill(null), 60, 60, 60], [...zeros, 100, 100, 100]);

  it('before this year’s answers uses last year’s share, worth at most 20 answers, over the answers expected', () => {
    const [year] = forecastIndicator(share({ history: [...y2021, ...months(2022, Array(8).fill(null), Array(8).fill(0))] }));
    // Beta(0.5 + 12, 0.5 + 8) halved for clustering: mean 12.5 / 21 = 59.5%, over the answers to come.
    expect(year).toMatchObject({ projected: 59.5, method: 'share', pacePerMonth: null, neededPerMonth: null });
    expect(year!.low!).toBeLessThan(45);
    expect(year!.high!).toBeGreaterThan(75);
    expect(year!.probability!).toBeGreaterThan(0.4);
    expect(year!.probability!).toBeLessThan(0.6);
  });

  it('once this year’s survey is in, the share stands', () => {
    const history = [...y2021, ...months(2022, [...Array(9).fill(null), 70], [...zeros, 50])];
    const [year] = forecastIndicator(share({ history, asOf: '2022-11-30', valueAsOf: 70, answersAsOf: 50 }), plain);
    // October held all of last year's answers, and this year's are in: none to come.
    expect(year).toMatchObject({ projected: 70, low: 70, high: 70, probability: 1 });
  });

  it('mixes the answers so far with those to come', () => {
    // Half of the profile's answers in by 31 May 2022 (even months, 10 a month last year): 50 at 80%; 70 more to come.
    const even = months(
      2021,
      Array(12).fill(50),
      Array.from({ length: 12 }, (_, i) => 10 * (i + 1)),
    );
    const history = [...even, ...months(2022, [80, 80, 80, 80], [10, 20, 30, 40])];
    const [year] = forecastIndicator(share({ history, asOf: '2022-05-31', valueAsOf: 80, answersAsOf: 50 }), plain);
    // Prior Beta(0.5 + 10, 0.5 + 10) (20 of last year's 120 at 50%) + 40 of 50: mean (10.5 + 40) / 71 = 71.1% for the
    // 70 to come; (40 + 70 × 0.7113) / 120 = 74.8.
    expect(year!.projected).toBe(74.8);
    expect(year!.low!).toBeGreaterThan(60);
    expect(year!.high!).toBeLessThan(90);
  });

  it('has nothing to say without answers now or expected', () => {
    expect(forecastIndicator(share({}))[0]).toMatchObject({ method: 'none', projected: null });
  });
});
