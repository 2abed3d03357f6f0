import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
import type { StepStats } from '@osl/pipelines';
import { DatabaseRepository } from './database.repository.ts';

export type PipelineTrigger = 'startup' | 'schedule' | 'cli' | 'api' | 'demo';
export type PipelineMode = 'full' | 'incremental';

@Injectable()
export class PipelineRunRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async start(trigger: PipelineTrigger, mode: PipelineMode, at: Date) {
    return this.database.client.pipelineRun.create({ data: { trigger, mode, status: 'running', startedAt: at } });
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

  async fail(id: number, at: Date, error: string, steps: StepStats[]) {
    return this.database.client.pipelineRun.update({
      where: { id },
      data: { status: 'failed', finishedAt: at, error, steps: steps as unknown as Prisma.InputJsonValue },
    });
  }

  /** Runs left 'running' by a process that died are marked failed at start-up. */
  async failAbandoned(at: Date) {
    return this.database.client.pipelineRun.updateMany({
      where: { status: 'running' },
      data: { status: 'failed', finishedAt: at, error: 'abandoned: the process ended during the run' },
    });
  }

  async latest() {
    return this.database.client.pipelineRun.findFirst({ orderBy: { id: 'desc' } });
  }

  async list(limit = 50) {
    return this.database.client.pipelineRun.findMany({ orderBy: { id: 'desc' }, take: limit });
  }
}
