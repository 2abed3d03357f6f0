// One measured build of the figures "as of" an import batch in a fresh process (withAnalyticsAsOf),
// as pipeline-once.ts measures a run. Used by pipeline.bench.ts (OSL_DATA_DIR set):
//   node --import tsx tests/bench/pipeline-as-of-once.ts <asOfBatch>
import fs from 'node:fs';
import { DatabaseRepository, createCliContext, readEnvironment } from '@osl/backend';
import { withAnalyticsAsOf } from '@osl/pipelines';
import { ConfigurationService } from '../../backend/src/services/configuration.service.ts';
import { indicatorChecksum } from './pipeline-raw.ts';

const asOfBatch = Number(process.argv[2]);
if (!Number.isInteger(asOfBatch) || asOfBatch < 1) throw new Error('usage: pipeline-as-of-once.ts <asOfBatch>');

const environment = readEnvironment();
const context = await createCliContext(environment, { quiet: true });
const steps: { name: string; rowsRead: number; rowsWritten: number; ms: number }[] = [];
const started = performance.now();
const result = await withAnalyticsAsOf(
  {
    database: context.get(DatabaseRepository).operational,
    config: context.get(ConfigurationService).current(),
    dataDir: environment.dataDir,
    moment: environment.now(),
    asOfBatch,
    onStep: (step) => steps.push({ name: step.name, rowsRead: step.rowsRead, rowsWritten: step.rowsWritten, ms: step.ms }),
  },
  async (connection, asOf) => ({ asOf, indicators: await indicatorChecksum(connection) }),
);
const ms = performance.now() - started;
await context.close();
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
process.stdout.write(JSON.stringify({ ms, peakMb, steps, ...result }));
