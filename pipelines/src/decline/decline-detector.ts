/**
 * Declining participation: is a community (or one activity group in it) clearly below what was
 * expected, recently, at a size of counts where chance cannot explain it?
 *
 * Method (pipelines/README-decline.md has it with the evaluation), for each measure (attendances;
 * distinct participants) and each week t, using only the weeks up to t, as a weekly run would:
 *
 * 1. Weeks that count. A week without activities says nothing about participation (a holiday, a
 *    break) and is left out; so are the weeks before the community's first activity. Each week's
 *    count is set against its exposure x = activities^e (e = activityElasticity: 1 for attendances,
 *    0.5 for distinct participants), so the expectation follows the programme actually held.
 * 2. Window and reference. For each length k = minWindowWeeks … windowWeeks, the window J is the last
 *    k weeks that count, ending at t; the reference is up to referenceWeeks weeks that count just
 *    before it: the community's own recent level, τ_R = (reference count) / (reference exposure).
 * 3. Expected total. The same ISO weeks one and two years back (seasonalYears) give the season:
 *    s = ln[τ_R' · τ_A / τ_C] − ln τ_R, where τ_A is last year's level in the window's weeks, τ_C in the
 *    reference weeks, τ_R' this year's in the reference weeks that have a previous-year week (= τ_R
 *    once there is a whole year) — i.e. last year's same weeks scaled by this year's level over last
 *    year's. E = X_J · τ_R · exp(w·s) blends that (w = 1) with the flat recent level (w = 0):
 *    seasonalWeight 'auto' takes w = 1 in windows with holiday weeks and elsewhere
 *    w = max(0, 1 − c·σ²/s²), σ² the sampling variance of s, so a real season counts in full and a
 *    noisy previous year does not copy its noise; s is capped at ln(1 + maxSeasonalRise). Without a
 *    previous year (the first year) E = X_J · τ_R, the holiday calendar (holidayWeeks) is left out of
 *    window and reference, and the unknown season adds unknownSeasonSd to the expectation's uncertainty.
 * 4. Count-aware test. A week's count is negative binomial with variance μ + φμ²/activities: φ is the
 *    overdispersion of one activity's count (people come in groups; sessions differ), estimated from
 *    the community's own history before the window (deviations from a ±4-week local level), shrunk
 *    toward a prior and floored. The observed total O is compared one-sided with E: O ~ NB with mean
 *    E and variance Var(O | E) + E²·relvar(E), the second term the uncertainty of the baseline itself
 *    (reference, previous years, unknown season). p = P(X ≤ O); drop = 1 − O/E.
 * 5. Alert. A window is judged when E/k ≥ minBaselineLevel (a fall from 3 to 1 is never an alert).
 *    An alert is raised when some window has drop ≥ minRelativeDrop and p ≤ significance (or, with
 *    raiseTest 'likelihoodRatio', the log-likelihood ratio of a fall of targetDrop is at least
 *    minLogLikelihoodRatio) for confirmWeeks weeks running, and stays while some window has drop ≥ clearRelativeDrop and
 *    p ≤ clearSignificance; it ends when the evidence goes or the new level has become the reference.
 *    Reported: the strongest window (else the longest).
 * 6. "Since": when an alert is raised, its first week is the change point that best splits reference
 *    and window weeks into a higher and a lower level (Poisson likelihood with the exposures and the
 *    seasonal adjustment); it stays fixed, with the week the alert was raised, while the alert lasts.
 *
 * Everything here is pure: a series and a configuration in, states out.
 */
import { lowerTailPValue, normalQuantile } from './count-stats.ts';
import { resolveDeclineConfig, type DeclineConfig, type DeclineConfigInput, type DeclineMeasure } from './decline-config.ts';
import { isoWeekRange, parseIsoWeek, weeksInIsoYear } from './iso-week.ts';

/** One week of one community (or one activity group within it). */
export interface WeeklyParticipation {
  /** ISO week 'YYYY-Www'. */
  week: string;
  /** Attendances (named and anonymous) at activities held that week. */
  attendances: number;
  /** Distinct participants who came that week. */
  distinctParticipants: number;
  /** Activities held that week. */
  activities: number;
}

export type BaselineKind = 'previous_year' | 'recent_level' | 'blend';

/** An active alert as of `lastWeek`. */
export interface DeclineFinding {
  measure: DeclineMeasure;
  /** First week of the sustained fall (estimated when the alert was raised). */
  since: string;
  /** Week in which the alert was first raised. */
  raisedIn: string;
  /** Week this state is as of (the last week of the series for detectDecline). */
  lastWeek: string;
  /** First week of the compared window. */
  windowFrom: string;
  /** Weeks in the window that count (holiday weeks left out). */
  weeks: number;
  /** Observed total in the window. */
  observed: number;
  /** Expected total in the window. */
  expected: number;
  /** Fraction below expected: 0.42 = 42% lower. */
  drop: number;
  /** One-sided p-value of the observed total against the expected one. */
  pValue: number;
  baselineKind: BaselineKind;
}

