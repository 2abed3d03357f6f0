// One measured pipeline run in a fresh process, so that its peak memory is the run's own.
// Used by pipeline.bench.ts (OSL_DATA_DIR set):
//   node --import tsx tests/bench/pipeline-once.ts full|incremental
//   node --import tsx tests/bench/pipeline-once.ts incremental-warm <rows> <communities>
// The last adds a day and runs incrementally twice in the same process, reporting the second run:
// a server runs its scheduled runs in one long-lived process, past the first run's warm-up.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineService, createCliContext, readEnvironment } from '@osl/backend';
import { addDay } from './pipeline-history.ts';

const mode = process.argv[2];
if (mode !== 'full' && mode !== 'incremental' && mode !== 'incremental-warm')
  throw new Error('usage: pipeline-once.ts full|incremental|incremental-warm <rows> <communities>');

let started = performance.now();
const environment = readEnvironment();
const context = await createCliContext(environment, { quiet: true });
const openMs = performance.now() - started;
const pipeline = context.get(PipelineService);
if (mode === 'incremental-warm') {
  const [rows, communities] = [Number(process.argv[3]), Number(process.argv[4])];
  addDay(path.join(environment.dataDir, 'osl.db'), rows, communities, '2023-12-30');
  await pipeline.run('cli', 'incremental');
  addDay(path.join(environment.dataDir, 'osl.db'), rows, communities, '2023-12-29');
}
started = performance.now();
const report = await pipeline.run('cli', mode === 'full' ? 'full' : 'incremental');
const ms = performance.now() - started;
await context.close();
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
process.stdout.write(JSON.stringify({ openMs, ms, peakMb, report }));
