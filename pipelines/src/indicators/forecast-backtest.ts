/**
 * The forecasts' back-test (issue 16): forecasts made at month-ends from month-end values, against
 * the values the horizons ended with; and a seeded simulator of communities' month-end values with
 * seasonality and year-to-year variation to run it on. Pure; `npm run backtest:forecast` prints the
 * tables (pipelines/scripts/backtest-forecast.ts, README-forecast.md).
 */
import { beta, gamma, normal, seedOf, seededRandom, type Random } from '../decline/decline-simulation.ts';
import { endOfMonth } from '../lib/civil-date.ts';
import { DEFAULT_FORECAST_SETTINGS, forecastIndicator, type ForecastInput, type ForecastSettings, type IndicatorMonthPoint } from './forecast.ts';

/** One indicator and scope's month-end values over the whole project, with its targets by year. */
export interface MonthSeries {
  code: string;
  scope: string;
  unit: ForecastInput['unit'];
  cumulative: boolean;
  /** Every month of the project, in order. */
  months: readonly IndicatorMonthPoint[];
  /** Target at the end of each year (a cumulative indicator's to date, an annual one's for the year). */
  targets: Readonly<Record<number, number>>;
}

export interface BacktestRecord {
  code: string;
  scope: string;
  /** 'activities, cumulative', 'persons, annual', 'percent, annual' … */
  kind: string;
  /** The month-end the forecast was made at. */
  origin: string;
  horizon: 'year' | 'project';
  /** Whole months from the origin to the horizon's end. */
  monthsAhead: number;
  projected: number;
  low: number;
  high: number;
  final: number;
  target: number | null;
  probability: number | null;
}

export interface ProjectSpan {
  periodStart: string;
  periodEnd: string;
}

/**
 * Forecasts made at the end of each month in `originMonths` ('YYYY-MM') from the months before it
 * and the value at that month's end, for the year and (before the last year) the project; each
 * against the value the horizon ended with. A horizon that has ended by its origin, or without a
 * forecast or final value, gives no record.
 */
export function backtestSeries(
  series: MonthSeries,
  originMonths: readonly string[],
  project: ProjectSpan,
  settings: ForecastSettings = DEFAULT_FORECAST_SETTINGS,
): BacktestRecord[] {
  const byMonth = new Map(series.months.map((p) => [p.month, p]));
  const lastYear = Number(project.periodEnd.slice(0, 4));
  const records: BacktestRecord[] = [];
  for (const month of originMonths) {
    const point = byMonth.get(month);
    if (!point) continue;
    const asOf = endOfMonth(month);
    const year = Number(month.slice(0, 4));
    const forecasts = forecastIndicator(
      {
        unit: series.unit,
        cumulative: series.cumulative,
        history: series.months.filter((p) => p.month < month),
        asOf,
        valueAsOf: point.value,
        answersAsOf: point.answers ?? null,
        yearTarget: series.targets[year] ?? null,
        projectTarget: series.targets[lastYear] ?? null,
        projectStart: project.periodStart,
        projectEnd: project.periodEnd,
      },
      settings,
    );
    for (const forecast of forecasts) {
      if (forecast.horizon === 'project' && year === lastYear) continue;
      const final = byMonth.get(forecast.end.slice(0, 7))?.value ?? null;
      if (forecast.method === 'final' || forecast.method === 'none' || forecast.projected === null || final === null) continue;
      records.push({
        code: series.code,
        scope: series.scope,
        kind: `${series.unit}, ${series.cumulative ? 'cumulative' : 'annual'}`,
        origin: month,
        horizon: forecast.horizon,
        monthsAhead: monthsApart(month, forecast.end.slice(0, 7)),
        projected: forecast.projected,
        low: forecast.low!,
        high: forecast.high!,
        final,
        target: forecast.target,
        probability: forecast.probability,
      });
    }
  }
  return records;
}

export interface BacktestSummary {
  group: string;
  forecasts: number;
  /** Mean |projected − final|. */
  meanAbsoluteError: number;
  /** Mean |projected − final| / target, over the forecasts with a positive target. */
  meanAbsoluteErrorOfTarget: number | null;
  /** Share of 80% intervals holding the final value. */
  coverage: number;
  /** Mean (probability − reached)², over the forecasts with a target. */
  brier: number | null;
}

