import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { OslConfig } from '@osl/data';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { PipelineBusyError, PipelineService } from '../services/pipeline.service.ts';

/**
 * Registers the jobs of `schedule.json` (cron in the configured time zone). A handler only
 * triggers a run; the run itself takes the pipeline lock, so overlapping ticks are skipped.
 */
@Injectable()
export class PipelineScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('PipelineScheduler');

  constructor(
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { schedule } = this.config;
    for (const job of schedule.jobs) {
      if (job.enabled === false || !job.mode) continue;
      const mode = job.mode;
      const cron = CronJob.from({
        cronTime: job.cron,
        timeZone: schedule.timeZone,
        onTick: () => void this.trigger(job.name, mode),
        start: false,
      });
      this.registry.addCronJob(job.name, cron);
      cron.start();
      this.logger.log(`${job.name}: "${job.cron}" (${schedule.timeZone}), next ${cron.nextDate().toISO()}`);
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
