import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { ConfigSnapshot } from '@osl/data';
import { isDatabaseBusy } from '@osl/prisma';
import { instant, pipelineModeWords } from '../lib/code-words.ts';
import { errorInWords } from '../lib/database-busy.ts';
import { renderMessageRef, type MessageRef } from '../lib/messages.ts';
import type { PipelineMode } from '../repositories/pipeline-run.repository.ts';
import { InboxService } from '../services/inbox.service.ts';
import { PipelineBusyError, PipelineService } from '../services/pipeline.service.ts';
import { defaultRetryPolicy, joinRetries, retryDelayMs, runCovers, type RetryPolicy } from './scheduled-run-retry.ts';
import { ConfigurationService } from '../services/configuration.service.ts';

/** Sets a one-off timer; returns how to cancel it. */
export type RetryTimer = (name: string, delayMs: number, fire: () => void) => () => void;

export interface ScheduledRunRetryOptions {
  policy?: RetryPolicy;
  /** Default: a timeout in Nest's scheduler registry (cleared at shutdown). */
  timer?: RetryTimer;
  clock?: () => Date;
}

export const SCHEDULED_RUN_RETRY = Symbol('SCHEDULED_RUN_RETRY');

interface PendingRetry {
  job: string;
  mode: PipelineMode;
  retry: number;
  at: Date;
  cancel: () => void;
}