/**
 * alert: an active alert; watch: the evidence of a fall is there but not yet for `confirmWeeks` weeks
 * running; no_decline; low_level: too few expected to judge; insufficient_history: too short a history.
 */
export type DeclineCheckStatus = 'alert' | 'watch' | 'no_decline' | 'low_level' | 'insufficient_history';

/** The test of one measure in one week, whatever its outcome. */
export interface DeclineCheck {
  measure: DeclineMeasure;
  week: string;
  status: DeclineCheckStatus;
  windowFrom: string | null;
  weeks: number;
  observed: number;
  expected: number;
  drop: number;
  pValue: number;
  baselineKind: BaselineKind | null;
  /** Weight w given to the previous years' seasonal pattern (0 = flat recent level). */
  seasonalWeight: number;
  /** Previous years that gave the seasonal pattern. */
  previousYears: number;
  /** Negative-binomial dispersion φ used. */
  dispersion: number;
}

/**
 * What one week of the scan hands to the next, per measure, kept as its changes: from week index t
 * on, the alert in force (its since and raisedIn weeks, or nulls) and the run of weeks passing the
 * raise rule. Lets a later scan resume where the series changed.
 */
export type CarryChange = [t: number, since: string | null, raisedIn: string | null, streak: number];
export type ScanCheckpoint = Partial<Record<DeclineMeasure, CarryChange[]>>;

export interface DeclineWeekState {
  week: string;
  /** Alerts active in this week. */
  alerts: DeclineFinding[];
  checks: DeclineCheck[];
}

/**
 * The method's version: raise it with any change that moves results (the regression snapshot changes).
 * Stored scans (the pipeline's checkpoints) are resumed only by the version that made them; another
 * version rebuilds the analytics state in full.
 */
export const DECLINE_METHOD_VERSION = 1;

/** Weeks either side of a week that give its local mean in the dispersion estimate. */
const DISPERSION_HALF_SPAN = 4;
const MIN_DISPERSION_NEIGHBOURS = 4;
const MAX_DISPERSION = 5;
/** A previous year gives a seasonal pattern only when its reference weeks averaged at least this much. */
const MIN_PREVIOUS_YEAR_LEVEL = 1;

/*
 * Implementation notes (performance). The scan tests every week × window length × measure, so the
 * inner work is kept free of allocations and closures: the weeks that count are listed once per
 * measure (with and without the holiday calendar), so a window and its reference are index ranges
 * into that list; ISO week labels are parsed once; the p-value (the costly part) is computed only
 * where it can matter — for a window whose drop could pass the alert rule, and for the window
 * reported. Every total over a run of weeks is a difference of prefix sums, so a window costs the
 * same whatever its length and reference (sums of counts are exact; the exposure of distinct
 * participants, √activities, may differ from a left-to-right sum in the last bit).
 */

interface Prepared {
  weeks: string[];
  activities: number[];
  values: Record<DeclineMeasure, number[]>;
  /** previousYear[k][u]: index of the same ISO week k+1 years before week u, or -1. */
  previousYear: Int32Array[];
  holiday: Uint8Array;
  /** Index of the first week with any activity or count (weeks before it never count). */
  start: number;
}

const COUNT_FIELDS = ['attendances', 'distinctParticipants', 'activities'] as const;

/** Checks every row's counts (see validateWeeklySeries). */
function checkCounts(series: readonly WeeklyParticipation[]): void {
  for (const row of series) {
    for (const field of COUNT_FIELDS) {
      const v = row[field];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new RangeError(`Weekly series, week ${row.week}: ${field} must be a number ≥ 0, got ${String(v)}`);
      }
    }
  }
}

/** Parses every week label and checks they are consecutive; returns each row's ISO year and week number. */
function parseWeeks(labels: readonly string[]): { years: Int32Array; weekNumbers: Int32Array } {
  const n = labels.length;
  const years = new Int32Array(n);
  const weekNumbers = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const { year, week } = parseIsoWeek(labels[i]!);
    years[i] = year;
    weekNumbers[i] = week;
    if (i > 0) {
      // The next ISO week of (py, pw): (py, pw + 1) within the year, else week 1 of the next year.
      const py = years[i - 1]!;
      const pw = weekNumbers[i - 1]!;
      const next = pw < weeksInIsoYear(py) ? year === py && week === pw + 1 : year === py + 1 && week === 1;
      if (!next) throw new RangeError(`Weekly series must hold consecutive weeks: ${labels[i - 1]} is followed by ${labels[i]}`);
    }
  }
  return { years, weekNumbers };
}

/** What depends on the weeks of a series alone (and two settings): the same for every series of a run. */
interface WeekCalendar {
  labels: string[];
  seasonalYears: number;
  /** The holiday weeks it was built with, as text (a copy: the caller's array may change). */
  holidayWeeks: string;
  weekNumbers: Int32Array;
  previousYear: Int32Array[];
  holiday: Uint8Array;
}

// The last calendar built: a pipeline run scans thousands of series over the same weeks.
let lastCalendar: WeekCalendar | null = null;

