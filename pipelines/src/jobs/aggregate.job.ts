import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { analyticsConfigVersion, type ConfigSnapshot } from '@osl/data';
import type { OperationalDatabase } from '@osl/prisma';
import { parseAnalyticsMeta, readAnalyticsFileMeta, writeAnalyticsMeta, type AnalyticsMeta } from '../analytics/analytics-meta.ts';
import { analyticsLayoutVersion, analyticsTables, createAnalyticsTables } from '../analytics/analytics-schema.ts';
import { AnalyticsStore, type PublishedAnalytics } from '../analytics/analytics-store.ts';
import { civilDateInZone } from '../lib/civil-date.ts';
import { DatabaseExtract } from '../source/database-extract.ts';
import type { OperationalExtract } from '../source/operational-extract.ts';
import { DECLINE_METHOD_VERSION } from '../decline/index.ts';
import { aggregationSteps, tablesWrittenByTheJob } from '../steps/aggregation-steps.ts';
import { lastCompleteWeek, type DetectedDecline } from '../steps/decline.step.ts';
import { FactsMismatchError } from '../steps/facts.step.ts';
import { checkStepPlan, type AggregationMode, type PipelineStep, type RunState, type StepContext } from '../steps/pipeline-step.ts';
import { stepLabelText, type StepLabel } from '../steps/step-labels.ts';
import { cleanUpAfter } from './clean-up.ts';

export type { AggregationMode } from '../steps/pipeline-step.ts';

export interface StepStats {
  /** What the step did, in English (logs, the CLI); `label` is the same as a key, worded for readers. */
  name: string;
  label: StepLabel;
  rowsRead: number;
  rowsWritten: number;
  ms: number;
}

export interface AggregationInput {
  extract: OperationalExtract;
  /** The configuration in force for the whole run (its version decides whether an incremental run may build on the published state). */
  config: ConfigSnapshot;
  dataDir: string;
  runId: number;
  now: Date;
  mode: AggregationMode;
  onStep?: (step: StepStats) => void;
  /** Called before each step starts, for progress displays: its English words and its label. */
  onStepStart?: (name: string, label: StepLabel) => void;
  /**
   * Called before each step and just before publishing; throws when the run may no longer go on
   * (its process lost the pipeline lock to another), so that a run resumed after its lease ran out
   * never publishes over the run that took over.
   */
  ensureLease?: () => void;
}

/**
 * Why an incremental request was built in full: a code the backend words in the reader's
 * language, and for an unreadable state or a facts mismatch the engine's own detail.
 */
export type FallbackReason =
  { code: 'nothing_published' | 'layout_changed' | 'config_changed' | 'decline_method_changed' } | { code: 'unreadable' | 'facts_mismatch'; detail: string };

const fallbackWords: Record<FallbackReason['code'], string> = {
  nothing_published: 'nothing published yet',
  unreadable: 'the published state cannot be read',
  layout_changed: 'the analytics layout of this version differs',
  config_changed: 'the configuration changed',
  decline_method_changed: 'the decline method changed',
  facts_mismatch: 'incremental state does not match',
};

/** A fallback reason in English, for logs and the run report (`the published state cannot be read (…)`). */
export function describeFallback(reason: FallbackReason): string {
  return 'detail' in reason ? `${fallbackWords[reason.code]} (${reason.detail})` : fallbackWords[reason.code];
}

export interface AggregationResult {
  published: PublishedAnalytics;
  asOf: string;
  /** What the run did: an incremental request falls back to full when the previous state cannot serve. */
  mode: AggregationMode;
  fallback: FallbackReason | null;
  watermark: number;
  steps: StepStats[];
  /** Declines in participation active as of the last complete week. */
  declines: DetectedDecline[];
}

/** How many steps a run reports (both modes), for progress displays; a test holds it to the truth. */
export const aggregationStepCount = aggregationSteps.length;

/** Settings for DuckDB while building: bounded memory (it spills to disk beyond it). */
const buildSettings = { memory_limit: '1GB', preserve_insertion_order: 'false' };

