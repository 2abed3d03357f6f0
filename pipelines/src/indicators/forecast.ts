/**
 * Forecasts of an indicator at the end of the year and of the project (issue 16): from the pace so
 * far this year and the seasonal shape of earlier years, with an 80% interval, the probability of
 * reaching the target and the pace needed per month. Pure; the method, its settings and the
 * back-test are in pipelines/README-forecast.md.
 */
import { logGamma, negativeBinomialCdf } from '../decline/count-stats.ts';
import { civilDateToUtc, endOfMonth, minDate } from '../lib/civil-date.ts';

/** One month-end value of an indicator and scope (indicator_month_value). */
export interface IndicatorMonthPoint {
  /** 'YYYY-MM' */
  month: string;
  /** The value to that month's end, as the indicator counts it. */
  value: number | null;
  /** For percentages: the answers behind the share. */
  answers?: number | null;
}

export interface ForecastInput {
  unit: 'persons' | 'activities' | 'percent';
  cumulative: boolean;
  /** Month-end values of this indicator and scope from the project's first month up to the last complete month before asOf. */
  history: readonly IndicatorMonthPoint[];
  /** The day the figures are to (YYYY-MM-DD) and the value to that day (may be mid-month). */
  asOf: string;
  valueAsOf: number | null;
  answersAsOf?: number | null;
  /** Target at the end of asOf's year, and at the project's end (null = none). */
  yearTarget: number | null;
  projectTarget: number | null;
  /** YYYY-MM-DD */
  projectStart: string;
  /** YYYY-MM-DD */
  projectEnd: string;
}

export interface Forecast {
  horizon: 'year' | 'project';
  /** YYYY-MM-DD the forecast is for. */
  end: string;
  /** valueAsOf */
  current: number | null;
  /** Central forecast at `end`. */
  projected: number | null;
  /** 80% interval. */
  low: number | null;
  high: number | null;
  target: number | null;
  /** P(value at end >= target), 0..1 */
  probability: number | null;
  /** Pace so far (this year) per month; null for a percentage. */
  pacePerMonth: number | null;
  /** Pace per month from asOf to end needed to reach the target (0 when reached); null for a percentage. */
  neededPerMonth: number | null;
  /** How it was made: ForecastMethod. */
  method: ForecastMethod;
}

/**
 * 'pace-seasonal': counts, this year's pace spread over the seasonal shape of earlier years;
 * 'pace': counts without an earlier complete year (an even shape, a wider interval);
 * 'share': a percentage (the share so far, a beta-binomial for the answers still to come);
 * 'final': the horizon is over, the value is final; 'none': nothing to forecast from.
 */
export type ForecastMethod = 'pace-seasonal' | 'pace' | 'share' | 'final' | 'none';

/** The method's settings (README-forecast.md; calibrated by `npm run backtest:forecast`). */
export interface ForecastSettings {
  /** Weight of last year's level in this year's, in years of profile (0.5 = as much as six average months of data). */
  priorWeight: number;
  /** Pseudo-increments spread evenly over the months when the seasonal shape is estimated (shrinks a thin history toward even). */
  seasonalPseudoCount: number;
  /** Overdispersion when the history is too short to estimate it (variance / mean of a month's increase). */
  defaultDispersion: number;
  /** Multiplies the estimated overdispersion (calibration). */
  dispersionScale: number;
  /** Year-to-year variation of the level (coefficient of variation) for the years after this one. */
  yearLevelCv: number;
  /** Extra variance of the level in the first year, with no earlier year to check the pace against (× the level's own variance). */
  firstYearWidening: number;
  /** Answers of earlier years worth at most this many of this year's in a share's prior. */
  sharePriorAnswers: number;
  /** Divides a share's beta concentration: answers come in clusters (one community's survey day), not one by one. */
  shareClustering: number;
}

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
  priorWeight: 0.5,
  seasonalPseudoCount: 30,
  defaultDispersion: 2,
  dispersionScale: 0.9,
  yearLevelCv: 0.15,
  firstYearWidening: 1,
  sharePriorAnswers: 20,
  shareClustering: 2,
};

const LOW_QUANTILE = 0.1;
const HIGH_QUANTILE = 0.9;

/**
 * The forecasts of one indicator and scope: always two, [year, project]. When asOf's year is the
 * project's last year both end at the project's end (the year is cut at projectEnd) and differ only
 * in their target. An annual indicator's project horizon is its value in the project's last year.
 */
