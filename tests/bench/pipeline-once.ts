// One measured pipeline run in a fresh process, so that its peak memory is the run's own.
// Used by pipeline.bench.ts: node --import tsx tests/bench/pipeline-once.ts full|incremental  (OSL_DATA_DIR set)
import fs from 'node:fs';
import { PipelineService, createCliContext, readEnvironment } from '@osl/backend';

const mode = process.argv[2];
if (mode !== 'full' && mode !== 'incremental') throw new Error('usage: pipeline-once.ts full|incremental');

let started = performance.now();
const context = await createCliContext(readEnvironment(), { quiet: true });
const openMs = performance.now() - started;
started = performance.now();
const report = await context.get(PipelineService).run('cli', mode);
const ms = performance.now() - started;
await context.close();
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
process.stdout.write(JSON.stringify({ openMs, ms, peakMb, report }));
