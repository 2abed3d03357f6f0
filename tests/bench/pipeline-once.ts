// One measured pipeline run in a fresh process, so that its peak memory is the run's own.
// Used by pipeline.bench.ts (OSL_DATA_DIR set):
//   node --import tsx tests/bench/pipeline-once.ts full|incremental
//   node --import tsx tests/bench/pipeline-once.ts incremental-warm <rows> <communities>
// The last adds a day and runs incrementally twice in the same process, reporting the second run:
// a server runs its scheduled runs in one long-lived process, past the first run's warm-up.
// OSL_BENCH_PERIODS (JSON of ReportingPeriodConfig[]) lays reporting periods over the configuration
// the run reads, as the director's periods in the database will be.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineService, createCliContext, readEnvironment } from '@osl/backend';
import { createConfigSnapshot, type ReportingPeriodConfig } from '@osl/data';
// Not part of the backend's surface: the bench alone lays its periods over what the run reads.
import { ConfigurationService } from '../../backend/src/services/configuration.service.ts';
import { addDay } from './pipeline-history.ts';

const mode = process.argv[2];
if (mode !== 'full' && mode !== 'incremental' && mode !== 'incremental-warm')
  throw new Error('usage: pipeline-once.ts full|incremental|incremental-warm <rows> <communities>');

let started = performance.now();
const environment = readEnvironment();
const context = await createCliContext(environment, { quiet: true });
const openMs = performance.now() - started;
const pipeline = context.get(PipelineService);
const periods = JSON.parse(process.env.OSL_BENCH_PERIODS ?? '[]') as ReportingPeriodConfig[];
if (periods.length > 0) {
  const configuration = context.get(ConfigurationService);
  const refresh = configuration.refresh.bind(configuration);
  configuration.refresh = async () => createConfigSnapshot({ ...(await refresh()), periods });
}
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