/**
 * Builds the analytics store from the operational database and publishes it atomically.
 * Full: a new file from every row. Incremental: a copy of the published file plus the rows of
 * import batches newer than its watermark (new rows, and corrected rows replacing their old
 * version); aggregates, indicators and declines are then updated for what those rows change
 * (deltas when they only add, the touched periods recomputed when they correct), so both modes
 * give the same result. Before publishing, the facts are checked against the operational row counts; an
 * incremental run that does not match starts over in full. A failed run leaves the published
 * state untouched. The work is done by the steps of steps/aggregation-steps.ts, in their order.
 */
export async function runAggregation(input: AggregationInput): Promise<AggregationResult> {
  const problems = checkStepPlan(aggregationSteps, analyticsTables(), tablesWrittenByTheJob);
  if (problems.length > 0) throw new Error(`the pipeline's steps do not fit together: ${problems.join('; ')}`);
  const store = new AnalyticsStore(input.dataDir);
  const previous = store.current();
  const configHash = analyticsConfigVersion(input.config);
  let fallback: FallbackReason | null = null;
  if (input.mode === 'incremental') {
    const read = previous ? await readAnalyticsFileMeta(path.join(store.dir, previous.file)) : { unreadable: '' };
    let meta: AnalyticsMeta | null = null;
    if (!previous) fallback = { code: 'nothing_published' };
    else if ('unreadable' in read) fallback = { code: 'unreadable', detail: read.unreadable };
    // Compared before parsing: a file of another layout may hold other metadata.
    else if (read.stored.layout !== analyticsLayoutVersion()) fallback = { code: 'layout_changed' };
    else {
      try {
        meta = parseAnalyticsMeta(read.stored);
      } catch (error) {
        fallback = { code: 'unreadable', detail: (error as Error).message };
      }
    }
    if (meta && meta.configHash !== configHash) fallback = { code: 'config_changed' };
    // Stored decline scans are resumed only by the method that made them.
    else if (meta && meta.declineMethod !== DECLINE_METHOD_VERSION) fallback = { code: 'decline_method_changed' };
    if (!fallback && meta) {
      try {
        return await build(input, store, 'incremental', configHash, previous!, meta);
      } catch (error) {
        if (!(error instanceof FactsMismatchError)) throw error;
        fallback = { code: 'facts_mismatch', detail: error.detail };
      }
    }
  }
  return { ...(await build(input, store, 'full', configHash, null, null)), fallback };
}

async function build(
  input: AggregationInput,
  store: AnalyticsStore,
  mode: AggregationMode,
  configHash: string,
  previous: PublishedAnalytics | null,
  previousMeta: AnalyticsMeta | null,
): Promise<AggregationResult> {
  const { runId, now } = input;
  const buildFile = store.buildPath(runId);
  store.discard(buildFile);
  const workDir = path.join(store.dir, `work-${runId}`);
  try {
    if (mode === 'incremental') fs.copyFileSync(path.join(store.dir, previous!.file), buildFile);
  } catch (error) {
    throw cleanUpAfter(error, () => store.discard(buildFile));
  }
  const built = await buildAnalyticsFile({ ...input, mode, configHash, previousMeta, buildFile, workDir, discard: () => store.discard(buildFile) });
  try {
    input.ensureLease?.();
  } catch (error) {
    throw cleanUpAfter(error, () => store.discard(buildFile));
  }
  const published = store.publish(buildFile, runId, now);
  return { published, mode, fallback: null, ...built };
}

interface FileBuildInput extends Omit<AggregationInput, 'mode' | 'dataDir'> {
  mode: AggregationMode;
  configHash: string;
  /** The published state's meta an incremental build continues (its copy is already at `buildFile`). */
  previousMeta: AnalyticsMeta | null;
  buildFile: string;
  /** The extract's files' folder, removed after the build. */
  workDir: string;
  /** Deletes an unfinished `buildFile` (a failed build). */
  discard: () => void;
}

/**
 * Builds the analytics file `buildFile` by the pipeline's steps, in either mode, and writes its
 * meta: the work both a published run and a scratch build "as of" a past moment do. A failed
 * build leaves neither the file nor the work folder.
 */