function sameLabels(a: readonly string[], series: readonly WeeklyParticipation[]): boolean {
  if (a.length !== series.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== series[i]!.week) return false;
  return true;
}

function weekCalendar(series: readonly WeeklyParticipation[], config: DeclineConfig): WeekCalendar {
  const cached = lastCalendar;
  if (cached && cached.seasonalYears === config.seasonalYears && cached.holidayWeeks === config.holidayWeeks.join() && sameLabels(cached.labels, series)) {
    return cached;
  }
  const labels = series.map((row) => row.week);
  const { years, weekNumbers } = parseWeeks(labels);
  const n = labels.length;
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) index.set(weekKey(years[i]!, weekNumbers[i]!), i);
  // The same week number k+1 years before (week 53 becomes week 52 in a 52-week year), step by step
  // as sameIsoWeekYearBefore does.
  const previousYear: Int32Array[] = [];
  const labelYear = years.slice();
  const labelWeek = weekNumbers.slice();
  for (let k = 0; k < config.seasonalYears; k++) {
    const map = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const year = labelYear[i]! - 1;
      const week = Math.min(labelWeek[i]!, weeksInIsoYear(year));
      labelYear[i] = year;
      labelWeek[i] = week;
      map[i] = index.get(weekKey(year, week)) ?? -1;
    }
    previousYear.push(map);
  }
  const holidays = new Set(config.holidayWeeks);
  const holiday = new Uint8Array(n);
  for (let i = 0; i < n; i++) holiday[i] = holidays.has(weekNumbers[i]!) ? 1 : 0;
  lastCalendar = { labels, seasonalYears: config.seasonalYears, holidayWeeks: config.holidayWeeks.join(), weekNumbers, previousYear, holiday };
  return lastCalendar;
}

/** Checks that the series is consecutive ISO weeks with non-negative counts. */
export function validateWeeklySeries(series: readonly WeeklyParticipation[]): void {
  parseWeeks(series.map((row) => row.week));
  checkCounts(series);
}

/**
 * A consecutive weekly series from `from` to `to` (ISO weeks, both included) out of rows for the weeks
 * in which something happened (one row per week): missing weeks become zeros, rows outside the span
 * are ignored.
 */
export function completeWeeklySeries(rows: readonly WeeklyParticipation[], from: string, to: string): WeeklyParticipation[] {
  const byWeek = new Map<string, WeeklyParticipation>();
  for (const row of rows) {
    parseIsoWeek(row.week);
    // Distinct participants of two rows cannot be added up: one row per week.
    if (byWeek.has(row.week)) throw new RangeError(`Weekly rows: week ${row.week} appears twice`);
    byWeek.set(row.week, row);
  }
  return isoWeekRange(from, to).map((week) => {
    const row = byWeek.get(week);
    return row ? { ...row } : { week, attendances: 0, distinctParticipants: 0, activities: 0 };
  });
}

/** A numeric key of an ISO week (year, week). */
const weekKey = (year: number, week: number) => year * 64 + week;

function prepare(series: readonly WeeklyParticipation[], config: DeclineConfig): Prepared {
  const calendar = weekCalendar(series, config);
  checkCounts(series);
  const n = series.length;
  const activities = new Array<number>(n);
  const attendances = new Array<number>(n);
  const distinctParticipants = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const row = series[i]!;
    activities[i] = row.activities;
    attendances[i] = row.attendances;
    distinctParticipants[i] = row.distinctParticipants;
  }
  let start = 0;
  while (start < n && !(activities[start]! > 0 || attendances[start]! > 0 || distinctParticipants[start]! > 0)) start++;
  return {
    weeks: calendar.labels,
    activities,
    values: { attendances, distinctParticipants },
    previousYear: calendar.previousYear,
    holiday: calendar.holiday,
    start,
  };
}

/**
 * Prefix sums of the dispersion estimate's terms. For each week with activities, its deviation from
 * the local level of its neighbours (±4 weeks with activities, per unit of exposure): with
 * Var(y) = μ + φμ²/a (a = activities, so φ is the overdispersion of one activity's count),
 * E[(y − m)²/(1 + 1/k) − m] = φ m²/a.
 */
interface DispersionTerms {
  num: Float64Array;
  den: Float64Array;
  count: Int32Array;
}

function dispersionTerms(p: Prepared, y: number[], x: Float64Array): DispersionTerms {
  const n = y.length;
  const num = new Float64Array(n + 1);
  const den = new Float64Array(n + 1);
  const count = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    let a = 0;
    let b = 0;
    let c = 0;
    if (u >= p.start && p.activities[u]! > 0) {
      let sumY = 0;
      let sumX = 0;
      let k = 0;
      for (let v = Math.max(p.start, u - DISPERSION_HALF_SPAN); v <= Math.min(n - 1, u + DISPERSION_HALF_SPAN); v++) {
        if (v === u || p.activities[v]! <= 0) continue;
        sumY += y[v]!;
        sumX += x[v]!;
        k++;
      }
      if (k >= MIN_DISPERSION_NEIGHBOURS && sumY > 0) {
        const m = (x[u]! * sumY) / sumX;
        a = (y[u]! - m) ** 2 / (1 + 1 / k) - m;
        b = (m * m) / p.activities[u]!;
        c = 1;
      }
    }
    num[u + 1] = num[u]! + a;
    den[u + 1] = den[u]! + b;
    count[u + 1] = count[u]! + c;
  }
  return { num, den, count };
}

