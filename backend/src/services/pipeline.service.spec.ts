// The run an import asks for, where no run can start: the lock is held by another process, or
// taking it fails for another reason. (Runs that start are tested on real databases: tests/medium/import-run.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PipelineBusyError } from '@osl/prisma';
import type { OslEnvironment } from '../lib/osl-environment.ts';
import type { AlertRepository } from '../repositories/alert.repository.ts';
import type { DatabaseRepository } from '../repositories/database.repository.ts';
import type { PipelineRunRepository, RunNotStarted } from '../repositories/pipeline-run.repository.ts';
import type { ConfigurationService } from './configuration.service.ts';
import { PipelineService } from './pipeline.service.ts';

let acquire: ReturnType<typeof vi.fn>;
let notStarted: RunNotStarted[];
let pipeline: PipelineService;

beforeEach(() => {
  vi.useFakeTimers();
  acquire = vi.fn();
  notStarted = [];
  const database = {
    operational: { pipelineRunLock: () => ({ acquire, holder: async () => null, liveRunId: async () => null }) },
  } as unknown as DatabaseRepository;
  const runs = {
    recordNotStarted: async (run: RunNotStarted) => {
      notStarted.push(run);
      return { id: notStarted.length };
    },
  } as unknown as PipelineRunRepository;
  const environment = { env: {}, now: () => new Date('2026-11-27T12:00:00Z') } as unknown as OslEnvironment;
  pipeline = new PipelineService(database, runs, {} as AlertRepository, {} as ConfigurationService, environment);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('PipelineService.runAfterImport', () => {
  it('waits while another process holds the lock, one request joining the other, without recording anything', async () => {
    acquire.mockRejectedValue(new PipelineBusyError({ runId: 4, pid: 999_999, since: '2026-11-27T11:59:00Z' }));
    const first = pipeline.runAfterImport(10);
    const second = pipeline.runAfterImport(12);
    await vi.advanceTimersByTimeAsync(5_500);
    expect(pipeline.importRunState()).toMatchObject({ queuedUpToBatch: 12, running: null });
    // One attempt per second, not one per request.
    expect(acquire.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(acquire.mock.calls.length).toBeLessThanOrEqual(7);
    expect(notStarted).toEqual([]);
    pipeline.onModuleDestroy();
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(pipeline.importRunState().queuedUpToBatch).toBeNull();
  });

  it('gives up after a few failed attempts to start, records why, and answers the next import anew', async () => {
    acquire.mockRejectedValue(new Error('SQLITE_BUSY: database is locked'));
    const asked = pipeline.runAfterImport(10);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await asked).toBeNull();
    expect(acquire).toHaveBeenCalledTimes(5);
    expect(notStarted).toEqual([
      expect.objectContaining({
        trigger: 'import',
        mode: 'incremental',
        status: 'failed',
        reason: expect.objectContaining({ key: 'pipeline.import_run_not_started' }),
      }),
    ]);
    expect(pipeline.importRunState().queuedUpToBatch).toBeNull();
    // A later import is not turned away by the earlier failure.
    void pipeline.runAfterImport(11);
    await vi.advanceTimersByTimeAsync(0);
    expect(acquire).toHaveBeenCalledTimes(6);
    pipeline.onModuleDestroy();
  });

  it('starts nothing once the application is closing', async () => {
    pipeline.onModuleDestroy();
    expect(await pipeline.runAfterImport(10)).toBeNull();
    expect(acquire).not.toHaveBeenCalled();
  });
});
