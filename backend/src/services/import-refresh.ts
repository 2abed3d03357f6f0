// When an accepted import reaches the figures: its rows are in the published analytics once a run
// that read them has published (the published watermark is the newest import batch it holds).
import type { ImportRunState } from './pipeline.service.ts';

/**
 * Where the run that shows an import's rows is:
 * - `queued`: waiting for the run in progress (`runId`; null when none: it starts in a moment);
 * - `running`: run `runId` reads them;
 * - `shown`: the figures hold them (published by run `runId` at `at`);
 * - `failed`: run `runId`, which was to show them, failed at `at`; the figures show the state before;
 * - `waiting`: no run for them is known here (it could not start, or the server restarted): the next one shows them.
 */
export interface ImportRefresh {
  status: 'queued' | 'running' | 'shown' | 'failed' | 'waiting';
  runId: number | null;
  at: string | null;
  /** How long a run usually takes here (seconds), for "usually about N s"; null before any run. */
  typicalSeconds: number | null;
}

export interface PublishedState {
  runId: number;
  builtAt: string;
  watermark: number;
}

/** The import batch an accepted import wrote last (null: it wrote none, and no run is needed). */
export function newestImportedBatch(reports: readonly { status: string; batchId: number | null }[]): number | null {
  const batches = reports.filter((r) => r.status === 'imported' && r.batchId !== null).map((r) => r.batchId!);
  return batches.length > 0 ? Math.max(...batches) : null;
}

/** Where the run that shows import batch `batch` is, from what is published and what this process knows. */
export function importRefreshOf(
  batch: number,
  facts: { published: PublishedState | null; runs: ImportRunState; holderRunId: number | null; typicalMs: number | null },
): ImportRefresh {
  const typicalSeconds = facts.typicalMs === null ? null : Math.max(1, Math.round(facts.typicalMs / 1000));
  const answer = (status: ImportRefresh['status'], runId: number | null, at: string | null = null): ImportRefresh => ({ status, runId, at, typicalSeconds });
  const { published, runs } = facts;
  if (published && published.watermark >= batch) return answer('shown', published.runId, published.builtAt);
  if (runs.running && runs.running.readsUpToBatch !== null && runs.running.readsUpToBatch >= batch) return answer('running', runs.running.id);
  if (runs.queuedUpToBatch !== null && runs.queuedUpToBatch >= batch) return answer('queued', runs.running?.id ?? facts.holderRunId);
  const last = runs.lastImportRun;
  if (last && last.upToBatch >= batch) return answer(last.status === 'failed' ? 'failed' : 'shown', last.id, last.finishedAt);
  return answer('waiting', null);
}

/** A recorded run, as far as its duration goes. */
export interface RunDuration {
  status: string;
  mode: string;
  steps: readonly { ms?: number }[] | null;
}

/**
 * How long a run usually takes: the median of the recent successful incremental runs (newest
 * first, at most `count`), else of any successful ones. Measured by their steps, not by their
 * start and end times, which a fixed "today" (OSL_NOW) makes equal.
 */
export function typicalRunMs(runs: readonly RunDuration[], count = 10): number | null {
  const succeeded = runs.filter((r) => r.status === 'succeeded' && r.steps && r.steps.length > 0);
  const incremental = succeeded.filter((r) => r.mode === 'incremental');
  const sample = (incremental.length > 0 ? incremental : succeeded).slice(0, count).map((r) => r.steps!.reduce((sum, step) => sum + (step.ms ?? 0), 0));
  if (sample.length === 0) return null;
  const sorted = [...sample].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
