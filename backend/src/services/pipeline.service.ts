import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DatabaseExtract, describeFallback, leasePolicyFromEnvironment, runAggregation, type StepStats } from '@osl/pipelines';
import { LeaseLostError, PipelineBusyError, isDatabaseBusy, leaseExpiry, type HeldLock, type LeasePolicy, type LockHolder, type RunLock } from '@osl/prisma';
import { errorInWords } from '../lib/database-busy.ts';
import type { MessageRef } from '../lib/messages.ts';
import { currentLanguage } from '../lib/request-language.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { AlertRepository, type AlertRunSummary } from '../repositories/alert.repository.ts';
import { PipelineRunRepository, type PipelineMode, type PipelineTrigger, type RunNotStarted } from '../repositories/pipeline-run.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

export interface PipelineRunReport {
  id: number;
  trigger: PipelineTrigger;
  mode: PipelineMode;
  status: 'succeeded' | 'failed';
  /** An incremental request that had to rebuild in full says why. */
  fallbackReason: string | null;
  startedAt: string;
  finishedAt: string;
  asOf: string | null;
  steps: StepStats[];
  error: string | null;
  /** Decline alerts opened, still active and ended by this run. */
  alerts?: AlertRunSummary;
}

export { PipelineBusyError };

/** What this process knows of the runs imports asked for (for "when will the charts show my file"). */
export interface ImportRunState {
  /** The newest import batch waiting for a run, or null when none waits. */
  queuedUpToBatch: number | null;
  /** This process's run in progress, and the newest import batch it was asked to read (null: none asked). */
  running: { id: number; readsUpToBatch: number | null } | null;
  /** The last finished run of this process that imports asked for. */
  lastImportRun: { id: number; upToBatch: number; status: 'succeeded' | 'failed'; finishedAt: string } | null;
}

/** An incremental run asked for by imports: the next run to start reads their rows, whoever starts it. */
interface QueuedImportRun {
  upToBatch: number;
  /** Each told the report of the run that read the batches (null: none could start). */
  waiters: ((report: PipelineRunReport | null) => void)[];
}

/** How often a run asked for by an import checks whether another process's run has ended. */
const lockPollMs = 1_000;
/** A run asked for by an import that cannot start (a busy database, …) is tried again after 2, 4, … s, this many times. */
const importRunStartAttempts = 5;
const importRunRetryMs = 2_000;

/** Who wants to follow a run: a step starts (with how many are done), a step ends. */
export interface PipelineProgress {
  onStepStart?: (name: string, stepsDone: number) => void;
  onStep?: (step: StepStats) => void;
}

/**
 * Starts pipeline runs: one at a time per installation (a lock shared with other processes),
 * each recorded with its steps and outcome. The schedule, the CLI and the API all come here.
 * An accepted import asks for an incremental run at once: it starts now, or when the run in
 * progress ends; while it waits, further imports join it (one run for all of them).
 */
@Injectable()
export class PipelineService implements OnModuleDestroy {
  private readonly logger = new Logger('PipelineService');
  private readonly lock: RunLock;
  private readonly lease: LeasePolicy;
  // Leases are about real time, whatever "today" the installation is told (OSL_NOW).
  private readonly clock = () => new Date();
  /** Runs that could not start and could not be recorded either (the database was busy): written with the next. */
  private readonly unrecorded: RunNotStarted[] = [];
  private queued: QueuedImportRun | null = null;
  /** Whether a loop is waiting to start the queued run (one at most). */
  private draining = false;
  private closing = false;
  private inProgress: { id: number; readsUpToBatch: number | null; done: Promise<PipelineRunReport> } | null = null;
  private lastImportRun: ImportRunState['lastImportRun'] = null;
  private lastImportReport: PipelineRunReport | null = null;

  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(PipelineRunRepository) private readonly runs: PipelineRunRepository,
    @Inject(AlertRepository) private readonly alerts: AlertRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {
    this.lease = leasePolicyFromEnvironment(environment.env);
    this.lock = database.operational.pipelineRunLock({ lease: this.lease, clock: this.clock });
  }

