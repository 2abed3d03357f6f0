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
 *    An alert is raised when some window has drop ≥ minRelativeDrop and p ≤ significance (for
 *    confirmWeeks weeks running), and stays while some window has drop ≥ clearRelativeDrop and
 *    p ≤ clearSignificance; it ends when the evidence goes or the new level has become the reference.
 *    Reported: the strongest window (else the longest).
 * 6. "Since": when an alert is raised, its first week is the change point that best splits reference
 *    and window weeks into a higher and a lower level (Poisson likelihood with the exposures and the
 *    seasonal adjustment); it stays fixed, with the week the alert was raised, while the alert lasts.
 *
 * Everything here is pure: a series and a configuration in, states out.
 */
import { lowerTailPValue } from './count-stats.ts';
import { resolveDeclineConfig, type DeclineConfig, type DeclineConfigInput, type DeclineMeasure } from './decline-config.ts';
import { isoWeekRange, isoWeeksBetween, parseIsoWeek, sameIsoWeekYearBefore } from './iso-week.ts';

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

export interface DeclineWeekState {
  week: string;
  /** Alerts active in this week. */
  alerts: DeclineFinding[];
  checks: DeclineCheck[];
}

/** Weeks either side of a week that give its local mean in the dispersion estimate. */
const DISPERSION_HALF_SPAN = 4;
const MIN_DISPERSION_NEIGHBOURS = 4;
const MAX_DISPERSION = 5;
/** A previous year gives a seasonal pattern only when its reference weeks averaged at least this much. */
const MIN_PREVIOUS_YEAR_LEVEL = 1;

interface Prepared {
  weeks: string[];
  activities: number[];
  values: Record<DeclineMeasure, number[]>;
  /** previousYear[k][u]: index of the same ISO week k+1 years before week u, or -1. */
  previousYear: Int32Array[];
  holiday: boolean[];
  /** Index of the first week with any activity or count (weeks before it never count). */
  start: number;
}

/** Checks that the series is consecutive ISO weeks with non-negative counts. */
export function validateWeeklySeries(series: readonly WeeklyParticipation[]): void {
  for (let i = 0; i < series.length; i++) {
    const row = series[i]!;
    parseIsoWeek(row.week);
    for (const field of ['attendances', 'distinctParticipants', 'activities'] as const) {
      const v = row[field];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new RangeError(`Weekly series, week ${row.week}: ${field} must be a number ≥ 0, got ${String(v)}`);
      }
    }
    if (i > 0 && isoWeeksBetween(series[i - 1]!.week, row.week) !== 1) {
      throw new RangeError(`Weekly series must hold consecutive weeks: ${series[i - 1]!.week} is followed by ${row.week}`);
    }
  }
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