/** φ from the terms of weeks whose whole neighbourhood lies before `before`, shrunk toward the prior. */
function estimateDispersion(terms: DispersionTerms, before: number, config: DeclineConfig): number {
  if (typeof config.dispersion === 'number') return config.dispersion;
  const upto = Math.max(0, before - DISPERSION_HALF_SPAN);
  const n = terms.count[upto]!;
  const prior = config.priorDispersion;
  let phi = prior;
  if (n > 0) {
    const sumNum = terms.num[upto]!;
    const sumDen = terms.den[upto]!;
    const weight = (config.priorDispersionWeeks * sumDen) / n;
    phi = (sumNum + weight * prior) / (sumDen + weight);
  }
  return Math.min(MAX_DISPERSION, Math.max(config.minDispersion, phi));
}

/** Weeks that count, ascending, and for each week t how many of them lie at or before t. */
interface CountingWeeks {
  list: Int32Array;
  upTo: Int32Array;
}

function countingWeeks(p: Prepared, leaveOutHolidays: boolean): CountingWeeks {
  const n = p.weeks.length;
  const list = new Int32Array(n);
  const upTo = new Int32Array(n);
  let m = 0;
  for (let u = 0; u < n; u++) {
    if (u >= p.start && p.activities[u]! > 0 && !(leaveOutHolidays && p.holiday[u]!)) list[m++] = u;
    upTo[u] = m;
  }
  return { list: list.subarray(0, m), upTo };
}

/** One measure of one series, ready for the window tests. */
interface MeasureContext {
  p: Prepared;
  config: DeclineConfig;
  y: number[];
  /** Exposure activities^e (0 without activities). */
  x: Float64Array;
  /** x²/activities (0 without activities). */
  xx: Float64Array;
  terms: DispersionTerms;
  /** Weeks with activities (from the first activity on). */
  active: CountingWeeks;
  /** The same without the holiday calendar (the first year, without a previous year). */
  firstYear: CountingWeeks;
  /** Prefix sums of y, x and xx over the positions of `active.list` and of `firstYear.list`. */
  activeSums: Sums;
  firstYearSums: Sums;
  /** Prefix sums over all weeks (weeks with activities only): last year's window, however widened. */
  weekSums: Sums;
  /** Per previous year k, over the positions of `active.list` (see previousYearSums). */
  years: PreviousYearSums[];
  /** Prefix count of holiday weeks over the positions of `active.list`. */
  activeHolidays: Int32Array;
  /** Scratch: the previous years that show the season, and their matched reference totals (C). */
  yearK: Int32Array;
  yearSy: Float64Array;
  yearSx: Float64Array;
  yearSxx: Float64Array;
}

/**
 * The test of one window. The window is list[windowStart … windowStart + weeks − 1] and its reference
 * list[referenceStart … windowStart − 1]. The p-value is computed on demand (pValueOf).
 */
interface WindowTest {
  ok: boolean;
  list: Int32Array;
  windowStart: number;
  referenceStart: number;
  weeks: number;
  observed: number;
  expected: number;
  variance: number;
  drop: number;
  pValue: number;
  pKnown: boolean;
  baselineKind: BaselineKind;
  seasonalWeight: number;
  /** The seasonal log-ratio s (0 without a previous year). */
  seasonal: number;
  previousYears: number;
  dispersion: number;
  level: number;
}

function emptyWindowTest(): WindowTest {
  return {
    ok: false,
    list: new Int32Array(0),
    windowStart: 0,
    referenceStart: 0,
    weeks: 0,
    observed: 0,
    expected: 0,
    variance: 0,
    drop: 0,
    pValue: 1,
    pKnown: true,
    baselineKind: 'recent_level',
    seasonalWeight: 0,
    seasonal: 0,
    previousYears: 0,
    dispersion: 0,
    level: 0,
  };
}

function pValueOf(r: WindowTest): number {
  if (!r.pKnown) {
    r.pValue = lowerTailPValue(r.observed, r.expected, r.variance);
    r.pKnown = true;
  }
  return r.pValue;
}

/** Relative variance of a total: Poisson part plus overdispersion of its activities. */
function relvar(sy: number, sx: number, sxx: number, phi: number): number {
  return 1 / (sy + 0.5) + (phi * sxx) / (sx * sx);
}

function logTurnout(sy: number, sx: number): number {
  return Math.log((sy + 0.5) / sx);
}

/** Prefix sums: the total of positions a … b−1 is sum[b] − sum[a]. */
interface Sums {
  y: Float64Array;
  x: Float64Array;
  xx: Float64Array;
}

function newSums(length: number): Sums {
  return { y: new Float64Array(length + 1), x: new Float64Array(length + 1), xx: new Float64Array(length + 1) };
}

