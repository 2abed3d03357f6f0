import type { DuckDBConnection } from '@duckdb/node-api';
import type { OslConfig } from '@osl/data';
import type { AnalyticsMeta } from '../analytics/analytics-meta.ts';
import type { TableLifetime } from '../analytics/analytics-schema.ts';
import type { OperationalExtract, SourceCounts } from '../source/operational-extract.ts';
import type { DetectedDecline } from './decline.step.ts';
import type { StepLabel } from './step-labels.ts';

export type AggregationMode = 'full' | 'incremental';

/** What a run hands from step to step besides tables. */
export interface RunState {
  /** Rows in the operational database when it was read (extract), to check the facts against. */
  totals: SourceCounts | null;
  /** Rows staged by the extract: everything, or what changed. */
  staged: SourceCounts | null;
  /** The newest import batch the facts hold (extract). */
  watermark: number;
  /** The staged rows only add (no earlier activity corrected): participation then grows by deltas (facts). */
  additive: boolean;
  /** Declines active as of the last complete week (decline detection). */
  declines: DetectedDecline[];
}

export interface StepContext {
  db: DuckDBConnection;
  config: OslConfig;
  mode: AggregationMode;
  /** The civil date the figures are computed as of. */
  asOf: string;
  /** The published state's watermark an incremental run builds on; 0 in a full run. */
  sinceBatch: number;
  /** The published state's metadata an incremental run builds on; null in a full run. */
  previousMeta: AnalyticsMeta | null;
  extract: OperationalExtract;
  /** A folder the run may use for temporary files (removed after the run). */
  workDir: string;
  state: RunState;
}

export interface StepCounts {
  rowsRead: number;
  rowsWritten: number;
}

/**
 * One step of an aggregation run, with the tables of analytics-schema.sql it reads and writes. A
 * run checks the declarations before it starts (checkStepPlan): every table a step reads is written
 * by an earlier step (or itself), no two steps write one table, and every table is defined by the DDL.
 */
export interface PipelineStep {
  /** A stable name (steps/<name>.step.ts). */
  name: string;
  /** What the run reports (progress, run records): it may say what the mode makes the step do. */
  label(context: StepContext): StepLabel;
  reads: readonly string[];
  writes: readonly string[];
  /**
   * Store tables whose published content an incremental run reads before this run rewrites them
   * (this step or a later one does).
   */
  readsPrevious?: readonly string[];
  /** The SQL files (src/sql) the step runs: a test holds their tables to `reads` and `writes`. */
  sql: readonly string[];
  run(context: StepContext): Promise<StepCounts>;
}

/**
 * What is wrong with running `steps` in this order on the tables `tables` defines (empty when
 * nothing is): a table the DDL does not define, a read no earlier step writes, a table two steps
 * write, a previous state read of a table that is not kept across runs or that no step rewrites.
 */
export function checkStepPlan(steps: readonly PipelineStep[], tables: ReadonlyMap<string, TableLifetime>, writtenOutside: readonly string[] = []): string[] {
  const problems: string[] = [];
  const writer = new Map<string, string>();
  for (const table of writtenOutside) writer.set(table, 'the job');
  steps.forEach((step) => {
    for (const table of [...step.reads, ...step.writes, ...(step.readsPrevious ?? [])]) {
      if (!tables.has(table)) problems.push(`${step.name}: ${table} is not defined in analytics-schema.sql`);
    }
    for (const table of step.writes) {
      const other = writer.get(table);
      if (other) problems.push(`${step.name}: ${table} is written by ${other} too`);
      else writer.set(table, step.name);
    }
  });
  const written = new Set<string>();
  steps.forEach((step, index) => {
    for (const table of step.writes) written.add(table);
    for (const table of step.reads) {
      if (tables.has(table) && !written.has(table)) problems.push(`${step.name}: reads ${table}, which no earlier step writes`);
    }
    for (const table of step.readsPrevious ?? []) {
      if (tables.has(table) && tables.get(table) !== 'store') problems.push(`${step.name}: reads the previous ${table}, which is not kept across runs`);
      const later = steps.slice(index).some((s) => s.writes.includes(table));
      if (tables.has(table) && !later)
        problems.push(`${step.name}: reads the previous ${table}, which neither it nor a later step rewrites (declare it in reads)`);
    }
  });
  return problems;
}