/**
 * Registers the jobs of `schedule.json` (cron in the configured time zone): pipeline runs and
 * inbox scans. A handler only triggers the work; a pipeline run takes the pipeline lock and an
 * inbox scan its own. A scheduled run that cannot start is recorded in the run history, never
 * lost: coalesced into the run in progress when that run does what it would, otherwise tried
 * again after 1, 2 and 4 minutes, with at most one retry pending (a later failure joins it).
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger('ScheduledJobs');
  private readonly policy: RetryPolicy;
  private readonly timer: RetryTimer;
  private readonly clock: () => Date;
  private pending: PendingRetry | null = null;

  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Optional() @Inject(SCHEDULED_RUN_RETRY) options: ScheduledRunRetryOptions | null = null,
  ) {
    this.policy = options?.policy ?? defaultRetryPolicy;
    this.timer = options?.timer ?? ((name, delayMs, fire) => this.registryTimeout(name, delayMs, fire));
    this.clock = options?.clock ?? (() => new Date());
  }

  onApplicationBootstrap(): void {
    const { schedule } = this.config;
    for (const job of schedule.jobs) {
      if (job.enabled === false) continue;
      const mode = job.mode ?? 'incremental';
      const cron = CronJob.from({
        cronTime: job.cron,
        timeZone: schedule.timeZone,
        onTick: () => void (job.task === 'inbox-scan' ? this.scanInbox(job.name) : this.runPipelineJob(job.name, mode)),
        start: false,
      });
      this.registry.addCronJob(job.name, cron);
      cron.start();
      this.logger.log(`${job.name}: "${job.cron}" (${schedule.timeZone}), next ${cron.nextDate().toISO()}`);
    }
  }

  /** The retry waiting, if any (one at most). */
  pendingRetry(): { job: string; mode: PipelineMode; retry: number; at: Date } | null {
    return this.pending && { job: this.pending.job, mode: this.pending.mode, retry: this.pending.retry, at: this.pending.at };
  }

  private async scanInbox(name: string): Promise<void> {
    try {
      await this.inbox.scan();
    } catch (error) {
      this.logger.error(`${name}: ${errorInWords(error)}`);
    }
  }

  /** A tick of a pipeline job (or retry `retry` of one); never throws: every outcome is recorded. */
  async runPipelineJob(name: string, mode: PipelineMode, retry = 0): Promise<void> {
    try {
      const run = await this.pipeline.run('schedule', mode);
      // A run that started covers the pending retry when it does what that retry would.
      if (run.status === 'succeeded' && this.pending && runCovers(run.mode, this.pending.mode)) this.cancelPending(`run #${run.id} covered it`);
    } catch (error) {
      await this.notStarted(name, mode, retry, error);
    }
  }

  private async notStarted(name: string, mode: PipelineMode, retry: number, error: unknown): Promise<void> {
    if (error instanceof PipelineBusyError) {
      const { holder } = error;
      const running = await this.pipeline.modeOfRunInProgress(holder);
      // The process id stays in the log line: the run list says which run, in words.
      const run = { runId: holder.runId ?? '?', since: instant(holder.since) };
      const inProgress: MessageRef = running
        ? { key: 'schedule.in_progress_mode', params: { ...run, mode: pipelineModeWords(running) } }
        : { key: 'schedule.in_progress', params: run };
      if (runCovers(running, mode)) {
        await this.pipeline.recordNotStarted({
          trigger: 'schedule',
          mode,
          status: 'skipped',
          reason: { key: 'schedule.coalesced', params: { inProgress } },
        });
        this.logger.log(`${name}: coalesced into ${renderMessageRef(inProgress, 'en')} (process ${holder.pid})`);
        return;
      }
      const next = this.retryLater(name, mode, retry);
      await this.pipeline.recordNotStarted({
        trigger: 'schedule',
        mode,
        status: 'skipped',
        reason: { key: 'schedule.deferred', params: { mode: pipelineModeWords(mode), inProgress, next } },
      });
      this.logger.log(`${name}: deferred behind ${renderMessageRef(inProgress, 'en')} (process ${holder.pid}); ${renderMessageRef(next, 'en')}`);
      return;
    }
    // A busy database is said in the reader's language; any other cause in its own words.
    const cause: MessageRef | string = isDatabaseBusy(error) ? { key: 'database.busy' } : errorInWords(error);
    const next = this.retryLater(name, mode, retry);
    const reason: MessageRef = { key: 'schedule.not_started', params: { cause, next } };
    await this.pipeline.recordNotStarted({ trigger: 'schedule', mode, status: 'failed', reason });
    this.logger.error(`${name}: ${renderMessageRef(reason, 'en')}`);
  }

  /** Schedules the next try (or joins the pending one) and says what will happen, as a message. */
  private retryLater(name: string, mode: PipelineMode, retry: number): MessageRef {
    if (this.pending) {
      this.pending.mode = joinRetries(this.pending.mode, mode);
      return { key: 'schedule.joins_retry', params: { mode: pipelineModeWords(this.pending.mode), at: instant(this.pending.at) } };
    }
    const next = retry + 1;
    const delay = retryDelayMs(next, this.policy);
    if (delay === null) return { key: 'schedule.no_more_retries', params: { max: this.policy.maxRetries } };
    const at = new Date(this.clock().getTime() + delay);
    const pending: PendingRetry = { job: name, mode, retry: next, at, cancel: () => {} };
    pending.cancel = this.timer(`${name}:retry`, delay, () => {
      if (this.pending !== pending) return;
      this.pending = null;
      void this.runPipelineJob(pending.job, pending.mode, pending.retry);
    });
    this.pending = pending;
    return { key: 'schedule.retry_at', params: { retry: next, max: this.policy.maxRetries, at: instant(at) } };
  }

  private cancelPending(why: string): void {
    const pending = this.pending!;
    this.pending = null;
    pending.cancel();
    this.logger.log(`${pending.job}: retry ${pending.retry} cancelled, ${why}`);
  }

  private registryTimeout(name: string, delayMs: number, fire: () => void): () => void {
    if (this.registry.doesExist('timeout', name)) this.registry.deleteTimeout(name);
    const handle = setTimeout(() => {
      if (this.registry.doesExist('timeout', name)) this.registry.deleteTimeout(name);
      fire();
    }, delayMs);
    this.registry.addTimeout(name, handle);
    return () => {
      if (this.registry.doesExist('timeout', name)) this.registry.deleteTimeout(name);
    };
  }
}