/** Prefix sums over `length` positions: position i stands for week weekAt(i), counted only where `counts` accepts it. */
function prefixSums(c: Pick<MeasureContext, 'y' | 'x' | 'xx'>, length: number, weekAt: (i: number) => number, counts: (u: number) => boolean): Sums {
  const sums = newSums(length);
  for (let i = 0; i < length; i++) {
    const u = weekAt(i);
    const take = counts(u);
    sums.y[i + 1] = sums.y[i]! + (take ? c.y[u]! : 0);
    sums.x[i + 1] = sums.x[i]! + (take ? c.x[u]! : 0);
    sums.xx[i + 1] = sums.xx[i]! + (take ? c.xx[u]! : 0);
  }
  return sums;
}

/**
 * For previous year k, over the positions i of the active list (u = list[i], v = the same week k+1
 * years before): `missing` counts weeks whose v is not in the series; `then` sums v's counts where v
 * is in the series and had activities (last year's level in these weeks); `matched` sums u's own
 * counts where v is in the series (this year's level in the weeks that have a previous year).
 */
interface PreviousYearSums {
  missing: Int32Array;
  then: Sums;
  matched: Sums;
}

function previousYearSums(c: Pick<MeasureContext, 'p' | 'y' | 'x' | 'xx'>, list: Int32Array, map: Int32Array): PreviousYearSums {
  const { start, activities } = c.p;
  const missing = new Int32Array(list.length + 1);
  for (let i = 0; i < list.length; i++) missing[i + 1] = missing[i]! + (map[list[i]!]! < start ? 1 : 0);
  return {
    missing,
    then: prefixSums(
      c,
      list.length,
      (i) => map[list[i]!]!,
      (v) => v >= start && activities[v]! > 0,
    ),
    matched: prefixSums(
      c,
      list.length,
      (i) => list[i]!,
      (u) => map[u]! >= start,
    ),
  };
}

