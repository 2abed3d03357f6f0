/**
 * Lapsing regulars: who has stopped coming, and are more of a community's regulars staying away at
 * once than chance allows? The person-level half of the decline detection (the weekly totals are
 * the other half, decline-detector.ts); pipelines/README-decline.md has the method with its evaluation.
 *
 * For each person, at the end of each week t with activities, using only what was known by then:
 * 1. Opportunities. The activities a person could have come to are the community's activities of the
 *    groups they came to (all of them where groups are unknown) after their first attendance. Weeks
 *    without activities (breaks, holidays) hold no opportunity, so a break is never an absence.
 * 2. Their rate. Between their first and their last attendance (at most `referenceWeeks` weeks with
 *    activities back from the last), both ends left out — a span that starts and ends with a visit
 *    would overstate the rate — they came a times out of n opportunities; the rate is
 *    p ~ Beta(priorAttended + a, priorMissed + n − a), so a rate seen over few opportunities is
 *    uncertain. A regular came at least `minAttendances` times in that span (ends included) at a
 *    mean rate of at least `minRate`.
 * 3. Their absence. They have missed k opportunities since their last visit. Under their rate, the
 *    probability of missing k in a row is E[(1 − p)^k] = B(α, β + k) / B(α, β). A regular whose absence
 *    has probability ≤ `personSignificance` is lapsing. The absence a person's rate makes unusual is
 *    short for a weekly regular and long for a monthly one: it is not a number of days.
 * 4. The community test. L regulars are lapsing now among those whose last visit lies within
 *    `poolWeeks` weeks with activities (longer absences are old news, on the "who has not come back"
 *    list). Under "nobody left", each regular i is lapsing with probability q_i: that of missing the
 *    shortest run of recent opportunities that would flag them (≤ personSignificance; smaller for
 *    frequent visitors, whose runs are short). Σq is the expectation if attendance were independent
 *    visits at fixed rates; real communities lose a few regulars all the time and families stay away
 *    together, so the expectation is Σq · r with r the community's own ratio of lapsing to Σq over the
 *    reference weeks before the window (shrunk toward 1), and the count is negative binomial with a
 *    variance v·mean, v estimated over the same weeks (shrunk toward priorVarianceRatio, at least 1).
 *    p = P(X ≥ L). An alert is raised when p ≤ significance and at least minLapsing regulars (and
 *    minLapsingShare of the pool) are lapsing beyond the expectation; it stays while p ≤
 *    clearSignificance. "Since" is the median first missed week of the lapsing regulars.
 *
 * Everything here is pure: activities and attendances in, states out.
 */
import { logGamma, negativeBinomialCdf, poissonCdf } from './count-stats.ts';
import { DEFAULT_DECLINE_CONFIG, type DeclineConfig } from './decline-config.ts';
import { isoWeekRange, parseIsoWeek, sameIsoWeekYearBefore } from './iso-week.ts';

/**
 * The person-level settings: decline.json's `lapsing` (every field documented with its default in
 * data/src/config/decline.schema.ts) and the detector's holiday weeks.
 */
export type LapsingSettings = DeclineConfig['lapsing'] & { holidayWeeks: readonly number[] };

/** The lapsing test's settings out of a resolved decline configuration. */
export function lapsingSettingsOf(config: DeclineConfig): LapsingSettings {
  return { ...config.lapsing, holidayWeeks: config.holidayWeeks };
}

export const DEFAULT_LAPSING_SETTINGS: Readonly<LapsingSettings> = Object.freeze(lapsingSettingsOf(DEFAULT_DECLINE_CONFIG));

/** One activity of the community, in date order. */
export interface LapsingActivity {
  /** ISO week 'YYYY-Www'. */
  week: string;
  /** Activity group ('' where groups are not told apart). */
  group: string;
}

/** One person's attendances at the community's activities: indexes into the activities, ascending. */
export interface PersonAttendances<P> {
  person: P;
  activities: readonly number[];
}

