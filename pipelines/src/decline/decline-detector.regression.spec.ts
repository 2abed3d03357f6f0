import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECLINE_METHOD_VERSION, detectDecline, scanDeclineHistory } from './decline-detector.ts';
import { decodeSnapshot, historyFingerprint, regressionCases, snapshotDifferences, type RegressionSnapshot } from './decline-regression-cases.ts';

// The snapshot was written by the detector before its performance reworks (the loops of the first,
// pipelines/scripts/decline-regression-snapshot.ts); results must not move: the alerts to 1e-12,
// every week's statuses, windows and counts exactly and its figures' sums to 1e-12. It records the
// method version it was made with: results move only with a new version, and a new version comes
// with a snapshot made by it.
const snapshot = decodeSnapshot(readFileSync(new URL('./__fixtures__/decline-regression.snapshot.json', import.meta.url), 'utf8')) as RegressionSnapshot;

describe('decline detector regression snapshot', () => {
  const cases = regressionCases();

  it('was made by the current method version', () => {
    expect(
      snapshot.methodVersion,
      `the snapshot was made by decline method version ${snapshot.methodVersion}, the detector is version ${DECLINE_METHOD_VERSION}: ` +
        'make it again with `node --import tsx pipelines/scripts/decline-regression-snapshot.ts` (the script refuses changed results under an unchanged version)',
    ).toBe(DECLINE_METHOD_VERSION);
  });

  it('covers the same cases as the snapshot, alerts included', () => {
    expect(cases.map((c) => c.name)).toEqual(snapshot.cases.map((s) => s.name));
    expect(snapshot.cases.some((s) => (s.detect as unknown[]).length > 0)).toBe(true);
  });

  for (const [i, c] of cases.entries()) {
    it(`matches the snapshot: ${c.name}`, () => {
      const expected = snapshot.cases[i]!;
      const changed = `the detector's results changed under method version ${DECLINE_METHOD_VERSION}: a deliberate change raises DECLINE_METHOD_VERSION and makes the snapshot again`;
      expect(snapshotDifferences(detectDecline(c.series, c.config), expected.detect, 'detect'), changed).toEqual([]);
      const history = historyFingerprint(scanDeclineHistory(c.series, c.config));
      expect(history.sha256, `${changed} (the week-by-week statuses, windows or counts)`).toBe(expected.history.sha256);
      expect(snapshotDifferences(history.sums, expected.history.sums, 'history sums'), changed).toEqual([]);
    });
  }
});