  /** Runs the aggregation under the lock and records the run, its steps and its outcome. */
  async run(trigger: PipelineTrigger, mode: PipelineMode, progress?: PipelineProgress | ((step: StepStats) => void)): Promise<PipelineRunReport> {
    return (await this.start(trigger, mode, progress)).done;
  }

  /**
   * Takes the lock and records the run, then returns at once with its id; `done` settles when
   * the run ends. Throws PipelineBusyError, naming the run in progress, when another holds the lock.
   */
  async start(
    trigger: PipelineTrigger,
    mode: PipelineMode,
    progress?: PipelineProgress | ((step: StepStats) => void),
  ): Promise<{ id: number; done: Promise<PipelineRunReport> }> {
    const watcher: PipelineProgress = typeof progress === 'function' ? { onStep: progress } : (progress ?? {});
    const lock = await this.lock.acquire(null);
    const startedAt = this.environment.now();
    let run;
    try {
      if (lock.takenOver)
        this.logger.warn(
          `took the pipeline lock over from run #${lock.takenOver.runId ?? '?'} (process ${lock.takenOver.pid}): its process is gone or its lease ran out`,
        );
      // Holding the lock, no other run can be alive: any still 'running' was abandoned by its process.
      const abandoned = await this.runs.failRunsOtherThan(null, this.clock());
      if (abandoned > 0) this.logger.warn(`${abandoned} pipeline run(s) whose process stopped are marked failed (abandoned)`);
      await this.recordUnrecorded();
      run = await this.runs.start(trigger, mode, startedAt, leaseExpiry(this.clock(), this.lease));
      await lock.describe(run.id);
    } catch (error) {
      await this.releaseLock(lock, null);
      throw error;
    }
    const id = run.id;
    // The imports waiting were written before this run reads the database: it shows them.
    const absorbed = this.queued;
    this.queued = null;
    const done = this.execute(id, trigger, mode, startedAt, watcher, lock).finally(() => this.releaseLock(lock, id));
    this.inProgress = { id, readsUpToBatch: absorbed?.upToBatch ?? null, done };
    void done.then(
      (report) => this.settled(id, absorbed, report),
      () => this.settled(id, absorbed, null),
    );
    return { id, done };
  }

  /**
   * Asks for an incremental run that reads import batch `batchId` (just written): it starts now,
   * or once the run in progress (of this process or another) ends; an import asking while one
   * waits joins it. Resolves with the report of the run that read the batch, or null when none
   * could start (the schedule's next run then shows it). Never rejects.
   */
  runAfterImport(batchId: number): Promise<PipelineRunReport | null> {
    if (this.closing) return Promise.resolve(null);
    return new Promise((resolve) => {
      if (this.queued) {
        this.queued.upToBatch = Math.max(this.queued.upToBatch, batchId);
        this.queued.waiters.push(resolve);
      } else this.queued = { upToBatch: batchId, waiters: [resolve] };
      if (!this.draining) void this.drainQueue();
    });
  }

  /** What this process knows of the runs imports asked for. */
  importRunState(): ImportRunState {
    const running = this.inProgress && { id: this.inProgress.id, readsUpToBatch: this.inProgress.readsUpToBatch };
    return { queuedUpToBatch: this.queued?.upToBatch ?? null, running, lastImportRun: this.lastImportRun };
  }

  /**
   * Waits until no run of this process is in progress and none waits to start; returns the
   * report of the last run imports asked for (null: none). For the command line, which must not
   * close under a run, and for tests.
   */
  async importRunsSettled(): Promise<PipelineRunReport | null> {
    let last: PipelineRunReport | null = null;
    while (this.queued || this.inProgress) {
      if (this.queued) last = (await new Promise<PipelineRunReport | null>((resolve) => this.queued!.waiters.push(resolve))) ?? last;
      else await this.inProgress!.done.catch(() => null);
    }
    return last ?? this.lastImportReport;
  }