/** A regular's standing as of a week. */
export interface LapseAssessment<P> {
  person: P;
  /** Opportunities attended / had in the span that gives the rate (ends left out). */
  attended: number;
  opportunities: number;
  /** Posterior mean rate: the share of their opportunities they usually came to. */
  usualRate: number;
  /** Index of their last attendance, and its week. */
  lastActivity: number;
  lastWeek: string;
  /** First week with an activity they missed since (null while none). */
  missedSince: string | null;
  /** Opportunities missed since their last visit. */
  missed: number;
  /** Probability of missing that many in a row under their rate (1 when none). */
  absenceProbability: number;
  lapsing: boolean;
  /** The groups they came to in the span (sorted). */
  groups: string[];
}

export type LapsingStatus = 'alert' | 'watch' | 'no_decline' | 'low_level' | 'insufficient_history';

/** The community test in one week. */
export interface LapsingCheck {
  week: string;
  status: LapsingStatus;
  /** Regulars counted (last visit within poolWeeks weeks with activities). */
  regulars: number;
  lapsing: number;
  /** Expected lapsing regulars (Σq · r) and the ratio r and variance ratio v used. */
  expected: number;
  ratio: number;
  varianceRatio: number;
  pValue: number;
  /** While in alert: the first missed week of the fall (fixed when raised) and the week it was raised. */
  since: string | null;
  raisedIn: string | null;
}

interface PersonState {
  /** Attended activity indexes up to now. */
  seen: number[];
  /** positive[k]: visits among seen[0 … k − 1] to activities that hold an opportunity (weight > 0). */
  positive: number[];
  /** Index in `seen` of the first visit within the span, and the visits in it per group. */
  lo: number;
  groupVisits: Int32Array;
  /** Assessment as of the last visit: rate posterior and groups (they change only with a visit). */
  alpha: number;
  beta: number;
  /** ln Γ(α + β) − ln Γ(β), for logMissRun. */
  constant: number;
  regular: boolean;
  groups: number[];
  /**
   * The missed opportunities (as the season weighs them) from which they are lapsing:
   * ln B(α, β + K)/B(α, β) = ln personSignificance; NaN until needed after a visit.
   */
  threshold: number;
}

/**
 * ln B(a, b + k) − ln B(a, b): the log-probability of k misses in a row under p ~ Beta(a, b);
 * `constant` = ln Γ(a + b) − ln Γ(b), the part that does not depend on k.
 */
function logMissRun(a: number, b: number, k: number, constant = logGamma(a + b) - logGamma(b)): number {
  if (k <= 0) return 0;
  return logGamma(b + k) - logGamma(a + b + k) + constant;
}

/**
 * The run of misses K at which ln B(a, b + K)/B(a, b) = logAlpha (the probability falls with K):
 * bracketed from the point estimate K ≈ logAlpha / ln(1 − a/(a + b)), then the Illinois variant of
 * regula falsi, to a billionth — about ten evaluations where bisection took forty-five.
 */