/** Tests the window of W weeks that count ending at week t; fills `out` (out.ok = false: too short a history). */
function testWindow(c: MeasureContext, t: number, W: number, out: WindowTest): void {
  const { p, config } = c;
  const B = config.referenceWeeks;
  const minReference = config.minReferenceWeeks;
  out.ok = false;
  // Weeks without activities say nothing about participation (holidays, breaks); the first year,
  // with no previous year to show the season, also leaves out the holiday calendar.
  let list = c.active.list;
  let sums = c.activeSums;
  let end = c.active.upTo[t]!;
  if (end < W) return;
  let ws = end - W;
  let rs = Math.max(0, ws - B);
  // Previous years that can show the season: the same weeks of the window are in the series, and so
  // are enough of the reference weeks (matched: reference weeks whose previous-year week is known).
  let years = 0;
  if (ws - rs >= minReference) {
    for (let k = 0; k < c.years.length; k++) {
      const { missing, then } = c.years[k]!;
      if (missing[end]! - missing[ws]! > 0) continue;
      const matched = ws - rs - (missing[ws]! - missing[rs]!);
      if (matched < minReference) continue;
      const wsx = then.x[end]! - then.x[ws]!;
      const rsy = then.y[ws]! - then.y[rs]!;
      const rsx = then.x[ws]! - then.x[rs]!;
      if (wsx > 0 && rsx > 0 && rsy >= MIN_PREVIOUS_YEAR_LEVEL * matched) {
        c.yearK[years] = k;
        c.yearSy[years] = rsy;
        c.yearSx[years] = rsx;
        c.yearSxx[years] = then.xx[ws]! - then.xx[rs]!;
        years++;
      }
    }
  }
  if (years === 0) {
    list = c.firstYear.list;
    sums = c.firstYearSums;
    end = c.firstYear.upTo[t]!;
    if (end < W) return;
    ws = end - W;
    rs = Math.max(0, ws - B);
  }
  if (ws - rs < minReference) return;

  const phi = estimateDispersion(c.terms, list[ws]!, config);
  const nowSy = sums.y[end]! - sums.y[ws]!;
  const nowSx = sums.x[end]! - sums.x[ws]!;
  const nowSxx = sums.xx[end]! - sums.xx[ws]!;
  const refSy = sums.y[ws]! - sums.y[rs]!;
  const refSx = sums.x[ws]! - sums.x[rs]!;
  const refSxx = sums.xx[ws]! - sums.xx[rs]!;
  const observed = nowSy;

  // s: log of the expected turnout by the seasonal model (this year's matched reference level × last
  // year's window level / last year's reference level) over the flat recent level; σ² its noise.
  let s = 0;
  let sigma2 = 0;
  let w = 0;
  if (years > 0) {
    let aSy = 0;
    let aSx = 0;
    let aSxx = 0;
    let cSy = 0;
    let cSx = 0;
    let cSxx = 0;
    let rSy = 0;
    let rSx = 0;
    let rSxx = 0;
    const smoothing = config.seasonalSmoothingWeeks;
    const last = p.weeks.length - 1;
    const weekSums = c.weekSums;
    for (let j = 0; j < years; j++) {
      const k = c.yearK[j]!;
      const map = p.previousYear[k]!;
      // The previous year's weeks that show the season of the window: the same ISO weeks, widened by
      // `smoothing` weeks either side.
      const from = Math.max(p.start, map[list[ws]!]! - smoothing);
      const to = Math.min(last, map[list[end - 1]!]! + smoothing);
      if (to >= from) {
        aSy += weekSums.y[to + 1]! - weekSums.y[from]!;
        aSx += weekSums.x[to + 1]! - weekSums.x[from]!;
        aSxx += weekSums.xx[to + 1]! - weekSums.xx[from]!;
      }
      cSy += c.yearSy[j]!;
      cSx += c.yearSx[j]!;
      cSxx += c.yearSxx[j]!;
      const matched = c.years[k]!.matched;
      rSy += matched.y[ws]! - matched.y[rs]!;
      rSx += matched.x[ws]! - matched.x[rs]!;
      rSxx += matched.xx[ws]! - matched.xx[rs]!;
    }
    // The previous year may lower the expectation as far as it shows (holidays, seasonal lows) but
    // raise it above the recent level only so far: a year of growth (a project finding its feet) is
    // not a season to hold the next year to.
    s = Math.min(logTurnout(rSy, rSx) + logTurnout(aSy, aSx) - logTurnout(cSy, cSx) - logTurnout(refSy, refSx), Math.log1p(config.maxSeasonalRise));
    sigma2 = relvar(aSy, aSx, aSxx, phi) + relvar(cSy, cSx, cSxx, phi) + Math.max(0, relvar(rSy, rSx, rSxx, phi) - relvar(refSy, refSx, refSxx, phi));
    if (config.seasonalWeight !== 'auto') w = config.seasonalWeight;
    else if (c.activeHolidays[end]! - c.activeHolidays[ws]! > 0) w = 1;
    else w = s !== 0 ? Math.max(0, 1 - (config.seasonalShrinkage * sigma2) / (s * s)) : 0;
  }
  const turnout = refSy / refSx;
  const expected = nowSx * turnout * Math.exp(w * s);
  out.ok = true;
  out.list = list;
  out.windowStart = ws;
  out.referenceStart = rs;
  out.weeks = W;
  out.observed = observed;
  out.expected = expected;
  out.baselineKind = years === 0 || w <= 0.2 ? 'recent_level' : w >= 0.8 ? 'previous_year' : 'blend';
  out.seasonalWeight = w;
  out.seasonal = s;
  out.previousYears = years;
  out.dispersion = phi;
  if (!(refSy > 0) || !(expected > 0)) {
    out.variance = 0;
    out.drop = 0;
    out.pValue = 1;
    out.pKnown = true;
    out.level = 0;
    return;
  }
  // Without a previous year the season is unknown: its deviation (sd unknownSeasonSd) is part of the
  // expectation's uncertainty.
  const relvarExpected = relvar(refSy, refSx, refSxx, phi) + w * w * sigma2 + (years === 0 ? config.unknownSeasonSd ** 2 : 0);
  const perUnit = expected / nowSx;
  out.variance = expected + phi * perUnit * perUnit * nowSxx + expected * expected * relvarExpected;
  out.pKnown = false;
  out.pValue = NaN;
  out.drop = 1 - observed / expected;
  out.level = expected / W;
}

/**
 * First week of the fall: the split of reference + window weeks into a higher then a lower level with
 * the greatest Poisson likelihood, each week weighted by its activities and, as far as it counts (w),
 * by the previous year's seasonal shape.
 */
function estimateSince(c: MeasureContext, test: WindowTest): number {
  const { y, x } = c;
  const list = test.list;
  const from = test.referenceStart;
  const windowStart = test.windowStart;
  const end = windowStart + test.weeks;
  const n = end - from;
  const shape = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = list[from + i]!;
    shape[i] = x[u]! * (from + i >= windowStart ? Math.exp(test.seasonalWeight * test.seasonal) : 1);
  }
  let totalY = 0;
  let totalH = 0;
  for (let i = 0; i < n; i++) {
    totalY += y[list[from + i]!]!;
    totalH += shape[i]!;
  }
  let best = list[windowStart]!;
  let bestScore = -Infinity;
  let y1 = 0;
  let h1 = 0;
  for (let i = 1; i < n; i++) {
    y1 += y[list[from + i - 1]!]!;
    h1 += shape[i - 1]!;
    const y2 = totalY - y1;
    const h2 = totalH - h1;
    if (h1 <= 0 || h2 <= 0 || y2 / h2 >= y1 / h1) continue;
    const score = xlogx(y1, h1) + xlogx(y2, h2);
    if (score > bestScore) {
      bestScore = score;
      best = list[from + i]!;
    }
  }
  return best;
}

/**
 * The evidence of a window for a fall of `targetDrop` against none, on the normal scale: z is the
 * normal score of the window's p-value (so the count distribution's tail is kept), m = δE/√Var the
 * z a fall of δ would give in this window, and ln LR = m·z − m²/2. The maximum over window lengths is
 * the window-limited CUSUM (generalised likelihood ratio over the change point) for a fall of δ.
 */
