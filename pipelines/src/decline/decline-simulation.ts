/**
 * Simulated weekly participation of one community, for testing and evaluating the decline detector.
 * Pure and seeded: the same options give the same series.
 *
 * The model (person level, with the noise real communities have):
 * - A regular rhythm of 1–3 sessions a week (drawn per community), each held with probability 0.92;
 *   in July and August only 35% of sessions are held and people come less (×0.75); no sessions over
 *   Christmas and New Year (weeks whose Thursday falls 20 Dec – 6 Jan); the week after Easter (a
 *   different ISO week each year) mostly off. Now and then (12% of weeks, 20% in summer) an extra
 *   event that draws more people, occasional ones above all.
 * - Regulars come in groups of 1–3 (families, friends: 50/30/20%); a group decides together with its
 *   own propensity ~ Beta(4, 2.5) (mean 0.62), then each member comes with probability 0.9.
 * - Every session has a shared shock ~ Gamma with mean 1 and CV `sessionShockCv` (default 0.16:
 *   weather, topic, a competing event), on top of the groups, so counts are overdispersed beyond
 *   Poisson (a gamma-Poisson mixture).
 * - Turnout by month: January 0.9, February 0.95, June 0.9, July–August 0.75, December 0.9, else 1.
 * - 1.5 occasional participants per regular, each coming to a session with probability 1–5% (×4 at events).
 * - A slow trend: the community's level drifts by a factor exp(g) a year, g ~ Normal(0, 0.1).
 * - An injected decline, from its first week, of one of two kinds (or both):
 *   thinning — everyone's propensity is multiplied by (1 − fraction), so expected attendances fall by
 *   that fraction and stay down; churn — whole groups of regulars (chosen at random, until at least `fraction`
 *   of the regulars) stop coming altogether while the others go on as before; mixed — half and half:
 *   churn of fraction/2 of the regulars and thinning of the rest by t with (1 − fraction/2)(1 − t) =
 *   1 − fraction, so the regulars' expected attendances fall by `fraction` either way.
 */
import type { WeeklyParticipation } from './decline-detector.ts';
import { isoWeekRange, isoWeekStartDate, weeksInIsoYear } from './iso-week.ts';

export interface Random {
  next(): number;
}

/** sfc32 seeded through splitmix32: fast, good enough, deterministic. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next };
}

/** Mixes integers into one seed (for replications: seedOf(size, rep)). */
export function seedOf(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return h >>> 0;
}

