import { SchedulerRegistry } from '@nestjs/schedule';
import { PipelineBusyError } from '@osl/prisma';
import { describe, expect, it, vi } from 'vitest';
import type { ConfigurationService } from '../services/configuration.service.ts';
import type { InboxService } from '../services/inbox.service.ts';
import type { PipelineService } from '../services/pipeline.service.ts';
import { ScheduledJobs, type RetryTimer } from './scheduled-jobs.ts';
import { renderMessageRef, type MessageRef } from '../lib/messages.ts';

// What Prisma's better-sqlite3 adapter throws while another process holds the write lock.
const databaseBusy = () =>
  Object.assign(new Error('\nInvalid `prisma.pipelineRun.create()` invocation:\n\nOperation has timed out'), {
    name: 'PrismaClientKnownRequestError',
    code: 'P1008',
    meta: { driverAdapterError: { cause: { originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked' } } },
  });

function setUp() {
  const now = new Date('2026-12-04T12:00:00Z');
  const timers: { name: string; delayMs: number; fire: () => void; cancelled: boolean }[] = [];
  const timer: RetryTimer = (name, delayMs, fire) => {
    const entry = { name, delayMs, fire, cancelled: false };
    timers.push(entry);
    return () => (entry.cancelled = true);
  };
  const pipeline = {
    run: vi.fn(),
    recordNotStarted: vi.fn(async () => 1),
    modeOfRunInProgress: vi.fn(async () => 'incremental' as const),
  };
  const jobs = new ScheduledJobs(new SchedulerRegistry(), pipeline as unknown as PipelineService, {} as InboxService, {} as ConfigurationService, {
    timer,
    clock: () => now,
  });
  const live = () => timers.filter((t) => !t.cancelled);
  /** Fires the pending timer and waits for the retry it starts. */
  const fire = async () => {
    const [due] = live();
    due!.cancelled = true;
    due!.fire();
    await vi.waitFor(() => expect(pipeline.run.mock.calls.length + pipeline.recordNotStarted.mock.calls.length).toBeGreaterThan(0));
    await new Promise((resolve) => setImmediate(resolve));
  };
  // The reasons as an English reader sees them (they are kept as messages, shown in the reader's language).
  const reasons = () =>
    pipeline.recordNotStarted.mock.calls.map((call) => {
      const run = (call as unknown[])[0] as { status: string; reason: MessageRef; mode: string };
      return { ...run, reason: renderMessageRef(run.reason, 'en') };
    });
  return { jobs, pipeline, timers, live, fire, reasons };
}

const succeeded = (id: number, mode = 'incremental') => ({ id, mode, status: 'succeeded' });

describe('ScheduledJobs: a scheduled run that cannot start', () => {
  it('refused by a run in progress that does the same: recorded as coalesced into it, not retried', async () => {
    const { jobs, pipeline, live, reasons } = setUp();
    pipeline.run.mockRejectedValueOnce(new PipelineBusyError({ runId: 41, pid: 123, since: '2026-12-04T11:59:00Z' }));
    await jobs.runPipelineJob('incremental-15min', 'incremental');
    expect(reasons()).toEqual([
      {
        trigger: 'schedule',
        mode: 'incremental',
        status: 'skipped',
        // In the reader's words: the mode worded, the time on the project's clock, no process id.
        reason: 'Coalesced into the run in progress: run #41 (incremental), started 04/12/2026, 12:59.',
      },
    ]);
    expect(live()).toEqual([]);
  });

  it('a full rebuild refused by an incremental run in progress: recorded as deferred and retried', async () => {
    const { jobs, pipeline, live, reasons } = setUp();
    pipeline.run.mockRejectedValueOnce(new PipelineBusyError({ runId: 41, pid: 123, since: '2026-12-04T11:59:00Z' }));
    await jobs.runPipelineJob('full-nightly', 'full');
    expect(reasons()[0]).toMatchObject({
      status: 'skipped',
      mode: 'full',
      reason: expect.stringContaining('Deferred: a full run was asked while another was under way – run #41 (incremental), started 04/12/2026, 12:59'),
    });
    expect(reasons()[0]!.reason).toMatch(/retry 1 of 3 at 04\/12\/2026, 13:01\.$/);
    const [{ reason }] = pipeline.recordNotStarted.mock.calls[0] as unknown as [{ reason: MessageRef }];
    expect(renderMessageRef(reason, 'pl')).toBe(
      'Odłożony: przebieg pełny zlecono w trakcie innego – przebieg nr 41 (przyrostowy), rozpoczęty 04.12.2026, 12:59; ponowienie 1 z 3: 04.12.2026, 13:01.',
    );
    expect(live().map((t) => t.delayMs)).toEqual([60_000]);
  });

  it('the database busy: recorded as failed with the reason in words, retried after 1, 2 and 4 minutes, then given up', async () => {
    const { jobs, pipeline, live, fire, reasons } = setUp();
    pipeline.run.mockRejectedValue(databaseBusy());
    await jobs.runPipelineJob('incremental-15min', 'incremental');
    expect(reasons()[0]).toEqual({
      trigger: 'schedule',
      mode: 'incremental',
      status: 'failed',
      reason: 'Could not start: the database is busy: another import or run is writing; try again in a moment; retry 1 of 3 at 04/12/2026, 13:01.',
    });
    expect(live().map((t) => t.delayMs)).toEqual([60_000]);
    await fire();
    expect(live().map((t) => t.delayMs)).toEqual([120_000]);
    await fire();
    expect(live().map((t) => t.delayMs)).toEqual([240_000]);
    await fire();
    expect(live()).toEqual([]);
    expect(pipeline.run).toHaveBeenCalledTimes(4);
    expect(reasons().map((r) => r.reason.split('; ').at(-1))).toEqual([
      'retry 1 of 3 at 04/12/2026, 13:01.',
      'retry 2 of 3 at 04/12/2026, 13:02.',
      'retry 3 of 3 at 04/12/2026, 13:04.',
      "not tried again after 3 retries: the schedule's next run follows.",
    ]);
  });

  it('the retry runs once the database is free, as the mode asked', async () => {
    const { jobs, pipeline, live, fire } = setUp();
    pipeline.run.mockRejectedValueOnce(databaseBusy()).mockResolvedValueOnce(succeeded(8));
    await jobs.runPipelineJob('incremental-15min', 'incremental');
    await fire();
    expect(pipeline.run.mock.calls).toEqual([
      ['schedule', 'incremental'],
      ['schedule', 'incremental'],
    ]);
    expect(live()).toEqual([]);
    expect(jobs.pendingRetry()).toBeNull();
  });

  it('keeps at most one retry pending: a second failure joins it (a full one makes it full), a run that covers it cancels it', async () => {
    const { jobs, pipeline, live, reasons } = setUp();
    pipeline.run.mockRejectedValueOnce(databaseBusy()).mockRejectedValueOnce(new Error('EACCES: permission denied, open pipeline.lock'));
    await jobs.runPipelineJob('incremental-15min', 'incremental');
    await jobs.runPipelineJob('full-nightly', 'full');
    expect(live()).toHaveLength(1);
    expect(jobs.pendingRetry()).toMatchObject({ job: 'incremental-15min', mode: 'full', retry: 1 });
    expect(reasons()[1]!.reason).toBe('Could not start: EACCES: permission denied, open pipeline.lock; joins the full retry already due at 04/12/2026, 13:01.');

    // An incremental run does not do the pending full rebuild; a full one does.
    pipeline.run.mockResolvedValueOnce(succeeded(9, 'incremental')).mockResolvedValueOnce(succeeded(10, 'full'));
    await jobs.runPipelineJob('incremental-15min', 'incremental');
    expect(live()).toHaveLength(1);
    await jobs.runPipelineJob('full-nightly', 'full');
    expect(live()).toEqual([]);
    expect(jobs.pendingRetry()).toBeNull();
  });
});