export function forecastIndicator(input: ForecastInput, settings: ForecastSettings = DEFAULT_FORECAST_SETTINGS): Forecast[] {
  const year = Number(input.asOf.slice(0, 4));
  const yearEnd = minDate(`${year}-12-31`, input.projectEnd);
  const horizons: { horizon: Forecast['horizon']; end: string; target: number | null }[] = [
    { horizon: 'year', end: yearEnd, target: input.yearTarget },
    { horizon: 'project', end: input.projectEnd, target: input.projectTarget },
  ];
  return horizons.map(({ horizon, end, target }) => {
    if (input.asOf >= end) return finalForecast(horizon, end, input.valueAsOf, target);
    if (input.asOf < input.projectStart || (input.valueAsOf === null && input.unit !== 'percent')) return noForecast(horizon, end, input.valueAsOf, target);
    const predictive = input.unit === 'percent' ? sharePredictive(input, end, settings) : countPredictive(input, end, settings);
    if (!predictive) return noForecast(horizon, end, input.valueAsOf, target);
    return describe(horizon, end, input, target, predictive);
  });
}

/** The distribution of the value at a horizon's end: its mean, quantiles and P(≥ x). */
interface Predictive {
  method: ForecastMethod;
  mean: number;
  quantile(p: number): number;
  /** P(value at end ≥ x) */
  atLeast(x: number): number;
  pacePerMonth: number | null;
  /** The value the pace needed is counted from (a count: the value now, or 0 for an annual indicator's later year). */
  from: number | null;
}

function describe(horizon: Forecast['horizon'], end: string, input: ForecastInput, target: number | null, p: Predictive): Forecast {
  const monthsLeft = monthsBetweenDays(input.asOf, end);
  const needed = target === null || p.from === null ? null : target <= p.from ? 0 : monthsLeft > 0 ? round((target - p.from) / monthsLeft, 2) : null;
  return {
    horizon,
    end,
    current: input.valueAsOf,
    projected: round(p.mean, 1),
    low: round(p.quantile(LOW_QUANTILE), 1),
    high: round(p.quantile(HIGH_QUANTILE), 1),
    target,
    probability: target === null ? null : round(clamp01(p.atLeast(target)), 3),
    pacePerMonth: p.pacePerMonth === null ? null : round(p.pacePerMonth, 2),
    neededPerMonth: input.unit === 'percent' ? null : needed,
    method: p.method,
  };
}

function finalForecast(horizon: Forecast['horizon'], end: string, value: number | null, target: number | null): Forecast {
  return {
    horizon,
    end,
    current: value,
    projected: value,
    low: value,
    high: value,
    target,
    probability: target === null || value === null ? null : value >= target ? 1 : 0,
    pacePerMonth: null,
    neededPerMonth: target === null || value === null ? null : value >= target ? 0 : null,
    method: value === null ? 'none' : 'final',
  };
}

function noForecast(horizon: Forecast['horizon'], end: string, value: number | null, target: number | null): Forecast {
  return {
    horizon,
    end,
    current: value,
    projected: null,
    low: null,
    high: null,
    target,
    probability: null,
    pacePerMonth: null,
    neededPerMonth: null,
    method: 'none',
  };
}

// ---------------------------------------------------------------------------------- counts

/**
 * A count's increases as a level per year spread over a seasonal profile: `level` is what a whole
 * year would add at this year's pace, `shape` the share of a year's increase in each month.
 */
interface CountModel {
  /** The share of a year's increase in each month (12, summing to 1). */
  shape: number[];
  seasonal: boolean;
  /** This year's level (increase per whole profile), and the profile share it rests on (data + prior). */
  level: number;
  levelWeight: number;
  /** Variance / mean of a month's increase. */
  dispersion: number;
  /** How the level changes from one year to the next (persons: the pool gets reached). */
  yearOnYear: number;
  pacePerMonth: number;
  firstYear: boolean;
}

