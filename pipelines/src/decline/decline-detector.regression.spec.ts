import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDecline, scanDeclineHistory } from './decline-detector.ts';
import { decodeSnapshot, historyFingerprint, regressionCases } from './decline-regression-cases.ts';

// The snapshot was written by the detector before its performance reworks (the loops of the first,
// pipelines/scripts/decline-regression-snapshot.ts); results must not move: the alerts to 1e-12,
// every week's statuses, windows and counts exactly and its figures' sums to 1e-12.
const snapshot = decodeSnapshot(
  readFileSync(new URL('./__fixtures__/decline-regression.snapshot.json', import.meta.url), 'utf8'),
) as { name: string; detect: unknown; history: ReturnType<typeof historyFingerprint> }[];

const TOLERANCE = 1e-12;

/** Paths where actual and expected differ: strings, booleans, nulls exactly; numbers within 1e-12 (relative above 1). */
function differences(actual: unknown, expected: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (typeof expected === 'number' && typeof actual === 'number') {
    const same = Object.is(actual, expected) || Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
    if (!same) out.push(`${path}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) out.push(`${path}: length ${Array.isArray(actual) ? actual.length : 'n/a'} ≠ ${expected.length}`);
    else expected.forEach((e, i) => differences(actual[i], e, `${path}[${i}]`, out));
  } else if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') out.push(`${path}: not an object`);
    else {
      const a = actual as Record<string, unknown>;
      const e = expected as Record<string, unknown>;
      const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
      for (const key of keys) differences(a[key], e[key], `${path}.${key}`, out);
    }
  } else if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  return out;
}

describe('decline detector regression snapshot', () => {
  const cases = regressionCases();

  it('covers the same cases as the snapshot, alerts included', () => {
    expect(cases.map((c) => c.name)).toEqual(snapshot.map((s) => s.name));
    expect(snapshot.some((s) => (s.detect as unknown[]).length > 0)).toBe(true);
  });

  for (const [i, c] of cases.entries()) {
    it(`matches the snapshot: ${c.name}`, () => {
      const expected = snapshot[i]!;
      expect(differences(detectDecline(c.series, c.config), expected.detect, 'detect')).toEqual([]);
      const history = historyFingerprint(scanDeclineHistory(c.series, c.config));
      expect(history.sha256, 'the week-by-week statuses, windows or counts changed').toBe(expected.history.sha256);
      expect(differences(history.sums, expected.history.sums, 'history sums')).toEqual([]);
    });
  }
});