/** The records summarised per group (all of them first, as 'all'). */
export function summariseBacktest(records: readonly BacktestRecord[], groupOf: (r: BacktestRecord) => string): BacktestSummary[] {
  const groups = new Map<string, BacktestRecord[]>([['all', [...records]]]);
  for (const record of records) {
    const key = groupOf(record);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return [...groups].map(([group, rows]) => {
    const withTarget = rows.filter((r) => r.target !== null && r.target > 0);
    const withProbability = rows.filter((r) => r.probability !== null && r.target !== null);
    return {
      group,
      forecasts: rows.length,
      meanAbsoluteError: mean(rows.map((r) => Math.abs(r.projected - r.final))),
      meanAbsoluteErrorOfTarget: withTarget.length ? mean(withTarget.map((r) => Math.abs(r.projected - r.final) / r.target!)) : null,
      coverage: mean(rows.map((r) => (r.low <= r.final && r.final <= r.high ? 1 : 0))),
      brier: withProbability.length ? mean(withProbability.map((r) => (r.probability! - (r.final >= r.target! ? 1 : 0)) ** 2)) : null,
    };
  });
}

/** Months ahead in buckets: 1–3, 4–6, 7–9, 10–12, 13–18, 19–24 … */
export function monthsAheadBucket(months: number): string {
  if (months <= 12) {
    const from = Math.floor((months - 1) / 3) * 3 + 1;
    return `${String(from).padStart(2, ' ')}–${from + 2} months`;
  }
  const from = Math.floor((months - 1) / 6) * 6 + 1;
  return `${from}–${from + 5} months`;
}

function monthsApart(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

// ---------------------------------------------------------------------------------- simulation

export interface SimulatedCommunityOptions {
  seed: number;
  /** The persons the community can reach over the project (60–1500 is a realistic range). */
  pool: number;
  /** Calendar years of the project (default 2021–2023, whole years). */
  years?: readonly number[];
}

// How much of an average month happens in each month: thin summers, a quieter December and January.
const SEASON = [0.85, 1, 1.1, 1.1, 1.05, 0.9, 0.45, 0.4, 1.05, 1.15, 1.1, 0.75];

/**
 * One simulated community's month-end values of the default set's kinds of indicator: activity counts
 * (animation annual, education, AKCJA and resident initiatives cumulative), persons reached
 * (cumulative, from person-level attendance with a pool that fills), persons with ≥ 3 attendances in
 * the year (annual), leaders (cumulative) and a survey share (annual, answers in October and in some
 * communities May). Each community has its own seasonal jitter, a level that drifts from year to year
 * (×exp(N(0, 0.15))), a monthly shock shared by all its counts (gamma, CV 0.2), and targets near
 * what happens (×0.8–1.25 of the year's outcome), as a plan written before the project would be.
 */
export function simulateForecastCommunity(options: SimulatedCommunityOptions): MonthSeries[] {
  const rng = seededRandom(options.seed);
  const years = options.years ?? [2021, 2022, 2023];
  const months = years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
  const scope = `SIM-${options.seed}`;
  const jitter = SEASON.map((s) => s * Math.exp(0.1 * normal(rng)));
  const yearLevel = new Map<number, number>();
  let level = 1;
  for (const y of years) {
    yearLevel.set(y, level);
    level *= Math.exp(0.15 * normal(rng));
  }
  const factor = months.map((month) => {
    const m = Number(month.slice(5, 7)) - 1;
    const shock = gamma(rng, 25) / 25; // CV 0.2
    return jitter[m]! * Math.exp(0.1 * normal(rng)) * yearLevel.get(Number(month.slice(0, 4)))! * shock;
  });

  // Activities: rates per average month that grow with the community's size.
  const size = Math.sqrt(options.pool / 300);
  const activityCounts = (rate: number) => factor.map((f) => poisson(rng, rate * size * f));
  const animation = activityCounts(4);
  const education = activityCounts(3);
  const action = activityCounts(0.6);
  const initiatives = activityCounts(0.4);
  const leaders = months.map(() => poisson(rng, 0.35 * size));

  // Persons: 60% reachable from the start, the rest arrive over the project; each comes Poisson(propensity × month's factor) times.
  const reached = months.map(() => 0);
  const regulars = months.map(() => 0);
  for (let p = 0; p < options.pool; p += 1) {
    const arrival = rng.next() < 0.6 ? 0 : Math.floor(rng.next() * months.length);
    const propensity = 0.5 * gammaAny(rng, 0.6);
    let first = -1;
    let thisYear = 0;
    for (let i = arrival; i < months.length; i += 1) {
      if (i % 12 === 0) thisYear = 0;
      const visits = poisson(rng, propensity * factor[i]!);
      if (visits === 0) continue;
      if (first < 0) {
        first = i;
        reached[i]! += 1;
      }
      if (thisYear < 3 && thisYear + visits >= 3) regulars[i]! += 1;
      thisYear += visits;
    }
  }

  // The survey: its months, this year's share and each month's (answers cluster).
  const inMay = rng.next() < 0.5;
  const answers = months.map(() => 0);
  const atLeast = months.map(() => 0);
  for (const y of years) {
    const share = 1 / (1 + Math.exp(-(0.5 + 0.35 * normal(rng))));
    for (const m of inMay ? [4, 9] : [9]) {
      const i = years.indexOf(y) * 12 + m;
      const n = poisson(rng, Math.min(150, 0.12 * options.pool));
      const p = beta(rng, 40 * share + 1, 40 * (1 - share) + 1);
      answers[i] = n;
      for (let k = 0; k < n; k += 1) if (rng.next() < p) atLeast[i]! += 1;
    }
  }

  const running = (increases: number[], cumulative: boolean) => {
    let total = 0;
    return increases.map((x, i) => {
      if (!cumulative && i % 12 === 0) total = 0;
      return (total += x);
    });
  };
  const targetsOf = (values: number[]) =>
    Object.fromEntries(years.map((y, k) => [y, Math.max(1, Math.round(values[k * 12 + 11]! * (0.8 + 0.45 * rng.next())))]));
  const count = (code: string, unit: 'persons' | 'activities', cumulative: boolean, increases: number[]): MonthSeries => {
    const values = running(increases, cumulative);
    return { code, scope, unit, cumulative, months: months.map((month, i) => ({ month, value: values[i]! })), targets: targetsOf(values) };
  };
  const answersSoFar = running(answers, false);
  const hitsSoFar = running(atLeast, false);
  const survey: MonthSeries = {
    code: 'R2',
    scope,
    unit: 'percent',
    cumulative: false,
    months: months.map((month, i) => ({
      month,
      value: answersSoFar[i]! > 0 ? Math.round((1000 * hitsSoFar[i]!) / answersSoFar[i]!) / 10 : null,
      answers: answersSoFar[i]!,
    })),
    targets: Object.fromEntries(years.map((y) => [y, 60])),
  };
  return [
    count('P1', 'persons', true, reached),
    count('P2', 'activities', false, animation),
    count('P3', 'activities', true, education),
    count('P4', 'activities', true, action),
    count('P5', 'persons', true, leaders),
    count('R1', 'persons', false, regulars),
    survey,
    count('R3', 'activities', true, initiatives),
  ];
}

/** `communities` simulated communities of pools spread log-evenly over 60–1500 persons. */
export function simulateForecastCommunities(communities: number, seed = 16): MonthSeries[] {
  const rng = seededRandom(seed);
  return Array.from({ length: communities }, (_, i) => {
    const pool = Math.round(60 * 25 ** rng.next());
    return simulateForecastCommunity({ seed: seedOf(seed, i), pool });
  }).flat();
}

/** Gamma(shape, 1) for any positive shape (boosted below 1). */
function gammaAny(rng: Random, shape: number): number {
  if (shape >= 1) return gamma(rng, shape);
  return gamma(rng, shape + 1) * rng.next() ** (1 / shape);
}

/** Poisson(mean): by multiplication when small, by a gamma-mixture-free normal approximation when large. */
function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = rng.next();
  while (product > limit) {
    k += 1;
    product *= rng.next();
  }
  return k;
}