/** The year's increases so far and in earlier complete years, from the history and the value now. */
function countModel(
  values: Map<string, number | null>,
  input: ForecastInput,
  valueAsOf: number,
  cumulative: boolean,
  settings: ForecastSettings,
): CountModel | null {
  const year = Number(input.asOf.slice(0, 4));
  const startYear = Number(input.projectStart.slice(0, 4));
  const firstMonth = input.projectStart.slice(0, 7);
  // A month's increase: its value less the month before's (an annual count restarts in January,
  // everything starts at the project's first month); null where a value is missing.
  const increases = (y: number): (number | null)[] =>
    Array.from({ length: 12 }, (_, i) => {
      const month = monthKey(y, i + 1);
      const value = values.get(month);
      if (month < firstMonth || value === undefined || value === null) return null;
      const before = month === firstMonth || (i === 0 && !cumulative) ? 0 : values.get(i === 0 ? monthKey(y - 1, 12) : monthKey(y, i));
      return before === undefined || before === null ? null : Math.max(0, value - before);
    });
  // Earlier years whose every month is known (inside the project): they give the seasonal shape.
  const complete: number[][] = [];
  const partial: { y: number; incs: (number | null)[] }[] = [];
  for (let y = startYear; y < year; y += 1) {
    const incs = increases(y);
    if (incs.every((v) => v !== null) && `${y}-01-01` >= input.projectStart) complete.push(incs as number[]);
    else partial.push({ y, incs });
  }
  const seasonal = complete.length > 0;
  const shape = seasonalShape(complete, settings.seasonalPseudoCount, year);

  // This year so far: the increase since the segment began (1 January or the project's start).
  const segmentStart = input.projectStart > `${year}-01-01` ? input.projectStart : `${year}-01-01`;
  const base = cumulative && year > startYear ? (values.get(monthKey(year - 1, 12)) ?? null) : 0;
  if (base === null) return null;
  const soFar = Math.max(0, valueAsOf - base);
  const shareDone = profilePosition(shape, input.asOf) - (segmentStart.endsWith('-01-01') ? 0 : profilePosition(shape, dayBefore(segmentStart)));
  const monthsDone = monthsBetweenDays(dayBefore(segmentStart), input.asOf);

  // Last year's level (its increase per whole profile), the prior for this year's.
  const lastYear = year - 1 >= startYear ? increases(year - 1) : null;
  let previousLevel: number | null = null;
  if (lastYear) {
    let sum = 0;
    let share = 0;
    lastYear.forEach((v, i) => {
      if (v === null) return;
      sum += v;
      share += shape[i]!;
    });
    if (share > 0.05) previousLevel = sum / share;
  }
  const priorWeight = previousLevel === null ? 0 : settings.priorWeight;
  const levelWeight = shareDone + priorWeight;
  if (levelWeight <= 0) return null;
  const level = (soFar + priorWeight * (previousLevel ?? 0)) / levelWeight;

  // Overdispersion: Pearson's statistic of the months' increases against their years' level × shape.
  const months: { observed: number; expected: number }[] = [];
  let levels = 0;
  const addYear = (incs: (number | null)[]) => {
    const known = incs.map((v, i) => ({ v, s: shape[i]! })).filter((m): m is { v: number; s: number } => m.v !== null);
    const share = known.reduce((a, m) => a + m.s, 0);
    const total = known.reduce((a, m) => a + m.v, 0);
    if (known.length < 2 || share <= 0 || total <= 0) return;
    levels += 1;
    for (const m of known) months.push({ observed: m.v, expected: (total / share) * m.s });
  };
  for (const incs of complete) addYear(incs);
  for (const { incs } of partial) addYear(incs);
  addYear(increases(year).map((v, i) => (monthKey(year, i + 1) < input.asOf.slice(0, 7) ? v : null)));
  const freedom = months.length - levels - (seasonal ? 11 : 0);
  const pearson = months.reduce((a, m) => a + (m.expected > 0 ? (m.observed - m.expected) ** 2 / m.expected : 0), 0);
  const dispersion = (freedom >= 4 ? Math.max(1, pearson / freedom) : settings.defaultDispersion) * settings.dispersionScale;

  // Persons: a year reaches fewer new persons than the one before once the pool is being reached.
  const yearOnYear = input.unit === 'persons' && cumulative && previousLevel && previousLevel > 0 ? Math.min(1, level / previousLevel) : 1;
  return {
    shape,
    seasonal,
    level,
    levelWeight,
    dispersion,
    yearOnYear,
    pacePerMonth: monthsDone > 0 ? soFar / monthsDone : 0,
    firstYear: previousLevel === null,
  };
}

