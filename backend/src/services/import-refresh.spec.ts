import { describe, expect, it } from 'vitest';
import { importRefreshOf, newestImportedBatch, typicalRunMs } from './import-refresh.ts';
import type { ImportRunState } from './pipeline.service.ts';

const idle: ImportRunState = { queuedUpToBatch: null, running: null, lastImportRun: null };
const published = { runId: 7, builtAt: '2026-11-27T12:00:05.000Z', watermark: 40 };
const facts = (runs: Partial<ImportRunState>, extra: Partial<Parameters<typeof importRefreshOf>[1]> = {}) => ({
  published,
  runs: { ...idle, ...runs },
  holderRunId: null,
  typicalMs: 8_400,
  ...extra,
});

describe('newestImportedBatch', () => {
  it('takes the newest batch of the files imported, none for files rejected or unchanged', () => {
    expect(
      newestImportedBatch([
        { status: 'imported', batchId: 41 },
        { status: 'rejected', batchId: 43 },
        { status: 'imported', batchId: 42 },
        { status: 'unchanged', batchId: 44 },
      ]),
    ).toBe(42);
    expect(
      newestImportedBatch([
        { status: 'rejected', batchId: 43 },
        { status: 'unchanged', batchId: 12 },
      ]),
    ).toBeNull();
    expect(newestImportedBatch([])).toBeNull();
  });
});

describe('importRefreshOf', () => {
  it('is shown once the published figures hold the batch, naming the run that published them', () => {
    expect(importRefreshOf(40, facts({}))).toEqual({ status: 'shown', runId: 7, at: published.builtAt, typicalSeconds: 8 });
    // Even while a later run goes: the figures already show it.
    expect(importRefreshOf(38, facts({ running: { id: 8, readsUpToBatch: 41 } })).status).toBe('shown');
  });

  it('is running while the run that reads the batch goes', () => {
    expect(importRefreshOf(41, facts({ running: { id: 8, readsUpToBatch: 42 } }))).toMatchObject({ status: 'running', runId: 8 });
  });

  it('is queued behind a run that started before the import, naming that run', () => {
    // Run 8 started before batch 41 was written (it reads none of the imports' batches).
    expect(importRefreshOf(41, facts({ running: { id: 8, readsUpToBatch: null }, queuedUpToBatch: 41 }))).toMatchObject({ status: 'queued', runId: 8 });
    expect(importRefreshOf(42, facts({ running: { id: 8, readsUpToBatch: 41 }, queuedUpToBatch: 42 }))).toMatchObject({ status: 'queued', runId: 8 });
    // Another process's run holds the lock.
    expect(importRefreshOf(41, facts({ queuedUpToBatch: 41 }, { holderRunId: 9 }))).toMatchObject({ status: 'queued', runId: 9 });
    // Nothing ahead: it starts in a moment.
    expect(importRefreshOf(41, facts({ queuedUpToBatch: 41 }))).toMatchObject({ status: 'queued', runId: null });
  });

  it('is failed when the run that was to show it failed, and waiting when no run for it is known', () => {
    const failed = { id: 8, upToBatch: 42, status: 'failed' as const, finishedAt: '2026-11-27T12:01:00.000Z' };
    expect(importRefreshOf(41, facts({ lastImportRun: failed }))).toEqual({ status: 'failed', runId: 8, at: failed.finishedAt, typicalSeconds: 8 });
    expect(importRefreshOf(43, facts({ lastImportRun: failed }))).toMatchObject({ status: 'waiting', runId: null });
    expect(importRefreshOf(41, facts({}, { published: null, typicalMs: null }))).toEqual({ status: 'waiting', runId: null, at: null, typicalSeconds: null });
  });
});

describe('typicalRunMs', () => {
  const run = (mode: string, ms: number[], status = 'succeeded') => ({ status, mode, steps: ms.map((m) => ({ ms: m })) });

  it('is the median of the successful incremental runs, by their steps', () => {
    expect(typicalRunMs([run('incremental', [1000, 2000]), run('incremental', [9000]), run('full', [60_000]), run('incremental', [1, 2], 'failed')])).toBe(
      6000,
    );
    expect(typicalRunMs([run('incremental', [1000]), run('incremental', [5000]), run('incremental', [2000])])).toBe(2000);
  });

  it('falls back on full runs before any incremental one, and on nothing before any run', () => {
    expect(typicalRunMs([run('full', [4000, 500])])).toBe(4500);
    expect(typicalRunMs([{ status: 'skipped', mode: 'incremental', steps: null }])).toBeNull();
    expect(typicalRunMs([])).toBeNull();
  });

  it('looks at the newest runs only', () => {
    expect(typicalRunMs([run('incremental', [1000]), run('incremental', [1000]), run('incremental', [90_000])], 2)).toBe(1000);
  });
});