function prepare(series: readonly WeeklyParticipation[], config: DeclineConfig): Prepared {
  validateWeeklySeries(series);
  const weeks = series.map((r) => r.week);
  const index = new Map(weeks.map((w, i) => [w, i]));
  const previousYear: Int32Array[] = [];
  let labels = weeks;
  for (let k = 0; k < config.seasonalYears; k++) {
    labels = labels.map((w) => sameIsoWeekYearBefore(w));
    previousYear.push(Int32Array.from(labels, (w) => index.get(w) ?? -1));
  }
  const holidays = new Set(config.holidayWeeks);
  let start = series.findIndex((r) => r.activities > 0 || r.attendances > 0 || r.distinctParticipants > 0);
  if (start < 0) start = series.length;
  return {
    weeks,
    activities: series.map((r) => r.activities),
    values: {
      attendances: series.map((r) => r.attendances),
      distinctParticipants: series.map((r) => r.distinctParticipants),
    },
    previousYear,
    holiday: weeks.map((w) => holidays.has(parseIsoWeek(w).week)),
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

function dispersionTerms(p: Prepared, y: number[], x: number[]): DispersionTerms {
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

/** Up to `count` indices that count, going back from `from` (inclusive) to `start`, in ascending order. */
function collectBack(from: number, start: number, count: number, skip: (u: number) => boolean): number[] {
  const out: number[] = [];
  for (let u = from; u >= start && out.length < count; u--) if (!skip(u)) out.push(u);
  return out.reverse();
}

interface WindowTest {
  window: number[];
  reference: number[];
  observed: number;
  expected: number;
  drop: number;
  pValue: number;
  baselineKind: BaselineKind;
  seasonalWeight: number;
  /** The seasonal log-ratio s (0 without a previous year). */
  seasonal: number;
  previousYears: number[];
  dispersion: number;
  level: number;
}

type Insufficient = { insufficient: true };

/**
 * The previous year's weeks that show the season of the window: the same ISO weeks, widened by
 * `smoothing` weeks either side (a season is smooth; one week of last year is noise).
 */
function seasonalWindow(p: Prepared, window: readonly number[], map: Int32Array, smoothing: number): number[] {
  const from = Math.max(p.start, map[window[0]!]! - smoothing);
  const to = Math.min(p.weeks.length - 1, map[window[window.length - 1]!]! + smoothing);
  const weeks: number[] = [];
  for (let u = from; u <= to; u++) weeks.push(u);
  return weeks;
}

/** Σy, Σx and Σx²/a over the given weeks (after mapping them, e.g. to the previous year). */
function totals(idx: readonly number[], y: number[], x: number[], act: number[], map?: Int32Array) {
  let sy = 0;
  let sx = 0;
  let sxx = 0;
  for (const w of idx) {
    const u = map ? map[w]! : w;
    if (act[u]! <= 0) continue;
    sy += y[u]!;
    sx += x[u]!;
    sxx += (x[u]! * x[u]!) / act[u]!;
  }
  return { sy, sx, sxx };
}

function testWindow(
  p: Prepared,
  y: number[],
  x: number[],
  terms: DispersionTerms,
  t: number,
  W: number,
  config: DeclineConfig,
): WindowTest | Insufficient {
  const B = config.referenceWeeks;
  const act = p.activities;
  // Weeks without activities say nothing about participation (holidays, breaks); the first year,
  // with no previous year to show the season, also leaves out the holiday calendar.
  const noActivity = (u: number) => act[u]! <= 0;
  const firstYearSkip = (u: number) => act[u]! <= 0 || p.holiday[u]!;

  let window = collectBack(t, p.start, W, noActivity);
  if (window.length < W) return { insufficient: true };
  let reference = collectBack(window[0]! - 1, p.start, B, noActivity);
  // Previous years that can show the season: the same weeks of the window are in the series, and so
  // are enough of the reference weeks (matched: reference weeks whose previous-year week is known).
  const years: { k: number; matched: number[] }[] = [];
  if (reference.length >= config.minReferenceWeeks) {
    for (let k = 0; k < p.previousYear.length; k++) {
      const map = p.previousYear[k]!;
      if (!window.every((u) => map[u]! >= p.start)) continue;
      const matched = reference.filter((u) => map[u]! >= p.start);
      if (matched.length < config.minReferenceWeeks) continue;
      const lyWindow = totals(window, y, x, act, map);
      const lyReference = totals(matched, y, x, act, map);
      if (lyWindow.sx > 0 && lyReference.sx > 0 && lyReference.sy >= MIN_PREVIOUS_YEAR_LEVEL * matched.length) years.push({ k, matched });
    }
  }
  if (years.length === 0) {
    window = collectBack(t, p.start, W, firstYearSkip);
    if (window.length < W) return { insufficient: true };
    reference = collectBack(window[0]! - 1, p.start, B, firstYearSkip);
  }
  if (reference.length < config.minReferenceWeeks) return { insufficient: true };

  const phi = estimateDispersion(terms, window[0]!, config);
  const now = totals(window, y, x, act);
  const ref = totals(reference, y, x, act);
  const observed = now.sy;
  // Relative variance of a total: Poisson part plus overdispersion of its activities.
  const relvar = (total: { sy: number; sx: number; sxx: number }) => 1 / (total.sy + 0.5) + (phi * total.sxx) / (total.sx * total.sx);

  // s: log of the expected turnout by the seasonal model (this year's matched reference level × last
  // year's window level / last year's reference level) over the flat recent level; σ² its noise.
  let s = 0;
  let sigma2 = 0;
  let w = 0;
  if (years.length > 0) {
    const A = { sy: 0, sx: 0, sxx: 0 };
    const C = { sy: 0, sx: 0, sxx: 0 };
    const R2 = { sy: 0, sx: 0, sxx: 0 };
    const add = (to: typeof A, total: typeof A) => {
      to.sy += total.sy;
      to.sx += total.sx;
      to.sxx += total.sxx;
    };
    for (const { k, matched } of years) {
      const map = p.previousYear[k]!;
      add(A, totals(seasonalWindow(p, window, map, config.seasonalSmoothingWeeks), y, x, act));
      add(C, totals(matched, y, x, act, map));
      add(R2, totals(matched, y, x, act));
    }
    const logTurnout = (total: typeof A) => Math.log((total.sy + 0.5) / total.sx);
    // The previous year may lower the expectation as far as it shows (holidays, seasonal lows) but
    // raise it above the recent level only so far: a year of growth (a project finding its feet) is
    // not a season to hold the next year to.
    s = Math.min(logTurnout(R2) + logTurnout(A) - logTurnout(C) - logTurnout(ref), Math.log1p(config.maxSeasonalRise));
    sigma2 = relvar(A) + relvar(C) + Math.max(0, relvar(R2) - relvar(ref));
    if (config.seasonalWeight !== 'auto') w = config.seasonalWeight;
    else if (window.some((u) => p.holiday[u]!)) w = 1;
    else w = s !== 0 ? Math.max(0, 1 - (config.seasonalShrinkage * sigma2) / (s * s)) : 0;
  }
  const turnout = ref.sy / ref.sx;
  const expected = now.sx * turnout * Math.exp(w * s);
  const baselineKind: BaselineKind = years.length === 0 || w <= 0.2 ? 'recent_level' : w >= 0.8 ? 'previous_year' : 'blend';
  const base = { window, reference, observed, expected, baselineKind, seasonalWeight: w, seasonal: s, previousYears: years.map((y) => y.k), dispersion: phi };
  if (!(ref.sy > 0) || !(expected > 0)) return { ...base, drop: 0, pValue: 1, level: 0 };
  // Without a previous year the season is unknown: its deviation (sd unknownSeasonSd) is part of the
  // expectation's uncertainty.
  const relvarExpected = relvar(ref) + w * w * sigma2 + (years.length === 0 ? config.unknownSeasonSd ** 2 : 0);
  const perUnit = expected / now.sx;
  const variance = expected + phi * perUnit * perUnit * now.sxx + expected * expected * relvarExpected;
  const pValue = lowerTailPValue(observed, expected, variance);
  return { ...base, drop: 1 - observed / expected, pValue, level: expected / window.length };
}

/**
 * First week of the fall: the split of reference + window weeks into a higher then a lower level with
 * the greatest Poisson likelihood, each week weighted by its activities and, as far as it counts (w),
 * by the previous year's seasonal shape.
 */
function estimateSince(p: Prepared, y: number[], x: number[], test: WindowTest): number {
  const weeks = [...test.reference, ...test.window];
  const inWindow = new Set(test.window);
  const shape = weeks.map((u) => x[u]! * (inWindow.has(u) ? Math.exp(test.seasonalWeight * test.seasonal) : 1));
  const n = weeks.length;
  let totalY = 0;
  let totalH = 0;
  for (let i = 0; i < n; i++) {
    totalY += y[weeks[i]!]!;
    totalH += shape[i]!;
  }
  const xlogx = (a: number, b: number) => (a > 0 ? a * Math.log(a / b) : 0);
  let best = test.window[0]!;
  let bestScore = -Infinity;
  let y1 = 0;
  let h1 = 0;
  for (let i = 1; i < n; i++) {
    y1 += y[weeks[i - 1]!]!;
    h1 += shape[i - 1]!;
    const y2 = totalY - y1;
    const h2 = totalH - h1;
    if (h1 <= 0 || h2 <= 0 || y2 / h2 >= y1 / h1) continue;
    const score = xlogx(y1, h1) + xlogx(y2, h2);
    if (score > bestScore) {
      bestScore = score;
      best = weeks[i]!;
    }
  }
  return best;
}

/**
 * The state of every week of the series: each week's alerts and the test of each measure, computed
 * only from the weeks up to it (as a weekly pipeline run would have seen them).
 */
export function scanDeclineHistory(series: readonly WeeklyParticipation[], config: DeclineConfigInput = {}): DeclineWeekState[] {
  const cfg = resolveDeclineConfig(config);
  const p = prepare(series, cfg);
  const states: DeclineWeekState[] = p.weeks.map((week) => ({ week, alerts: [], checks: [] }));
  for (const measure of cfg.measures) {
    const y = p.values[measure];
    const elasticity = cfg.activityElasticity[measure];
    const x = p.activities.map((a) => (a > 0 ? a ** elasticity : 0));
    const terms = dispersionTerms(p, y, x);
    let active: { since: string; raisedIn: string } | null = null;
    let streak = 0;
    for (let t = 0; t < p.weeks.length; t++) {
      const week = p.weeks[t]!;
      const results: WindowTest[] = [];
      for (let W = cfg.minWindowWeeks; W <= cfg.windowWeeks; W++) {
        const r = testWindow(p, y, x, terms, t, W, cfg);
        if (!('insufficient' in r)) results.push(r);
      }
      if (results.length === 0) {
        active = null;
        streak = 0;
        states[t]!.checks.push({
          measure, week, status: 'insufficient_history', windowFrom: null, weeks: 0, observed: 0, expected: 0,
          drop: 0, pValue: 1, baselineKind: null, seasonalWeight: 0, previousYears: 0, dispersion: 0,
        });
        continue;
      }
      // Every window length from minWindowWeeks to windowWeeks is tested: a short one sees a steep
      // fall early, a long one a moderate fall with more evidence. Shown: the strongest passing window,
      // else the longest.
      let result = results[results.length - 1]!;
      let status: DeclineCheckStatus;
      const judged = results.filter((r) => r.level >= cfg.minBaselineLevel);
      if (judged.length === 0) {
        status = 'low_level';
        active = null;
        streak = 0;
      } else {
        const raises = (r: WindowTest) => r.pValue <= cfg.significance && r.drop >= cfg.minRelativeDrop;
        const keeps = (r: WindowTest) => r.pValue <= cfg.clearSignificance && r.drop >= cfg.clearRelativeDrop;
        const passing = judged.filter(active ? keeps : raises).sort((a, b) => a.pValue - b.pValue);
        streak = !active && passing.length > 0 ? streak + 1 : 0;
        const on = active ? passing.length > 0 : streak >= cfg.confirmWeeks;
        result = passing.length > 0 ? passing[0]! : judged[judged.length - 1]!;
        if (on && !active) active = { since: p.weeks[estimateSince(p, y, x, result)]!, raisedIn: week };
        if (!on) active = null;
        status = on ? 'alert' : passing.length > 0 ? 'watch' : 'no_decline';
      }
      const windowFrom = p.weeks[result.window[0]!]!;
      states[t]!.checks.push({
        measure, week, status, windowFrom, weeks: result.window.length, observed: result.observed,
        expected: result.expected, drop: result.drop, pValue: result.pValue, baselineKind: result.baselineKind,
        seasonalWeight: result.seasonalWeight, previousYears: result.previousYears.length, dispersion: result.dispersion,
      });
      if (active) {
        states[t]!.alerts.push({
          measure, since: active.since, raisedIn: active.raisedIn, lastWeek: week, windowFrom,
          weeks: result.window.length, observed: result.observed, expected: result.expected, drop: result.drop,
          pValue: result.pValue, baselineKind: result.baselineKind,
        });
      }
    }
  }
  return states;
}

/** The alerts active as of the last week of the series (none for an empty series). */
export function detectDecline(series: readonly WeeklyParticipation[], config: DeclineConfigInput = {}): DeclineFinding[] {
  const states = scanDeclineHistory(series, config);
  return states.length > 0 ? states[states.length - 1]!.alerts : [];
}