function countPredictive(input: ForecastInput, end: string, settings: ForecastSettings): Predictive | null {
  const valueAsOf = input.valueAsOf!;
  const values = new Map(input.history.filter((p) => p.month < input.asOf.slice(0, 7)).map((p) => [p.month, p.value]));
  const model = countModel(values, input, valueAsOf, input.cumulative, settings);
  if (!model) return null;
  const year = Number(input.asOf.slice(0, 4));
  const yearEnd = `${year}-12-31`;
  const { shape, level } = model;
  // The profile shares still to come: the rest of this year, and each later year up to `end`.
  const restOfYear = profilePosition(shape, minDate(yearEnd, end)) - profilePosition(shape, input.asOf);
  const later: number[] = [];
  for (let y = year + 1; `${y}-01-01` <= end; y += 1) later.push(profilePosition(shape, minDate(`${y}-12-31`, end)));

  let mean: number;
  let start: number;
  let variance: number;
  // The level's own uncertainty (a gamma-Poisson posterior's), wider in the first year.
  const levelVariance = ((model.dispersion * level) / model.levelWeight) * (model.firstYear ? 1 + settings.firstYearWidening : 1);
  if (input.cumulative || later.length === 0) {
    // The value now plus this year's rest plus every later year's increase.
    const laterMeans = later.map((share, i) => level * model.yearOnYear ** (i + 1) * share);
    const laterShares = later.map((share, i) => share * model.yearOnYear ** (i + 1));
    const increase = level * restOfYear + laterMeans.reduce((a, b) => a + b, 0);
    const exposure = restOfYear + laterShares.reduce((a, b) => a + b, 0);
    start = valueAsOf;
    mean = increase;
    variance = model.dispersion * increase + exposure ** 2 * levelVariance + laterMeans.reduce((a, m, i) => a + (settings.yearLevelCv * m * (i + 1)) ** 2, 0);
  } else {
    // An annual indicator at the project's end: its value in the last year, counted from 1 January.
    const k = later.length;
    const share = later[k - 1]!;
    const m = level * share;
    start = 0;
    mean = m;
    variance = model.dispersion * m + share ** 2 * levelVariance + (settings.yearLevelCv * m * k) ** 2;
  }
  const increase = countDistribution(mean, variance);
  return {
    method: model.seasonal ? 'pace-seasonal' : 'pace',
    mean: start + mean,
    quantile: (p) => start + increase.quantile(p),
    atLeast: (x) => increase.atLeast(x - start),
    pacePerMonth: model.pacePerMonth,
    from: start,
  };
}

/** The shares of a year's increase by month from complete earlier years, shrunk toward the months' lengths. */
function seasonalShape(years: readonly number[][], pseudoCount: number, year: number): number[] {
  const days = Array.from({ length: 12 }, (_, i) => daysInMonth(year, i + 1));
  const even = days.map((d) => d / days.reduce((a, b) => a + b, 0));
  if (years.length === 0) return even;
  const sums = even.map((_, i) => years.reduce((a, incs) => a + incs[i]!, 0));
  const total = sums.reduce((a, b) => a + b, 0);
  return sums.map((s, i) => (s + pseudoCount * even[i]!) / (total + pseudoCount));
}

/** The share of a year's profile up to the end of `day` (0 before 1 January, 1 at 31 December). */
function profilePosition(shape: readonly number[], day: string): number {
  const month = Number(day.slice(5, 7));
  const dayOfMonth = Number(day.slice(8, 10));
  let position = 0;
  for (let m = 1; m < month; m += 1) position += shape[m - 1]!;
  return position + (shape[month - 1]! * dayOfMonth) / daysInMonth(Number(day.slice(0, 4)), month);
}

/** A count with the given mean and variance: a negative binomial (Poisson when not overdispersed). */
function countDistribution(mean: number, variance: number): { quantile(p: number): number; atLeast(x: number): number } {
  if (mean <= 0) return { quantile: () => 0, atLeast: (x) => (x <= 0 ? 1 : 0) };
  const size = variance > mean * (1 + 1e-9) ? (mean * mean) / (variance - mean) : Infinity;
  const cdf = (k: number) => negativeBinomialCdf(k, mean, size);
  return {
    quantile(p) {
      // The smallest k with P(X ≤ k) ≥ p, by doubling then bisection.
      let high = Math.max(1, Math.ceil(mean));
      while (cdf(high) < p) high *= 2;
      let low = -1;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (cdf(mid) >= p) high = mid;
        else low = mid;
      }
      return high;
    },
    atLeast: (x) => (x <= 0 ? 1 : 1 - cdf(Math.ceil(x) - 1)),
  };
}