function logLikelihoodRatio(r: WindowTest, pValue: number, targetDrop: number): number {
  if (!(r.variance > 0)) return -Infinity;
  const z = -normalQuantile(Math.min(1, Math.max(0, pValue)));
  const m = (targetDrop * r.expected) / Math.sqrt(r.variance);
  return m * z - (m * m) / 2;
}

function xlogx(a: number, b: number): number {
  return a > 0 ? a * Math.log(a / b) : 0;
}

/**
 * The scan behind scanDeclineHistory and detectDecline: every week is tested (an alert's state carries
 * from week to week), but states are built only for the weeks from `recordFrom` on.
 */
function scan(
  series: readonly WeeklyParticipation[],
  config: DeclineConfigInput,
  recordFrom: (n: number) => number,
  resume: { from: number; checkpoint: ScanCheckpoint } | null = null,
): { states: DeclineWeekState[]; checkpoint: ScanCheckpoint } {
  const cfg = resolveDeclineConfig(config);
  const p = prepare(series, cfg);
  const n = p.weeks.length;
  const resumeFrom = resume ? Math.max(0, Math.min(resume.from, n)) : 0;
  const first = Math.max(resumeFrom, recordFrom(n));
  const checkpoint: ScanCheckpoint = {};
  const states: DeclineWeekState[] = [];
  for (let t = first; t < n; t++) states.push({ week: p.weeks[t]!, alerts: [], checks: [] });
  const lengths = cfg.windowWeeks - cfg.minWindowWeeks + 1;
  const tests: WindowTest[] = Array.from({ length: lengths }, emptyWindowTest);
  const results: WindowTest[] = new Array<WindowTest>(lengths);
  const active = countingWeeks(p, false);
  const firstYear = countingWeeks(p, true);
  const activeHolidays = new Int32Array(active.list.length + 1);
  for (let i = 0; i < active.list.length; i++) activeHolidays[i + 1] = activeHolidays[i]! + p.holiday[active.list[i]!]!;
  const yearSlots = Math.max(1, p.previousYear.length);
  for (const measure of cfg.measures) {
    const y = p.values[measure];
    const elasticity = cfg.activityElasticity[measure];
    const x = new Float64Array(n);
    const xx = new Float64Array(n);
    for (let u = 0; u < n; u++) {
      const a = p.activities[u]!;
      x[u] = a > 0 ? a ** elasticity : 0;
      if (a > 0) xx[u] = (x[u]! * x[u]!) / a;
    }
    const base = { p, y, x, xx };
    const hasActivities = (u: number) => p.activities[u]! > 0;
    const c: MeasureContext = {
      ...base,
      config: cfg,
      terms: dispersionTerms(p, y, x),
      active,
      firstYear,
      activeSums: prefixSums(base, active.list.length, (i) => active.list[i]!, hasActivities),
      firstYearSums: prefixSums(base, firstYear.list.length, (i) => firstYear.list[i]!, hasActivities),
      weekSums: prefixSums(base, n, (u) => u, hasActivities),
      years: p.previousYear.map((map) => previousYearSums(base, active.list, map)),
      activeHolidays,
      yearK: new Int32Array(yearSlots),
      yearSy: new Float64Array(yearSlots),
      yearSx: new Float64Array(yearSlots),
      yearSxx: new Float64Array(yearSlots),
    };
    let alert: { since: string; raisedIn: string } | null = null;
    let streak = 0;
    // The carry is kept as its changes; a resumed scan starts from the state after week resumeFrom − 1.
    const changes: CarryChange[] = resume ? (resume.checkpoint[measure] ?? []).filter(([t]) => t < resumeFrom) : [];
    const carried = changes[changes.length - 1];
    if (carried) {
      alert = carried[1] !== null ? { since: carried[1], raisedIn: carried[2]! } : null;
      streak = carried[3];
    }
    checkpoint[measure] = changes;
    const noteCarry = (t: number) => {
      const last = changes[changes.length - 1];
      const since = alert?.since ?? null;
      const raisedIn = alert?.raisedIn ?? null;
      if (last ? last[1] !== since || last[2] !== raisedIn || last[3] !== streak : since !== null || streak !== 0) changes.push([t, since, raisedIn, streak]);
    };
    for (let t = resumeFrom; t < n; t++) {
      const week = p.weeks[t]!;
      const state = t >= first ? states[t - first]! : null;
      let count = 0;
      for (let W = cfg.minWindowWeeks; W <= cfg.windowWeeks; W++) {
        const test = tests[W - cfg.minWindowWeeks]!;
        testWindow(c, t, W, test);
        if (test.ok) results[count++] = test;
      }
      if (count === 0) {
        alert = null;
        streak = 0;
        noteCarry(t);
        state?.checks.push({
          measure,
          week,
          status: 'insufficient_history',
          windowFrom: null,
          weeks: 0,
          observed: 0,
          expected: 0,
          drop: 0,
          pValue: 1,
          baselineKind: null,
          seasonalWeight: 0,
          previousYears: 0,
          dispersion: 0,
        });
        continue;
      }
      // Every window length from minWindowWeeks to windowWeeks is tested: a short one sees a steep
      // fall early, a long one a moderate fall with more evidence. Shown: the strongest passing window
      // (the shortest among equals), else the longest.
      let result = results[count - 1]!;
      let status: DeclineCheckStatus;
      let lastJudged: WindowTest | null = null;
      let best: WindowTest | null = null;
      let bestP = Infinity;
      // Raised when some window has drop ≥ minRelativeDrop and p ≤ significance; kept while some window
      // has drop ≥ clearRelativeDrop and p ≤ clearSignificance. The drop is checked first: the p-value
      // is computed only for the windows it lets through.
      const minDrop = alert ? cfg.clearRelativeDrop : cfg.minRelativeDrop;
      const maxP = alert ? cfg.clearSignificance : cfg.significance;
      const byRatio = !alert && cfg.raiseTest === 'likelihoodRatio';
      for (let i = 0; i < count; i++) {
        const r = results[i]!;
        if (!(r.level >= cfg.minBaselineLevel)) continue;
        lastJudged = r;
        if (!(r.drop >= minDrop)) continue;
        const pv = pValueOf(r);
        // score: lower is stronger (the p-value, or minus the log-likelihood ratio).
        let score = pv;
        if (byRatio) {
          const llr = logLikelihoodRatio(r, pv, cfg.targetDrop);
          if (!(llr >= cfg.minLogLikelihoodRatio)) continue;
          score = -llr;
        } else if (!(pv <= maxP)) continue;
        if (best === null || score < bestP) {
          best = r;
          bestP = score;
        }
      }
      if (lastJudged === null) {
        status = 'low_level';
        alert = null;
        streak = 0;
      } else {
        const passing = best !== null;
        streak = !alert && passing ? streak + 1 : 0;
        const on = alert ? passing : streak >= cfg.confirmWeeks;
        result = best ?? lastJudged;
        if (on && !alert) alert = { since: p.weeks[estimateSince(c, result)]!, raisedIn: week };
        if (!on) alert = null;
        status = on ? 'alert' : passing ? 'watch' : 'no_decline';
      }
      noteCarry(t);
      if (!state) continue;
      const windowFrom = p.weeks[result.list[result.windowStart]!]!;
      const pValue = pValueOf(result);
      // What a week's check and the alert it keeps open both report about the window.
      const evidence = {
        windowFrom,
        weeks: result.weeks,
        observed: result.observed,
        expected: result.expected,
        drop: result.drop,
        pValue,
        baselineKind: result.baselineKind,
      };
      state.checks.push({
        measure,
        week,
        status,
        ...evidence,
        seasonalWeight: result.seasonalWeight,
        previousYears: result.previousYears,
        dispersion: result.dispersion,
      });
      if (alert) state.alerts.push({ measure, since: alert.since, raisedIn: alert.raisedIn, lastWeek: week, ...evidence });
    }
  }
  return { states, checkpoint };
}

