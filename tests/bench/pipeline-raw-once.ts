// The baseline of the pipeline benchmark in a fresh process: raw DuckDB computing the pipeline's
// aggregates from a Parquet file (pipeline-raw.ts), with the pipeline's own DuckDB settings.
// Used by pipeline.bench.ts: node --import tsx tests/bench/pipeline-raw-once.ts <parquet> <as-of>  (OSL_DATA_DIR set)
import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig, resolveConfigDir } from '@osl/data';
import { rawChecksums, rawIndicatorCodes, rawSteps } from './pipeline-raw.ts';

const [parquet, asOf] = process.argv.slice(2) as [string, string];
const config = loadConfig(resolveConfigDir(process.env.OSL_DATA_DIR!));
const steps = rawSteps(parquet, config, asOf);

// In memory (results are not written to disk), with the limits the pipeline builds with.
const instance = await DuckDBInstance.create(':memory:', { memory_limit: '1GB', preserve_insertion_order: 'false' });
const connection = await instance.connect();
const stepMs: { name: string; ms: number }[] = [];
const started = performance.now();
for (const step of steps) {
  const stepStarted = performance.now();
  for (const statement of step.statements) await connection.run(statement);
  stepMs.push({ name: step.name, ms: Math.round(performance.now() - stepStarted) });
}
const ms = performance.now() - started;
const checksums = await rawChecksums(connection, rawIndicatorCodes(config));
connection.closeSync();
instance.closeSync();
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
process.stdout.write(JSON.stringify({ ms, stepMs, peakMb, checksums }));