export function normal(rng: Random): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (shape ≥ 1). */
export function gamma(rng: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function beta(rng: Random, a: number, b: number): number {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
}

export interface SimulationOptions {
  regulars: number;
  seed: number;
  /** Calendar years simulated, whole ISO years (default 2021–2023). */
  years?: readonly number[];
  /** A sustained decline from the given week (kind: thinning by default; see the header). */
  drop?: { fraction: number; fromWeek: string; kind?: DropKind };
  /** Keep who came to each session (`sessions`): the person-level lapsing test reads it. */
  recordSessions?: boolean;
  /** Sessions a week (1–3); drawn from the seed when not given. */
  sessionsPerWeek?: number;
  /** Yearly log-trend; drawn from the seed when not given. */
  trendPerYear?: number;
  /** Coefficient of variation of the shock shared by everyone at one session (default 0.16). */
  sessionShockCv?: number;
}

export type DropKind = 'thinning' | 'churn' | 'mixed';

/** One session held: its week (index into `series`), and who came (person ids; regulars are 0 … regulars − 1). */
export interface SimulatedSession {
  week: number;
  event: boolean;
  attendees: number[];
}

export interface SimulatedCommunity {
  series: WeeklyParticipation[];
  /**
   * The truth behind each week's attendances, as if there were no injected decline: their expectation
   * and variance given the sessions held (binomial group and occasional draws, session shock). What no
   * detector can know; used to bound what any test on weekly totals could achieve.
   */
  truth: { expectedAttendances: number; varianceAttendances: number }[];
  sessionsPerWeek: number;
  trendPerYear: number;
  /** Who came to each session, in order (with `recordSessions`; else empty). */
  sessions: SimulatedSession[];
  /** The regulars who stopped coming (a churn or mixed drop; else empty). */
  churned: number[];
}

const MONTH_TURNOUT = [0.9, 0.95, 1, 1, 1, 0.9, 0.75, 0.75, 1, 1, 1, 0.9];
const EASTER_MONDAY: Record<number, string> = {
  2019: '2019-04-22',
  2020: '2020-04-13',
  2021: '2021-04-05',
  2022: '2022-04-18',
  2023: '2023-04-10',
  2024: '2024-04-01',
  2025: '2025-04-21',
  2026: '2026-04-06',
  2027: '2027-03-29',
};
export const DEFAULT_SESSION_SHOCK_CV = 0.16;

export function simulateCommunity(options: SimulationOptions): SimulatedCommunity {
  const rng = seededRandom(options.seed);
  const years = options.years ?? [2021, 2022, 2023];
  const weeks = isoWeekRange(`${years[0]}-W01`, `${years[years.length - 1]}-W${weeksInIsoYear(years[years.length - 1]!)}`);
  const sessionsPerWeek = options.sessionsPerWeek ?? 1 + Math.floor(rng.next() * 3);
  const trendPerYear = options.trendPerYear ?? 0.1 * normal(rng);
  const shockCv = options.sessionShockCv ?? DEFAULT_SESSION_SHOCK_CV;
  if (!(shockCv >= 0 && shockCv <= 1)) throw new RangeError(`simulateCommunity: sessionShockCv must be in [0, 1], got ${shockCv}`);
  const shockShape = shockCv > 0 ? 1 / shockCv ** 2 : 0;

  // Regular groups and occasional participants; person ids index `seenInWeek`.
  const groups: { members: number[]; propensity: number }[] = [];
  let person = 0;
  while (person < options.regulars) {
    const r = rng.next();
    const size = Math.min(options.regulars - person, r < 0.5 ? 1 : r < 0.8 ? 2 : 3);
    const members = Array.from({ length: size }, (_, i) => person + i);
    person += size;
    groups.push({ members, propensity: beta(rng, 4, 2.5) });
  }
  const occasional = Array.from({ length: Math.round(1.5 * options.regulars) }, () => 0.01 + 0.04 * rng.next());
  const seenInWeek = new Int32Array(options.regulars + occasional.length).fill(-1);

  const dropFrom = options.drop ? weeks.indexOf(options.drop.fromWeek) : -1;
  if (options.drop && dropFrom < 0) throw new RangeError(`simulateCommunity: drop week ${options.drop.fromWeek} is outside the series`);
  const kind = options.drop?.kind ?? 'thinning';
  const fraction = options.drop?.fraction ?? 0;
  const churnShare = kind === 'churn' ? fraction : kind === 'mixed' ? fraction / 2 : 0;
  const thinning = kind === 'thinning' ? fraction : kind === 'mixed' ? 1 - (1 - fraction) / (1 - fraction / 2) : 0;
  // Who churns is drawn from a stream of its own, so the sessions' draws stay those of the other kinds.
  const churnedGroup = new Uint8Array(groups.length);
  const churned: number[] = [];
  if (churnShare > 0) {
    const pick = seededRandom(seedOf(options.seed, 0x636875));
    const order = groups.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(pick.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const wanted = Math.round(churnShare * options.regulars);
    for (const g of order) {
      if (churned.length >= wanted) break;
      churnedGroup[g] = 1;
      churned.push(...groups[g]!.members);
    }
    churned.sort((a, b) => a - b);
  }
  const sessions: SimulatedSession[] = [];

  const series: WeeklyParticipation[] = [];
  const truth: SimulatedCommunity['truth'] = [];
  for (let t = 0; t < weeks.length; t++) {
    const week = weeks[t]!;
    const monday = isoWeekStartDate(week);
    const thursday = new Date(Date.parse(monday) + 3 * 86_400_000).toISOString().slice(0, 10);
    const month = Number(thursday.slice(5, 7));
    const md = thursday.slice(5);
    const christmas = md >= '12-20' || md <= '01-06';
    const summer = month === 7 || month === 8;
    const easter = EASTER_MONDAY[Number(monday.slice(0, 4))];
    const easterWeek = easter !== undefined && easter >= monday && Date.parse(easter) - Date.parse(monday) < 7 * 86_400_000;
    const heldChance = christmas ? 0 : summer ? 0.35 : easterWeek ? 0.3 : 0.92;
    const eventChance = christmas ? 0 : summer ? 0.2 : 0.12;

    const kinds: boolean[] = []; // true = event
    for (let s = 0; s < sessionsPerWeek; s++) if (rng.next() < heldChance) kinds.push(false);
    if (rng.next() < eventChance) kinds.push(true);

    const undropped = MONTH_TURNOUT[month - 1]! * Math.exp(trendPerYear * (t / 52.18));
    const dropped = dropFrom >= 0 && t >= dropFrom;
    const level = undropped * (dropped ? 1 - thinning : 1);
    // The truth without the decline (computed without drawing random numbers, so the series is unchanged).
    let expectedAttendances = 0;
    let varianceAttendances = 0;
    for (const event of kinds) {
      let mean = 0;
      let variance = 0;
      for (const group of groups) {
        const q = Math.min(0.97, group.propensity * undropped * (event ? 1.2 : 1));
        const g = group.members.length;
        mean += 0.9 * g * q;
        variance += q * g * 0.09 + q * (1 - q) * (0.9 * g) ** 2;
      }
      for (const o of occasional) {
        const q = Math.min(1, o * undropped * (event ? 4 : 1));
        mean += q;
        variance += q * (1 - q);
      }
      expectedAttendances += mean;
      varianceAttendances += variance + shockCv * shockCv * mean * mean;
    }
    truth.push({ expectedAttendances, varianceAttendances });
    let attendances = 0;
    let distinct = 0;
    for (const event of kinds) {
      const shock = shockShape > 0 ? gamma(rng, shockShape) / shockShape : 1;
      const regularFactor = level * shock * (event ? 1.2 : 1);
      const attendees: number[] | null = options.recordSessions ? [] : null;
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g]!;
        // A churned group still draws (and never comes), so the other groups' draws are unchanged.
        const gone = dropped && churnedGroup[g] === 1;
        if (rng.next() >= Math.min(0.97, group.propensity * regularFactor) || gone) continue;
        for (const m of group.members) {
          if (rng.next() >= 0.9) continue;
          attendees?.push(m);
          attendances++;
          if (seenInWeek[m] !== t) {
            seenInWeek[m] = t;
            distinct++;
          }
        }
      }
      const occasionalFactor = level * shock * (event ? 4 : 1);
      for (let i = 0; i < occasional.length; i++) {
        if (rng.next() >= Math.min(1, occasional[i]! * occasionalFactor)) continue;
        attendances++;
        const id = options.regulars + i;
        attendees?.push(id);
        if (seenInWeek[id] !== t) {
          seenInWeek[id] = t;
          distinct++;
        }
      }
      if (attendees) sessions.push({ week: t, event, attendees });
    }
    series.push({ week, attendances, distinctParticipants: distinct, activities: kinds.length });
  }
  return { series, truth, sessionsPerWeek, trendPerYear, sessions, churned };
}
