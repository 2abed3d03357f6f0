import { Inject, Injectable, Logger } from '@nestjs/common';
import { DatabaseExtract, describeFallback, leasePolicyFromEnvironment, runAggregation, type StepStats } from '@osl/pipelines';
import { LeaseLostError, PipelineBusyError, leaseExpiry, type HeldLock, type LeasePolicy, type LockHolder, type RunLock } from '@osl/prisma';
import { errorInWords } from '../lib/database-busy.ts';
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

/** Who wants to follow a run: a step starts (with how many are done), a step ends. */
export interface PipelineProgress {
  onStepStart?: (name: string, stepsDone: number) => void;
  onStep?: (step: StepStats) => void;
}

/**
 * Starts pipeline runs: one at a time per installation (a lock shared with other processes),
 * each recorded with its steps and outcome. The schedule, the CLI and the API all come here.
 */
@Injectable()
export class PipelineService {
  private readonly logger = new Logger('PipelineService');
  private readonly lock: RunLock;
  private readonly lease: LeasePolicy;
  // Leases are about real time, whatever "today" the installation is told (OSL_NOW).
  private readonly clock = () => new Date();
  /** Runs that could not start and could not be recorded either (the database was busy): written with the next. */
  private readonly unrecorded: RunNotStarted[] = [];

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
    return { id, done: this.execute(id, trigger, mode, startedAt, watcher, lock).finally(() => this.releaseLock(lock, id)) };
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
