/**
 * A fixed set of seeded simulated series (and a few configurations) for the detector's regression
 * snapshot (decline-detector.regression.spec.ts; regenerate with
 * `node --import tsx pipelines/scripts/decline-regression-snapshot.ts` only on a deliberate change of
 * results, after raising DECLINE_METHOD_VERSION).
 */
import { createHash } from 'node:crypto';
import type { DeclineConfigInput } from './decline-config.ts';
import type { WeeklyParticipation } from './decline-detector.ts';
import { seedOf, simulateCommunity } from './decline-simulation.ts';

export interface RegressionCase {
  name: string;
  series: WeeklyParticipation[];
  config: DeclineConfigInput;
}

export function regressionCases(): RegressionCase[] {
  const cases: RegressionCase[] = [];
  const sizes = [10, 40, 150];
  const drops = [0, 0.3, 0.5];
  for (const size of sizes) {
    for (const fraction of drops) {
      for (let rep = 0; rep < 2; rep++) {
        const seed = seedOf(size, Math.round(fraction * 100), rep, 7);
        const fromWeek = `2023-W${String(10 + ((seed >>> 3) % 30)).padStart(2, '0')}`;
        const { series } = simulateCommunity({ regulars: size, seed, drop: fraction > 0 ? { fraction, fromWeek } : undefined });
        cases.push({ name: `size ${size}, drop ${fraction} from ${fraction > 0 ? fromWeek : '-'}, rep ${rep}`, series, config: {} });
      }
    }
  }
  // Shorter histories: the first year only, and a year and a half.
  for (const size of [40, 150]) {
    const one = simulateCommunity({ regulars: size, seed: seedOf(size, 1, 11), years: [2023] }).series;
    cases.push({ name: `size ${size}, one year`, series: one, config: {} });
    const two = simulateCommunity({ regulars: size, seed: seedOf(size, 2, 11), years: [2022, 2023], drop: { fraction: 0.4, fromWeek: '2023-W05' } }).series;
    cases.push({ name: `size ${size}, two years, drop 0.4 in 2023-W05`, series: two.slice(0, 80), config: {} });
  }
  // Four years; a series that starts with empty weeks; a long break.
  {
    const series = simulateCommunity({
      regulars: 60,
      seed: seedOf(60, 4, 11),
      years: [2020, 2021, 2022, 2023],
      drop: { fraction: 0.3, fromWeek: '2023-W40' },
    }).series;
    cases.push({ name: 'size 60, four years, drop 0.3 in 2023-W40', series, config: {} });
    const late = simulateCommunity({ regulars: 40, seed: seedOf(40, 5, 11) }).series.map((r, i) =>
      i < 30 || (i >= 90 && i < 100) ? { ...r, attendances: 0, distinctParticipants: 0, activities: 0 } : r,
    );
    cases.push({ name: 'size 40, late start and a 10-week break', series: late, config: {} });
  }
  // Other configurations.
  const base = simulateCommunity({ regulars: 80, seed: seedOf(80, 6, 11), drop: { fraction: 0.35, fromWeek: '2023-W20' } }).series;
  const configs: [string, DeclineConfigInput][] = [
    ['smoothing 1', { seasonalSmoothingWeeks: 1 }],
    ['fixed dispersion 0.1', { dispersion: 0.1 }],
    ['seasonal weight 0.5', { seasonalWeight: 0.5 }],
    ['confirm 2 weeks', { confirmWeeks: 2 }],
    ['window 2-8, reference 20, 3 years back', { minWindowWeeks: 2, windowWeeks: 8, referenceWeeks: 20, seasonalYears: 3 }],
    ['attendances only, elasticity 0.7', { measures: ['attendances'], activityElasticity: { attendances: 0.7 } }],
    ['no seasonal years', { seasonalYears: 0 }],
  ];
  for (const [name, config] of configs) cases.push({ name: `size 80, drop 0.35 in 2023-W20, ${name}`, series: base, config });
  return cases;
}

/** The figures of a check that are computed in floating point (the rest are labels and counts). */
const FLOAT_FIELDS = new Set(['expected', 'drop', 'pValue', 'seasonalWeight', 'dispersion']);

/**
 * A week-by-week history in brief: the digest of everything but the floating-point figures (every
 * status, week, window, count and baseline kind, exactly) and, per floating-point field, its sum
 * over the whole history (compared within a tolerance: the last bit of a sum depends on the order
 * of additions).
 */
export function historyFingerprint(history: unknown): { sha256: string; sums: Record<string, number> } {
  const sums: Record<string, number> = {};
  const labels = JSON.stringify(history, (key, v: unknown) => {
    if (typeof v !== 'number') return v;
    if (FLOAT_FIELDS.has(key)) {
      sums[key] = (sums[key] ?? 0) + (Number.isFinite(v) ? v : 0);
      return Number.isFinite(v) ? 0 : `__number:${String(v)}`;
    }
    return Number.isFinite(v) ? v : `__number:${String(v)}`;
  });
  return { sha256: createHash('sha256').update(labels).digest('hex'), sums };
}

/** One case of the snapshot: the detector's alerts and the fingerprint of its week-by-week history. */
export interface SnapshotCase {
  name: string;
  detect: unknown;
  history: ReturnType<typeof historyFingerprint>;
}

/** The regression snapshot: its cases, and the DECLINE_METHOD_VERSION of the detector that made them. */
export interface RegressionSnapshot {
  methodVersion: number;
  cases: SnapshotCase[];
}

/** The snapshot of the detector as it is now, for the cases of regressionCases. */
export function takeSnapshot(methodVersion: number, detect: (c: RegressionCase) => unknown, history: (c: RegressionCase) => unknown): RegressionSnapshot {
  return {
    methodVersion,
    cases: regressionCases().map((c) => ({ name: c.name, detect: detect(c), history: historyFingerprint(history(c)) })),
  };
}

export const SNAPSHOT_TOLERANCE = 1e-12;

/**
 * Paths where actual and expected differ (at most 10): strings, booleans, nulls exactly; numbers
 * within 1e-12 (relative above 1).
 */
export function snapshotDifferences(actual: unknown, expected: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (typeof expected === 'number' && typeof actual === 'number') {
    const same = Object.is(actual, expected) || Math.abs(actual - expected) <= SNAPSHOT_TOLERANCE * Math.max(1, Math.abs(expected));
    if (!same) out.push(`${path}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      out.push(`${path}: length ${Array.isArray(actual) ? actual.length : 'n/a'} ≠ ${expected.length}`);
    else expected.forEach((e, i) => snapshotDifferences(actual[i], e, `${path}[${i}]`, out));
  } else if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') out.push(`${path}: not an object`);
    else {
      const a = actual as Record<string, unknown>;
      const e = expected as Record<string, unknown>;
      const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
      for (const key of keys) snapshotDifferences(a[key], e[key], `${path}.${key}`, out);
    }
  } else if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  return out;
}

/** JSON that keeps non-finite numbers (as strings). */
export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `__number:${String(v)}` : v));
}

export function decodeSnapshot(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' && v.startsWith('__number:') ? Number(v.slice(9)) : v));
}
