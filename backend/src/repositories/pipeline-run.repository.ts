import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, RunLock } from '@osl/prisma';
import { presentLeasedRun, type FallbackReason, type StepLabel, type StepStats } from '@osl/pipelines';
import { instant } from '../lib/code-words.ts';
import { renderMessageRef, renderStoredText, storeMessage, type Lang, type MessageRef } from '../lib/messages.ts';
import { DatabaseRepository } from './database.repository.ts';
import { fullRebuildNote, messageOfEnglishNote, stepNameIn, type StoredStep } from './pipeline-run-words.ts';

export { fullRebuildNote };

/** What started a run (the run list words each: dashboard lib/i18n/labels.ts). */
// import: asked for by an accepted import (API, inbox or command line), to show its rows at once.
export const pipelineTriggers = ['startup', 'schedule', 'cli', 'api', 'demo', 'import'] as const;
export type PipelineTrigger = (typeof pipelineTriggers)[number];
export const pipelineModes = ['full', 'incremental'] as const;
export type PipelineMode = (typeof pipelineModes)[number];
export const pipelineRunStatuses = ['running', 'succeeded', 'failed', 'skipped'] as const;

/** A run that never started: 'skipped' (coalesced into, or deferred behind, the run in progress) or 'failed' (with why). */
export interface RunNotStarted {
  trigger: PipelineTrigger;
  mode: PipelineMode;
  status: 'skipped' | 'failed';
  at: Date;
  /** Why it did not start and what happens next, kept as a message (shown in the reader's language). */
  reason: MessageRef;
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
        ...(run.status === 'failed' ? { error: storeMessage(run.reason) } : { note: storeMessage(run.reason) }),
      },
    });
  }

  async renewLease(id: number, leaseExpiresAt: Date) {
    return this.database.client.pipelineRun.updateMany({ where: { id, status: 'running' }, data: { leaseExpiresAt } });
  }

  /** The steps done so far and the one under way, for progress while a run is going. */
  async progress(id: number, done: StepStats[], current: { name: string; label: StepLabel }) {
    return this.database.client.pipelineRun.update({
      where: { id },
      data: { steps: [...done, { ...current, running: true }] as unknown as Prisma.InputJsonValue },
    });
  }

  async succeed(id: number, at: Date, analyticsFile: string, steps: StepStats[], mode: PipelineMode, fallback: FallbackReason | null) {
    return this.database.client.pipelineRun.update({
      where: { id },
      data: {
        status: 'succeeded',
        finishedAt: at,
        analyticsFile,
        mode,
        note: fallback && storeMessage(fullRebuildNote(fallback)),
        steps: steps as unknown as Prisma.InputJsonValue,
      },
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
    const expired = await this.database.client.pipelineRun.findMany({
      where: { ...others, leaseExpiresAt: { lte: now } },
      select: { id: true, leaseExpiresAt: true },
    });
    for (const run of expired) {
      await this.database.client.pipelineRun.updateMany({
        where: { id: run.id, status: 'running' },
        data: { status: 'failed', finishedAt: run.leaseExpiresAt, error: storeMessage(abandonedByLease(run.leaseExpiresAt!)) },
      });
    }
    const stopped = await this.database.client.pipelineRun.updateMany({
      where: others,
      data: { status: 'failed', finishedAt: now, error: storeMessage({ key: 'pipeline.abandoned_gone', params: { at: instant(now) } }) },
    });
    return expired.length + stopped.count;
  }

  /** Runs left 'running' by a process that died are marked failed at start-up. */
  async failAbandoned(at: Date) {
    return this.database.client.pipelineRun.updateMany({
      where: { status: 'running' },
      data: { status: 'failed', finishedAt: at, error: storeMessage({ key: 'pipeline.abandoned_ended' }) },
    });
  }

  async modeOf(id: number): Promise<PipelineMode | null> {
    const run = await this.database.client.pipelineRun.findUnique({ where: { id }, select: { mode: true } });
    return (run?.mode as PipelineMode | undefined) ?? null;
  }

  /** The latest run, as the truth stands now: a run whose lease ran out shows as failed (abandoned). */
  async latest(lang: Lang) {
    const run = await this.database.client.pipelineRun.findFirst({ orderBy: { id: 'desc' } });
    return run && presentRun(run, this.clock(), await this.lock.liveRunId(), lang);
  }

  /**
   * Newest first; runs whose lease ran out show as failed (abandoned), without waiting for a write.
   * Notes and errors kept as messages are given in `lang`.
   */
  async list(lang: Lang, limit = 50) {
    const runs = await this.database.client.pipelineRun.findMany({ orderBy: { id: 'desc' }, take: limit });
    const now = this.clock();
    const live = await this.lock.liveRunId();
    return runs.map((run) => presentRun(run, now, live, lang));
  }
}

type StoredRun = Parameters<typeof presentLeasedRun>[0] & { note: string | null; steps: unknown };

/** A run as the history shows it (presentLeasedRun), its note, error and steps' names in `lang`. */
function presentRun<T extends StoredRun>(run: T, now: Date, live: number | null, lang: Lang): T {
  const shown = presentLeasedRun(run, now, live);
  // Abandoned as it is read: its error is said here, in the reader's language.
  const error = shown !== run && shown.leaseExpiresAt ? storeMessage(abandonedByLease(shown.leaseExpiresAt)) : shown.error;
  const steps = Array.isArray(shown.steps) ? (shown.steps as StoredStep[]).map((step) => ({ ...step, name: stepNameIn(step, lang) })) : shown.steps;
  return { ...shown, note: noteIn(shown.note, lang), error: renderStoredText(error, lang), steps };
}

/** A note in `lang`: kept as a message, or (recorded before) in English words a message stands for. */
function noteIn(note: string | null, lang: Lang): string | null {
  const english = note === null ? null : messageOfEnglishNote(note);
  return english ? renderMessageRef(english, lang) : renderStoredText(note, lang);
}

function abandonedByLease(expiredAt: Date): MessageRef {
  return { key: 'pipeline.abandoned_lease', params: { at: instant(expiredAt) } };
}
