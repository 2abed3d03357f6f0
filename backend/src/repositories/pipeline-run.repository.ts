import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, RunLock } from '@osl/prisma';
import { abandonedRunError, presentLeasedRun, type StepStats } from '@osl/pipelines';
import { DatabaseRepository } from './database.repository.ts';

export type PipelineTrigger = 'startup' | 'schedule' | 'cli' | 'api' | 'demo';
export type PipelineMode = 'full' | 'incremental';

/** A run that never started: 'skipped' (coalesced into, or deferred behind, the run in progress) or 'failed' (with why). */
export interface RunNotStarted {
  trigger: PipelineTrigger;
  mode: PipelineMode;
  status: 'skipped' | 'failed';
  at: Date;
  /** In words: why it did not start and what happens next. */
  reason: string;
}

@Injectable()
export class PipelineRunRepository {
  // Leases are about real time, whatever "today" the installation is told (OSL_NOW).
  private readonly clock = () => new Date();
  private readonly lock: RunLock;

  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {
    this.lock = database.operational.pipelineRunLock();
  }

  async start(trigger: PipelineTrigger, mode: PipelineMode, at: Date, leaseExpiresAt: Date) {
    return this.database.client.pipelineRun.create({ data: { trigger, mode, status: 'running', startedAt: at, leaseExpiresAt } });
  }

  /** Records a run that could not start, so that the history shows every run asked for. */
  async recordNotStarted(run: RunNotStarted) {
    return this.database.client.pipelineRun.create({
      data: {
        trigger: run.trigger,
        mode: run.mode,
        status: run.status,
        startedAt: run.at,
        finishedAt: run.at,
        ...(run.status === 'failed' ? { error: run.reason } : { note: run.reason }),
      },
    });
  }

  async renewLease(id: number, leaseExpiresAt: Date) {
    return this.database.client.pipelineRun.updateMany({ where: { id, status: 'running' }, data: { leaseExpiresAt } });
  }

  /** The steps done so far and the one under way, for progress while a run is going. */
  async progress(id: number, done: StepStats[], current: string) {
    return this.database.client.pipelineRun.update({
      where: { id },
      data: { steps: [...done, { name: current, running: true }] as unknown as Prisma.InputJsonValue },
    });
  }

  async succeed(id: number, at: Date, analyticsFile: string, steps: StepStats[], mode: PipelineMode, fallbackReason: string | null) {
    return this.database.client.pipelineRun.update({
      where: { id },
      data: { status: 'succeeded', finishedAt: at, analyticsFile, mode, note: fallbackReason && `full rebuild instead of incremental: ${fallbackReason}`, steps: steps as unknown as Prisma.InputJsonValue },
    });
  }

  /** Settles a run as failed, unless another process has already settled it (as abandoned). */
  async fail(id: number, at: Date, error: string, steps: StepStats[]) {
    return this.database.client.pipelineRun.updateMany({
      where: { id, status: 'running' },
      data: { status: 'failed', finishedAt: at, error, steps: steps as unknown as Prisma.InputJsonValue },
    });
  }

  /**
   * Called by the holder of the pipeline lock: every other run still 'running' has no process any
   * more. Those whose lease ran out are settled as of then; the rest (their process died before
   * its lease ran out) as of now.
   */
  async failRunsOtherThan(id: number | null, now: Date) {
    const others = { status: 'running', ...(id === null ? {} : { id: { not: id } }) };
    const expired = await this.database.client.pipelineRun.findMany({ where: { ...others, leaseExpiresAt: { lte: now } }, select: { id: true, leaseExpiresAt: true } });
    for (const run of expired) {
      await this.database.client.pipelineRun.updateMany({
        where: { id: run.id, status: 'running' },
        data: { status: 'failed', finishedAt: run.leaseExpiresAt, error: abandonedRunError(run.leaseExpiresAt!) },
      });
    }
    const stopped = await this.database.client.pipelineRun.updateMany({
      where: others,
      data: { status: 'failed', finishedAt: now, error: `abandoned: the process stopped (found gone at ${now.toISOString()})` },
    });
    return expired.length + stopped.count;
  }

  /** Runs left 'running' by a process that died are marked failed at start-up. */
  async failAbandoned(at: Date) {
    return this.database.client.pipelineRun.updateMany({
      where: { status: 'running' },
      data: { status: 'failed', finishedAt: at, error: 'abandoned: the process ended during the run' },
    });
  }

  async modeOf(id: number): Promise<PipelineMode | null> {
    const run = await this.database.client.pipelineRun.findUnique({ where: { id }, select: { mode: true } });
    return (run?.mode as PipelineMode | undefined) ?? null;
  }

  /** The latest run, as the truth stands now: a run whose lease ran out shows as failed (abandoned). */
  async latest() {
    const run = await this.database.client.pipelineRun.findFirst({ orderBy: { id: 'desc' } });
    return run && presentLeasedRun(run, this.clock(), await this.lock.liveRunId());
  }

  /** Newest first; runs whose lease ran out show as failed (abandoned), without waiting for a write. */
  async list(limit = 50) {
    const runs = await this.database.client.pipelineRun.findMany({ orderBy: { id: 'desc' }, take: limit });
    const now = this.clock();
    const live = await this.lock.liveRunId();
    return runs.map((run) => presentLeasedRun(run, now, live));
  }
}