  onModuleDestroy(): void {
    // No run asked for by an import starts on a closing database: the schedule's next run shows its rows.
    this.closing = true;
    const queued = this.queued;
    this.queued = null;
    for (const waiter of queued?.waiters ?? []) waiter(null);
  }

  /** Starts the queued run as soon as the lock is free; gives up (and records why) when it cannot start for another reason. */
  private async drainQueue(): Promise<void> {
    this.draining = true;
    let failures = 0;
    try {
      while (this.queued && !this.closing) {
        try {
          await this.start('import', 'incremental');
          failures = 0;
        } catch (error) {
          if (error instanceof PipelineBusyError) {
            await this.lockMayBeFree();
            continue;
          }
          failures += 1;
          if (failures >= importRunStartAttempts) {
            const queued = this.queued;
            this.queued = null;
            for (const waiter of queued?.waiters ?? []) waiter(null);
            const cause: MessageRef | string = isDatabaseBusy(error) ? { key: 'database.busy' } : errorInWords(error);
            await this.recordNotStarted({
              trigger: 'import',
              mode: 'incremental',
              status: 'failed',
              reason: { key: 'pipeline.import_run_not_started', params: { cause } },
            });
            this.logger.error(`the run after an import could not start (${errorInWords(error)}); the schedule's next run shows its rows`);
            return;
          }
          await sleep(importRunRetryMs * failures);
        }
      }
    } finally {
      this.draining = false;
      // An import that asked while this loop was giving up is not left waiting.
      if (this.queued && !this.closing) void this.drainQueue();
    }
  }

  /** Until this process's run ends, or a moment when another process holds the lock. */
  private async lockMayBeFree(): Promise<void> {
    const running = this.inProgress;
    if (running) await running.done.catch(() => null);
    else await sleep(lockPollMs);
  }

  private settled(id: number, absorbed: QueuedImportRun | null, report: PipelineRunReport | null): void {
    if (this.inProgress?.id === id) this.inProgress = null;
    if (!absorbed) return;
    this.lastImportRun = {
      id,
      upToBatch: absorbed.upToBatch,
      status: report?.status ?? 'failed',
      finishedAt: report?.finishedAt ?? this.environment.now().toISOString(),
    };
    if (report) this.lastImportReport = report;
    for (const waiter of absorbed.waiters) waiter(report);
  }

  /**
   * Records a run that did not start (the schedule's: the lock was held, the database busy, …).
   * Never throws: when the database cannot take the record now, it is written with the next run
   * or record, with the time it happened.
   */
  async recordNotStarted(run: Omit<RunNotStarted, 'at'>): Promise<number | null> {
    this.unrecorded.push({ ...run, at: this.environment.now() });
    try {
      return await this.recordUnrecorded();
    } catch (error) {
      this.logger.warn(`the run history cannot be written now (${errorInWords(error)}); the ${run.status} ${run.mode} run is recorded with the next one`);
      return null;
    }
  }

  /** Writes the records kept back; returns the id of the last one written. */
  private async recordUnrecorded(): Promise<number | null> {
    let id: number | null = null;
    while (this.unrecorded.length > 0) {
      id = (await this.runs.recordNotStarted(this.unrecorded[0]!)).id;
      this.unrecorded.shift();
    }
    return id;
  }

  /** The mode of the run holding the lock, when it is known (to tell whether a request is covered by it). */
  async modeOfRunInProgress(holder: LockHolder): Promise<PipelineMode | null> {
    return holder.runId === null ? null : this.runs.modeOf(holder.runId).catch(() => null);
  }

  // A lock that cannot be removed (the folder refuses it) is not this run's failure: its lease
  // runs out, and this process no longer counts it as held.
  private async releaseLock(lock: HeldLock, id: number | null): Promise<void> {
    try {
      await lock.release();
    } catch (error) {
      this.logger.error(
        `${id === null ? 'the pipeline lock' : `run #${id}: the pipeline lock`} could not be removed (${errorInWords(error)}); it is taken over once its lease runs out`,
      );
    }
  }