const everyWeek = () => 0;
const lastWeekOnly = (n: number) => n - 1;

/**
 * The state of every week of the series: each week's alerts and the test of each measure, computed
 * only from the weeks up to it (as a weekly pipeline run would have seen them).
 */
export function scanDeclineHistory(series: readonly WeeklyParticipation[], config: DeclineConfigInput = {}): DeclineWeekState[] {
  return scan(series, config, everyWeek).states;
}

/** The alerts active as of the last week of the series (none for an empty series). */
export function detectDecline(series: readonly WeeklyParticipation[], config: DeclineConfigInput = {}): DeclineFinding[] {
  return detectDeclineResuming(series, config, null).findings;
}

/** The first week at which two series differ (their shorter length when one begins the other). */
export function firstDifferingWeek(a: readonly WeeklyParticipation[], b: readonly WeeklyParticipation[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.week !== y.week || x.attendances !== y.attendances || x.distinctParticipants !== y.distinctParticipants || x.activities !== y.activities) return i;
  }
  return n;
}

/**
 * detectDecline for a series a previous scan has seen in part. Each week's test reads only the weeks
 * up to it, and all one week hands to the next is the alert in force and the run of passing weeks
 * (the checkpoint), so the weeks before the first one that changed need not be tested again: the
 * scan resumes there (always testing at least the last week) and gives exactly what a scan from
 * the start gives. The previous scan must have had the same configuration.
 */
export function detectDeclineResuming(
  series: readonly WeeklyParticipation[],
  config: DeclineConfigInput,
  previous: { series: readonly WeeklyParticipation[]; checkpoint: ScanCheckpoint } | null,
): { findings: DeclineFinding[]; checkpoint: ScanCheckpoint; resumedAt: number } {
  const from = previous ? Math.min(firstDifferingWeek(series, previous.series), Math.max(0, series.length - 1)) : 0;
  const { states, checkpoint } = scan(series, config, lastWeekOnly, previous ? { from, checkpoint: previous.checkpoint } : null);
  return { findings: states.length > 0 ? states[states.length - 1]!.alerts : [], checkpoint, resumedAt: from };
}
