/**
 * Writes the detector's regression snapshot (src/decline/__fixtures__/decline-regression.snapshot.json)
 * from the current implementation, with its DECLINE_METHOD_VERSION. Run only on a deliberate change
 * of results, after raising DECLINE_METHOD_VERSION (decline-detector.ts) so that installations
 * rebuild their stored scans; under an unchanged version it refuses results that differ from the
 * snapshot's:
 *   node --import tsx pipelines/scripts/decline-regression-snapshot.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DECLINE_METHOD_VERSION, detectDecline, scanDeclineHistory } from '../src/decline/decline-detector.ts';
import { decodeSnapshot, encodeSnapshot, snapshotDifferences, takeSnapshot, type RegressionSnapshot } from '../src/decline/decline-regression-cases.ts';

const out = fileURLToPath(new URL('../src/decline/__fixtures__/decline-regression.snapshot.json', import.meta.url));
// The full week-by-week history is megabytes: its fingerprint pins it.
const snapshot = takeSnapshot(
  DECLINE_METHOD_VERSION,
  (c) => detectDecline(c.series, c.config),
  (c) => scanDeclineHistory(c.series, c.config),
);
const previous = existsSync(out) ? (decodeSnapshot(readFileSync(out, 'utf8')) as RegressionSnapshot) : null;
if (previous?.methodVersion === DECLINE_METHOD_VERSION) {
  const differences = snapshotDifferences(snapshot.cases, previous.cases, 'cases');
  if (differences.length > 0) {
    console.error(
      `the results differ from the snapshot of method version ${DECLINE_METHOD_VERSION}; raise DECLINE_METHOD_VERSION first:\n  ${differences.join('\n  ')}`,
    );
    process.exit(1);
  }
  // The stored figures stay those of the detector that first gave them (within the tolerance).
  console.log(`the snapshot of method version ${DECLINE_METHOD_VERSION} is up to date: ${out}`);
  process.exit(0);
}
writeFileSync(out, JSON.stringify(JSON.parse(encodeSnapshot(snapshot)), null, 1) + '\n');
console.log(`wrote ${snapshot.cases.length} cases of method version ${DECLINE_METHOD_VERSION} to ${out}`);
