import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { OslConfig } from '@osl/data';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { InboxService } from '../services/inbox.service.ts';
import { PipelineBusyError, PipelineService } from '../services/pipeline.service.ts';

/**
 * Registers the jobs of `schedule.json` (cron in the configured time zone): pipeline runs and
 * inbox scans. A handler only triggers the work; a pipeline run takes the pipeline lock and an
 * inbox scan its own, so overlapping ticks are skipped.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger('ScheduledJobs');

  constructor(
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { schedule } = this.config;
    for (const job of schedule.jobs) {
      if (job.enabled === false) continue;
      const mode = job.mode ?? 'incremental';
      const cron = CronJob.from({
        cronTime: job.cron,
        timeZone: schedule.timeZone,
        onTick: () => void (job.task === 'inbox-scan' ? this.scanInbox(job.name) : this.trigger(job.name, mode)),
        start: false,
      });
      this.registry.addCronJob(job.name, cron);
      cron.start();
      this.logger.log(`${job.name}: "${job.cron}" (${schedule.timeZone}), next ${cron.nextDate().toISO()}`);
    }
  }

  private async scanInbox(name: string): Promise<void> {
    try {
      await this.inbox.scan();
    } catch (error) {
      this.logger.error(`${name}: ${(error as Error).message}`);
    }
  }

  private async trigger(name: string, mode: 'full' | 'incremental'): Promise<void> {
    try {
      await this.pipeline.run('schedule', mode);
    } catch (error) {
      if (error instanceof PipelineBusyError) this.logger.log(`${name}: skipped, ${error.message}`);
      else this.logger.error(`${name}: ${(error as Error).message}`);
    }
  }
}