  /** Renews the lease (lock file and run record) while the run goes; a lost lock stops the run before it publishes. */
  private keepLease(id: number, lock: HeldLock): { renew: () => void; stop: () => void } {
    let renewing = false;
    // The record's lease may wait for a busy database; the lock's is renewed each time regardless.
    const renewRecord = () => {
      if (renewing) return;
      renewing = true;
      void this.runs
        .renewLease(id, leaseExpiry(this.clock(), this.lease))
        .catch((error) => this.logger.warn(`run #${id}: its lease could not be renewed in the run history (${errorInWords(error)})`))
        .finally(() => (renewing = false));
    };
    const renew = () => {
      void lock.renew().then(renewRecord, (error: unknown) => {
        if (error instanceof LeaseLostError) return; // the run finds out at its next step (ensureLease)
        this.logger.warn(`run #${id}: the pipeline lock could not be renewed (${errorInWords(error)})`);
        renewRecord();
      });
    };
    const timer = setInterval(renew, this.lease.renewMs);
    timer.unref();
    return { renew, stop: () => clearInterval(timer) };
  }

  private async execute(
    id: number,
    trigger: PipelineTrigger,
    mode: PipelineMode,
    startedAt: Date,
    watcher: PipelineProgress,
    lock: HeldLock,
  ): Promise<PipelineRunReport> {
    const steps: StepStats[] = [];
    const lease = this.keepLease(id, lock);
    try {
      const result = await runAggregation({
        extract: new DatabaseExtract(this.database.operational),
        // What the database holds now: an edit made by another process counts from this run on.
        config: await this.configuration.refresh(),
        dataDir: this.environment.dataDir,
        runId: id,
        now: startedAt,
        mode,
        ensureLease: () => lock.ensureHeld(),
        onStepStart: (name, label) => {
          lease.renew();
          watcher.onStepStart?.(name, steps.length);
          void this.runs.progress(id, steps, { name, label }).catch(() => {});
        },
        onStep: (step) => {
          steps.push(step);
          watcher.onStep?.(step);
        },
      });
      const finishedAt = this.environment.now();
      const alerts = await this.alerts.recordRun(id, finishedAt, result.declines);
      await this.runs.succeed(id, finishedAt, result.published.file, steps, result.mode, result.fallback);
      const fallbackReason = result.fallback && describeFallback(result.fallback);
      this.logger.log(
        `run #${id} (${trigger}, ${result.mode}${fallbackReason ? ` instead of incremental: ${fallbackReason}` : ''}) published ${result.published.file}`,
      );
      return { ...report(id, trigger, result.mode, 'succeeded', startedAt, finishedAt, result.asOf, steps, null, fallbackReason), alerts };
    } catch (error) {
      const message = errorInWords(error);
      const finishedAt = this.environment.now();
      try {
        await this.runs.fail(id, finishedAt, message, steps);
      } catch (recording) {
        // Its lease, no longer renewed, runs out: the history then shows it abandoned.
        this.logger.error(`run #${id}: its failure could not be recorded (${errorInWords(recording)})`);
      }
      this.logger.error(`run #${id} (${trigger}, ${mode}) failed: ${message}; the previous analytics state keeps serving`);
      return report(id, trigger, mode, 'failed', startedAt, finishedAt, null, steps, message, null);
    } finally {
      lease.stop();
    }
  }

  /** Which run holds the lock, if any (for "a run is in progress" answers). */
  async holder() {
    return this.lock.holder();
  }

  /** The run history, its notes in the language of the request (or command) asking. */
  async list() {
    return this.runs.list(currentLanguage());
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function report(
  id: number,
  trigger: PipelineTrigger,
  mode: PipelineMode,
  status: 'succeeded' | 'failed',
  startedAt: Date,
  finishedAt: Date,
  asOf: string | null,
  steps: StepStats[],
  error: string | null,
  fallbackReason: string | null,
): PipelineRunReport {
  return { id, trigger, mode, status, fallbackReason, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), asOf, steps, error };
}