// ---------------------------------------------------------------------------------- percentages

/**
 * A share of answers at the horizon's end: the answers so far (A of N at the share) plus the answers
 * still expected M (forecast as a count, from the answers' own history), of which a beta-binomial
 * share reaches the minimum: beta(A + prior, N − A + prior) from this year's and earlier years' answers.
 */
function sharePredictive(input: ForecastInput, end: string, settings: ForecastSettings): Predictive | null {
  const year = Number(input.asOf.slice(0, 4));
  const history = input.history.filter((p) => p.month < input.asOf.slice(0, 7));
  const answersNow = input.answersAsOf ?? 0;
  const answersModel = countPredictive(
    {
      ...input,
      unit: 'activities',
      history: history.map((p) => ({ month: p.month, value: p.answers ?? null })),
      valueAsOf: answersNow,
      yearTarget: null,
      projectTarget: null,
    },
    end,
    settings,
  );
  // Earlier years' final shares as a prior, worth at most `sharePriorAnswers` answers.
  let priorHit = 0.5;
  let priorMiss = 0.5;
  const earlier = history.filter((p) => Number(p.month.slice(0, 4)) < year && p.month.endsWith('-12') && p.value !== null && (p.answers ?? 0) > 0);
  if (earlier.length > 0) {
    const answers = earlier.reduce((a, p) => a + p.answers!, 0);
    const hits = earlier.reduce((a, p) => a + (p.value! / 100) * p.answers!, 0);
    const weight = Math.min(settings.sharePriorAnswers, answers) / answers;
    priorHit += hits * weight;
    priorMiss += (answers - hits) * weight;
  }
  const annualLater = !input.cumulative && end.slice(0, 4) !== input.asOf.slice(0, 4);
  // Counted toward the value at `end`: this year's answers, unless `end` is in a later year of an annual share.
  const counted = annualLater ? 0 : answersNow;
  const hitsNow = input.valueAsOf === null || answersNow === 0 ? 0 : Math.round((input.valueAsOf / 100) * answersNow);
  const hitsCounted = annualLater ? 0 : hitsNow;
  const alpha = (priorHit + hitsNow) / settings.shareClustering;
  const beta = (priorMiss + answersNow - hitsNow) / settings.shareClustering;
  const toCome = answersModel ? Math.max(0, Math.round(answersModel.mean - (annualLater ? 0 : answersNow))) : 0;
  if (counted + toCome === 0) return null;
  const share = (b: number) => (100 * (hitsCounted + b)) / (counted + toCome);
  const pmf = betaBinomialPmf(toCome, alpha, beta);
  const cdf: number[] = [];
  pmf.reduce((a, p, i) => (cdf[i] = a + p), 0);
  const meanHits = (toCome * alpha) / (alpha + beta);
  return {
    method: 'share',
    mean: share(meanHits),
    quantile: (p) => {
      const b = cdf.findIndex((c) => c >= p - 1e-12);
      return share(b < 0 ? toCome : b);
    },
    atLeast: (x) => pmf.reduce((a, p, b) => a + (share(b) >= x - 1e-9 ? p : 0), 0),
    pacePerMonth: null,
    from: null,
  };
}

/** P(B = b), b = 0..n, for B ~ beta-binomial(n, α, β). */
function betaBinomialPmf(n: number, alpha: number, beta: number): number[] {
  const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);
  const base = logBeta(alpha, beta);
  const pmf = Array.from({ length: n + 1 }, (_, k) => Math.exp(logChoose(n, k) + logBeta(k + alpha, n - k + beta) - base));
  const total = pmf.reduce((a, b) => a + b, 0);
  return pmf.map((p) => p / total);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

// ---------------------------------------------------------------------------------- dates

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return Number(endOfMonth(monthKey(year, month)).slice(8, 10));
}

function dayBefore(day: string): string {
  return new Date(civilDateToUtc(day) - 86_400_000).toISOString().slice(0, 10);
}

/** Months (fractional: days / 30.4375) from the end of day `from` to the end of day `to`. */
function monthsBetweenDays(from: string, to: string): number {
  return Math.max(0, (civilDateToUtc(to) - civilDateToUtc(from)) / 86_400_000 / 30.4375);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