function flagThreshold(a: number, b: number, logAlpha: number, constant: number): number {
  const f = (k: number) => logMissRun(a, b, k, constant) - logAlpha;
  const rate = a / (a + b);
  let hi = Math.max(0.5, logAlpha / Math.log1p(-Math.min(rate, 1 - 1e-9)));
  let lo = 0;
  let fLo = f(0);
  let fHi = f(hi);
  // Widen until the bracket holds the root (f(0) = −logAlpha > 0; f falls with k).
  while (fHi > 0 && hi < 1e6) {
    lo = hi;
    fLo = fHi;
    hi *= 2;
    fHi = f(hi);
  }
  if (fHi > 0) return hi;
  let side = 0;
  for (let iter = 0; iter < 100 && hi - lo > 1e-9 * (1 + hi); iter++) {
    const k = (lo * fHi - hi * fLo) / (fHi - fLo);
    const fk = f(k);
    if (fk > 0) {
      lo = k;
      fLo = fk;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = k;
      fHi = fk;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return hi;
}

/** P(X ≥ x) for X negative binomial with this mean and variance ratio v = Var/mean (Poisson at v ≤ 1). */
function upperTail(x: number, mean: number, v: number): number {
  if (x <= 0) return 1;
  if (!(mean > 0)) return 0;
  const below = v > 1 + 1e-9 ? negativeBinomialCdf(x - 1, mean, mean / (v - 1)) : poissonCdf(x - 1, mean);
  return Math.min(1, Math.max(0, 1 - below));
}

export interface LapsingScan<P> {
  checks: LapsingCheck[];
  /** The regulars' standing as of the last week (lapsing or not), most unusual absence first. */
  regulars: LapseAssessment<P>[];
}

/**
 * Scans a community's history week by week, from the week of its first activity to `lastWeek`
 * (default: the week of its last activity; later activities are not read): each week's community
 * test, and the regulars' standing as of the last week. `activities` must be in date order and `persons[i].activities` ascending.
 * With `from`, checks are kept only from that week on (the scan still reads the whole history).
 */
export function scanLapsing<P>(
  activities: readonly LapsingActivity[],
  persons: readonly PersonAttendances<P>[],
  settings: LapsingSettings = DEFAULT_LAPSING_SETTINGS,
  options: { lastWeek?: string; from?: string } = {},
): LapsingScan<P> {
  if (activities.length === 0) return { checks: [], regulars: [] };
  const lastWeek = options.lastWeek ?? activities[activities.length - 1]!.week;
  // Activities after lastWeek (the week in progress) are not read, nor visits to them.
  let nA = activities.length;
  while (nA > 0 && activities[nA - 1]!.week > lastWeek) nA--;
  if (nA === 0) return { checks: [], regulars: [] };
  const weeks = isoWeekRange(activities[0]!.week, lastWeek);
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  // Groups as small integers; per group, the prefix count of its activities (opportunities).
  const groupIds = new Map<string, number>();
  const groupOf = new Int32Array(nA);
  const activityWeek = new Int32Array(nA);
  for (let j = 0; j < nA; j++) {
    const a = activities[j]!;
    let g = groupIds.get(a.group);
    if (g === undefined) groupIds.set(a.group, (g = groupIds.size));
    groupOf[j] = g;
    const w = weekIndex.get(a.week);
    if (w === undefined || (j > 0 && w < activityWeek[j - 1]!))
      throw new RangeError(`Lapsing: activities must be in date order (${a.week} after ${activities[j - 1]?.week})`);
    activityWeek[j] = w;
  }
  const groupNames = [...groupIds.keys()];
  const G = groupNames.length;
  const s = settings;
  // Visits by activity, to replay the history in order.
  const visitsAt: number[][] = Array.from({ length: nA }, () => []);
  persons.forEach((p, i) => {
    let previous = -1;
    for (const j of p.activities) {
      if (j >= nA && j < activities.length && j > previous) break;
      if (!(j >= 0 && j < nA) || j <= previous)
        throw new RangeError(`Lapsing: person ${String(p.person)}'s activities must be ascending indexes of the activities`);
      visitsAt[j]!.push(i);
      previous = j;
    }
  });
  const weight = seasonWeights(weeks, activityWeek, visitsAt, s);
  // Per group, the prefix sums of its activities' weights (opportunities, as the season counts them).
  const prefix = Array.from({ length: G }, () => new Float64Array(nA + 1));
  for (let j = 0; j < nA; j++) for (let g = 0; g < G; g++) prefix[g]![j + 1] = prefix[g]![j]! + (groupOf[j] === g ? weight[j]! : 0);
  // Weeks with activities, in order; the ordinal of each activity's week among them.
  const activeWeeks: number[] = [];
  const activeOrdinal = new Int32Array(nA);
  for (let j = 0; j < nA; j++) {
    if (activeWeeks.length === 0 || activeWeeks[activeWeeks.length - 1] !== activityWeek[j]) activeWeeks.push(activityWeek[j]!);
    activeOrdinal[j] = activeWeeks.length - 1;
  }
  // First activity of each week with activities (by ordinal), and one past the last.
  const firstOfActive = new Int32Array(activeWeeks.length + 1);
  for (let j = nA - 1; j >= 0; j--) firstOfActive[activeOrdinal[j]!] = j;
  firstOfActive[activeWeeks.length] = nA;

  const states: (PersonState | null)[] = persons.map(() => null);
  const opportunitiesBetween = (groups: readonly number[], from: number, to: number) => {
    // Activities with index in [from, to) of the given groups.
    if (to <= from) return 0;
    let n = 0;
    for (const g of groups) n += prefix[g]![to]! - prefix[g]![from]!;
    return n;
  };
  const logAlpha = Math.log(s.personSignificance);
  // After a week's visits: the person's span, rate and groups (the span's start only moves forward).
  const update = (i: number) => {
    const st = states[i]!;
    const seen = st.seen;
    const last = seen[seen.length - 1]!;
    // The span: referenceWeeks weeks with activities back from the last visit's week.
    const fromOrdinal = Math.max(0, activeOrdinal[last]! - s.referenceWeeks + 1);
    const spanStart = firstOfActive[fromOrdinal]!;
    while (seen[st.lo]! < spanStart) st.groupVisits[groupOf[seen[st.lo++]!]!]!--;
    const lo = st.lo;
    const inSpan = seen.length - lo;
    const groups: number[] = [];
    for (let g = 0; g < G; g++) if (st.groupVisits[g]! > 0) groups.push(g);
    // Ends left out: after the first visit in the span (or the span's start when they came before it) up
    // to the last; visits to activities that hold no opportunity (a first-year holiday) are left out too.
    const openFrom = lo === 0 ? seen[0]! + 1 : spanStart;
    const attended = Math.max(0, st.positive[seen.length - 1]! - st.positive[lo === 0 ? 1 : lo]!);
    const opportunities = opportunitiesBetween(groups, openFrom, last);
    st.groups = groups;
    st.alpha = s.priorAttended + attended;
    st.beta = s.priorMissed + Math.max(0, opportunities - attended);
    st.regular = inSpan >= s.minAttendances && st.alpha / (st.alpha + st.beta) >= s.minRate;
    st.constant = logGamma(st.alpha + st.beta) - logGamma(st.beta);
    st.threshold = NaN;
  };
  const thresholdOf = (st: PersonState) => {
    // A run exactly at the threshold counts (sums of season weights carry rounding).
    if (Number.isNaN(st.threshold)) st.threshold = flagThreshold(st.alpha, st.beta, logAlpha, st.constant) - 1e-7;
    return st.threshold;
  };

  const assess = (i: number, now: number): LapseAssessment<P> & { recentOrdinal: number } => {
    const st = states[i]!;
    const last = st.seen[st.seen.length - 1]!;
    const missed = opportunitiesBetween(st.groups, last + 1, now);
    const logP = logMissRun(st.alpha, st.beta, missed);
    let missedSince: string | null = null;
    if (missed > 0) {
      for (let j = last + 1; j < now; j++) {
        if (st.groups.includes(groupOf[j]!) && weight[j]! > 0) {
          missedSince = weeks[activityWeek[j]!]!;
          break;
        }
      }
    }
    return {
      person: persons[i]!.person,
      attended: st.alpha - s.priorAttended,
      opportunities: st.alpha - s.priorAttended + st.beta - s.priorMissed,
      usualRate: st.alpha / (st.alpha + st.beta),
      lastActivity: last,
      lastWeek: weeks[activityWeek[last]!]!,
      missedSince,
      missed,
      absenceProbability: Math.exp(logP),
      lapsing: missed >= thresholdOf(st),
      groups: st.groups.map((g) => groupNames[g]!).sort(),
      recentOrdinal: activeOrdinal[last]!,
    };
  };

  // The community's weekly series of (lapsing, Σq), for weeks with activities, and the checks.
  const lapsingSeries: number[] = [];
  const qSeries: number[] = [];
  const checks: LapsingCheck[] = [];
  const keepFrom = options.from ? (weekIndex.get(options.from) ?? 0) : 0;
  let alert: { since: string; raisedIn: string } | null = null;
  let streak = 0;
  let ordinal = -1;
  let lastCheck: Omit<LapsingCheck, 'week'> | null = null;
  const pool: number[] = [];
  const inPool = new Uint8Array(persons.length);
  for (let w = 0; w < weeks.length; w++) {
    const isActive = ordinal + 1 < activeWeeks.length && activeWeeks[ordinal + 1] === w;
    if (!isActive) {
      // No activities, no news: the week keeps the last state.
      if (w >= keepFrom) {
        checks.push(
          lastCheck
            ? { ...lastCheck, week: weeks[w]! }
            : {
                week: weeks[w]!,
                status: 'insufficient_history',
                regulars: 0,
                lapsing: 0,
                expected: 0,
                ratio: 1,
                varianceRatio: s.priorVarianceRatio,
                pValue: 1,
                since: null,
                raisedIn: null,
              },
        );
      }
      continue;
    }
    ordinal++;
    const end = firstOfActive[ordinal + 1]!;
    for (let j = firstOfActive[ordinal]!; j < end; j++) {
      for (const i of visitsAt[j]!) {
        let st = states[i];
        if (!st)
          states[i] = st = {
            seen: [],
            positive: [0],
            lo: 0,
            groupVisits: new Int32Array(G),
            alpha: 0,
            beta: 0,
            constant: 0,
            regular: false,
            groups: [],
            threshold: NaN,
          };
        st.seen.push(j);
        st.positive.push(st.positive[st.positive.length - 1]! + (weight[j]! > 0 ? 1 : 0));
        st.groupVisits[groupOf[j]!]!++;
      }
    }
    for (let j = firstOfActive[ordinal]!; j < end; j++) {
      for (const i of visitsAt[j]!) {
        if (states[i]!.seen[states[i]!.seen.length - 1] !== j) continue;
        update(i);
        if (!inPool[i]) {
          inPool[i] = 1;
          pool.push(i);
        }
      }
    }
    // The pool: regulars whose last visit lies within poolWeeks weeks with activities.
    let regulars = 0;
    let lapsing = 0;
    let sumQ = 0;
    const lapsers: string[] = [];
    for (let k = 0; k < pool.length; k++) {
      const i = pool[k]!;
      const st = states[i]!;
      const last = st.seen[st.seen.length - 1]!;
      if (ordinal - activeOrdinal[last]! >= s.poolWeeks) {
        inPool[i] = 0;
        pool[k] = pool[pool.length - 1]!;
        pool.pop();
        k--;
        continue;
      }
      if (!st.regular) continue;
      regulars++;
      // q: the chance, under their rate, of missing the recent opportunities that would flag them now.
      const threshold = thresholdOf(st);
      let run = 0;
      for (let j = end - 1; j >= 0 && run < threshold; j--) if (st.groups.includes(groupOf[j]!)) run += weight[j]!;
      sumQ += run >= threshold ? Math.exp(logMissRun(st.alpha, st.beta, run, st.constant)) : 0;
      const missed = opportunitiesBetween(st.groups, last + 1, end);
      if (missed >= threshold) {
        lapsing++;
        // Their first missed activity's week.
        for (let j = last + 1; j < end; j++) {
          if (st.groups.includes(groupOf[j]!) && weight[j]! > 0) {
            lapsers.push(weeks[activityWeek[j]!]!);
            break;
          }
        }
      }
    }
    lapsingSeries.push(lapsing);
    qSeries.push(sumQ);
    // The community's own ratio and variance over the reference weeks before the window.
    const refEnd = ordinal - s.windowWeeks; // exclusive
    const refStart = Math.max(0, refEnd - s.referenceRatioWeeks);
    let sumL = 0;
    let sumM = 0;
    let refWeeks = 0;
    for (let u = refStart; u < refEnd; u++) {
      sumL += lapsingSeries[u]!;
      sumM += qSeries[u]!;
      refWeeks++;
    }
    const priorM = s.priorWeeks * (refWeeks > 0 ? sumM / refWeeks : sumQ);
    const ratio = (sumL + priorM) / (sumM + priorM) || 1;
    let dev = 0;
    for (let u = refStart; u < refEnd; u++) {
      const m = ratio * qSeries[u]!;
      dev += (lapsingSeries[u]! - m) ** 2;
    }
    const varianceRatio = Math.max(
      1,
      (dev + s.priorVarianceRatio * s.priorWeeks * (refWeeks > 0 ? (ratio * sumM) / refWeeks : ratio * sumQ)) /
        (ratio * sumM + s.priorWeeks * (refWeeks > 0 ? (ratio * sumM) / refWeeks : ratio * sumQ) || 1),
    );
    const expected = ratio * sumQ;
    let status: LapsingStatus;
    let pValue = 1;
    if (refWeeks < s.priorWeeks) {
      status = 'insufficient_history';
      alert = null;
    } else if (regulars < s.minLapsing) {
      status = 'low_level';
      alert = null;
    } else {
      pValue = upperTail(lapsing, expected, varianceRatio);
      const excess = lapsing - expected;
      const large = excess >= s.minLapsing && excess >= s.minLapsingShare * regulars;
      const passing = large && pValue <= (alert ? s.clearSignificance : s.significance);
      streak = !alert && passing ? streak + 1 : 0;
      const on = alert ? passing : streak >= s.confirmWeeks;
      if (on && !alert) {
        lapsers.sort();
        alert = { since: lapsers[lapsers.length >> 1]!, raisedIn: weeks[w]! };
      }
      if (!on) alert = null;
      status = alert ? 'alert' : large && pValue <= s.clearSignificance ? 'watch' : 'no_decline';
    }
    lastCheck = {
      status,
      regulars,
      lapsing,
      expected,
      ratio,
      varianceRatio,
      pValue,
      since: alert?.since ?? null,
      raisedIn: alert?.raisedIn ?? null,
    };
    if (w >= keepFrom) checks.push({ ...lastCheck, week: weeks[w]! });
  }

  // The regulars' standing as of the last week: counted (within the pool) or not, most unusual first.
  const regularsNow: LapseAssessment<P>[] = [];
  states.forEach((st, i) => {
    if (!st || !st.regular) return;
    const a = assess(i, nA);
    if (ordinal - a.recentOrdinal >= s.poolWeeks && !a.lapsing) return;
    const { recentOrdinal: _recent, ...assessment } = a;
    regularsNow.push(assessment);
  });
  regularsNow.sort((a, b) => a.absenceProbability - b.absenceProbability || b.missed - a.missed);
  return { checks, regulars: regularsNow };
}

/**
 * Each activity's weight as an opportunity: how likely people are to come in its weeks relative to
 * the rest of the year, from the same weeks (± seasonalSpanWeeks) one and two years back — named
 * visits per activity there over those of the year around them — so an absence in a summer when
 * everyone comes less counts less. Without a previous year, activities in holiday weeks weigh 0 (a
 * holiday absence cannot be told from a lapse) and the others 1. Weights lie in [0.25, 1.25].
 */
function seasonWeights(weeks: readonly string[], activityWeek: Int32Array, visitsAt: readonly number[][], s: LapsingSettings): Float64Array {
  const n = weeks.length;
  const visits = new Float64Array(n + 1);
  const held = new Float64Array(n + 1);
  for (let j = 0; j < activityWeek.length; j++) {
    visits[activityWeek[j]! + 1]! += visitsAt[j]!.length;
    held[activityWeek[j]! + 1]! += 1;
  }
  for (let u = 0; u < n; u++) {
    visits[u + 1]! += visits[u]!;
    held[u + 1]! += held[u]!;
  }
  const index = new Map(weeks.map((w, i) => [w, i]));
  const holidays = new Set(s.holidayWeeks);
  const byWeek = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let label = weeks[u]!;
    let near = 0;
    let nearHeld = 0;
    let around = 0;
    let aroundHeld = 0;
    for (let k = 0; k < s.seasonalYears; k++) {
      label = sameIsoWeekYearBefore(label);
      const v = index.get(label);
      if (v === undefined) break;
      const sum = (from: number, to: number, a: Float64Array) => a[Math.min(n, Math.max(0, to + 1))]! - a[Math.min(n, Math.max(0, from))]!;
      near += sum(v - s.seasonalSpanWeeks, v + s.seasonalSpanWeeks, visits);
      nearHeld += sum(v - s.seasonalSpanWeeks, v + s.seasonalSpanWeeks, held);
      around += sum(v - 26, v + 26, visits);
      aroundHeld += sum(v - 26, v + 26, held);
    }
    if (nearHeld > 0 && around > 0) byWeek[u] = Math.min(1.25, Math.max(0.25, near / nearHeld / (around / aroundHeld)));
    else byWeek[u] = holidays.has(parseIsoWeek(weeks[u]!).week) ? 0 : 1;
  }
  return Float64Array.from(activityWeek, (u) => byWeek[u]!);
}