async function buildAnalyticsFile(input: FileBuildInput): Promise<Pick<AggregationResult, 'asOf' | 'watermark' | 'steps' | 'declines'>> {
  const { config, runId, now, mode, configHash, previousMeta, buildFile, workDir } = input;
  const asOf = civilDateInZone(now, config.project.timeZone);
  const steps: StepStats[] = [];
  const sinceBatch = previousMeta?.watermark ?? 0;
  const state: RunState = { totals: null, staged: null, watermark: sinceBatch, additive: false, declines: [] };
  const instance = await DuckDBInstance.create(buildFile, buildSettings);
  let connection: DuckDBConnection | null = null;
  try {
    connection = await instance.connect();
    const context: StepContext = { db: connection, config, mode, asOf, sinceBatch, previousMeta, extract: input.extract, workDir, state };
    // The store's tables (a full run: all new; an incremental run: those of its copy kept) and this run's, empty.
    await createAnalyticsTables(connection);
    for (const step of aggregationSteps) await runStep(step, context, input, steps);
    await writeAnalyticsMeta(connection, {
      layout: analyticsLayoutVersion(),
      runId,
      builtAt: now.toISOString(),
      asOf,
      mode,
      watermark: state.watermark,
      declineWeek: lastCompleteWeek(asOf),
      configHash,
      declineMethod: DECLINE_METHOD_VERSION,
    });
    await connection.run('CHECKPOINT');
  } catch (error) {
    throw cleanUpAfter(
      error,
      () => connection?.closeSync(),
      () => instance.closeSync(),
      input.discard,
      () => fs.rmSync(workDir, { recursive: true, force: true }),
    );
  }
  connection.closeSync();
  instance.closeSync();
  try {
    fs.rmSync(workDir, { recursive: true, force: true });
  } catch {
    // Removed with the other leftovers of dead runs later: a work folder does not fail a complete build.
  }
  return { asOf, watermark: state.watermark, steps, declines: state.declines };
}

export interface AnalyticsAsOfInput {
  database: OperationalDatabase;
  config: ConfigSnapshot;
  dataDir: string;
  /** The moment the figures are "as of": its civil date (in the project's time zone) is the build's `asOf`. */
  moment: Date;
  /** The data version: the rows as they stood after this import batch (`OperationalDatabase.dataVersionAt`). */
  asOfBatch: number;
  /** Called after each step of the build, as a run's `onStep`. */
  onStep?: (step: StepStats) => void;
}

/**
 * The figures as the data stood at a past moment ("stan na dzień"): a full build, by the same
 * steps as a full run, of the rows as of import batch `asOfBatch`, into a scratch file beside the
 * published state that is never published (the store's pointer never names it, and a dead
 * process's scratch is removed with the other leftovers); `read` queries it (`asOf`: the civil
 * date of `moment`), then the file is removed. Takes no pipeline lock: nothing shared is written.
 */
export async function withAnalyticsAsOf<T>(input: AnalyticsAsOfInput, read: (connection: DuckDBConnection, asOf: string) => Promise<T>): Promise<T> {
  const store = new AnalyticsStore(input.dataDir);
  const scratch = store.scratchBuild();
  try {
    const built = await buildAnalyticsFile({
      extract: new DatabaseExtract(input.database, { asOfBatch: input.asOfBatch }),
      config: input.config,
      runId: 0,
      now: input.moment,
      mode: 'full',
      configHash: analyticsConfigVersion(input.config),
      previousMeta: null,
      buildFile: scratch.file,
      workDir: scratch.workDir,
      discard: () => store.discard(scratch.file),
      ...(input.onStep ? { onStep: input.onStep } : {}),
    });
    const instance = await DuckDBInstance.create(scratch.file, { access_mode: 'READ_ONLY' });
    try {
      const connection = await instance.connect();
      try {
        return await read(connection, built.asOf);
      } finally {
        connection.closeSync();
      }
    } finally {
      instance.closeSync();
    }
  } finally {
    scratch.remove();
  }
}

async function runStep(
  step: PipelineStep,
  context: StepContext,
  input: Pick<AggregationInput, 'ensureLease' | 'onStepStart' | 'onStep'>,
  steps: StepStats[],
): Promise<void> {
  input.ensureLease?.();
  const label = step.label(context);
  const name = stepLabelText(label);
  input.onStepStart?.(name, label);
  const started = performance.now();
  const counts = await step.run(context);
  const stats = { name, label, ...counts, ms: Math.round(performance.now() - started) };
  steps.push(stats);
  input.onStep?.(stats);
}
