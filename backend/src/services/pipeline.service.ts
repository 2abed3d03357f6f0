import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { PipelineBusyError, PipelineLock, PrismaExtract, SqliteExtract, runAggregation, type OperationalExtract, type StepStats } from '@osl/pipelines';
import { OSL_CONFIG, OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { AlertRepository, type AlertRunSummary } from '../repositories/alert.repository.ts';
import { PipelineRunRepository, type PipelineMode, type PipelineTrigger } from '../repositories/pipeline-run.repository.ts';

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
  private readonly lock: PipelineLock;

  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(PipelineRunRepository) private readonly runs: PipelineRunRepository,
    @Inject(AlertRepository) private readonly alerts: AlertRepository,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {
    this.lock = new PipelineLock(environment.dataDir);
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
    const lock = this.lock.acquire(null);
    const startedAt = this.environment.now();
    let run;
    try {
      run = await this.runs.start(trigger, mode, startedAt);
      lock.describe(run.id);
    } catch (error) {
      lock.release();
      throw error;
    }
    const id = run.id;
    return { id, done: this.execute(id, trigger, mode, startedAt, watcher).finally(() => lock.release()) };
  }

  private async execute(id: number, trigger: PipelineTrigger, mode: PipelineMode, startedAt: Date, watcher: PipelineProgress): Promise<PipelineRunReport> {
    const steps: StepStats[] = [];
    const extract = this.createExtract();
    try {
      const result = await runAggregation({
        extract,
        config: this.config,
        dataDir: this.environment.dataDir,
        runId: id,
        now: startedAt,
        mode,
        onStepStart: (name) => {
          watcher.onStepStart?.(name, steps.length);
          void this.runs.progress(id, steps, name).catch(() => {});
        },
        onStep: (step) => {
          steps.push(step);
          watcher.onStep?.(step);
        },
      });
      const finishedAt = this.environment.now();
      const alerts = await this.alerts.recordRun(id, finishedAt, result.declines);
      await this.runs.succeed(id, finishedAt, result.published.file, steps, result.mode, result.fallbackReason);
      this.logger.log(
        `run #${id} (${trigger}, ${result.mode}${result.fallbackReason ? ` instead of incremental: ${result.fallbackReason}` : ''}) published ${result.published.file}`,
      );
      return { ...report(id, trigger, result.mode, 'succeeded', startedAt, finishedAt, result.asOf, steps, null, result.fallbackReason), alerts };
    } catch (error) {
      const message = (error as Error).message;
      const finishedAt = this.environment.now();
      await this.runs.fail(id, finishedAt, message, steps);
      this.logger.error(`run #${id} (${trigger}, ${mode}) failed: ${message}; the previous analytics state keeps serving`);
      return report(id, trigger, mode, 'failed', startedAt, finishedAt, null, steps, message, null);
    } finally {
      extract.close();
    }
  }

  /** Which run holds the lock, if any (for "a run is in progress" answers). */
  holder() {
    return this.lock.holder();
  }

  // The embedded SQLite default is read by SQLite itself; any other database through Prisma.
  private createExtract(): OperationalExtract {
    const file = this.database.sqliteFile();
    return file ? new SqliteExtract(file) : new PrismaExtract(this.database.client);
  }

  async list() {
    return this.runs.list();
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
