/**
 * Writes the detector's regression snapshot (src/decline/__fixtures__/decline-regression.snapshot.json)
 * from the current implementation. Run only on a deliberate change of results, and then raise
 * DECLINE_METHOD_VERSION (decline-detector.ts) so that installations rebuild their stored scans:
 *   cd /work/main && node --import tsx pipelines/scripts/decline-regression-snapshot.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectDecline, scanDeclineHistory } from '../src/decline/decline-detector.ts';
import { encodeSnapshot, historyFingerprint, regressionCases } from '../src/decline/decline-regression-cases.ts';

const out = fileURLToPath(new URL('../src/decline/__fixtures__/decline-regression.snapshot.json', import.meta.url));
const snapshot = regressionCases().map(({ name, series, config }) => ({
  name,
  detect: detectDecline(series, config),
  // The full week-by-week history is megabytes: its fingerprint pins it.
  history: historyFingerprint(scanDeclineHistory(series, config)),
}));
writeFileSync(out, JSON.stringify(JSON.parse(encodeSnapshot(snapshot)), null, 1) + '\n');
console.log(`wrote ${snapshot.length} cases to ${out}`);
