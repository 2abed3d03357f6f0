import { Inject, Injectable, Logger } from '@nestjs/common';
import { AnalyticsStore } from '@osl/pipelines';
import { isProcessAlive } from '@osl/prisma';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { PipelineRunRepository } from '../repositories/pipeline-run.repository.ts';
import { ReferenceDataRepository } from '../repositories/reference-data.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { DemoService, demoAccounts } from './demo.service.ts';
import { ImportJobsService } from './import-jobs.service.ts';
import { PipelineBusyError, PipelineService } from './pipeline.service.ts';

export interface StartOptions {
  /** Load the demo data when the database holds no recorded data (what `npm start` does). */
  demoIfEmpty: boolean;
  /** Run the pipeline once before serving. */
  runPipeline: boolean;
}

/** Brings an installation to a usable state: schema, configuration, (demo) data, analytics. */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(ReferenceDataRepository) private readonly referenceData: ReferenceDataRepository,
    @Inject(PipelineRunRepository) private readonly runs: PipelineRunRepository,
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(DemoService) private readonly demo: DemoService,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(ImportJobsService) private readonly importJobs: ImportJobsService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  /**
   * Schema and configuration, needed by every command: the files' reference data mirrored, what
   * operators edit seeded from the files where the database holds none, and the configuration
   * in force published (files + the database's edits).
   */
  async prepareDatabase(): Promise<void> {
    if (await this.database.migrate()) this.logger.log(`database schema migrated in ${this.environment.dataDir}`);
    const files = this.configuration.fromFiles();
    const changes = await this.referenceData.syncConfiguration(files, 'system');
    if (changes > 0) this.logger.log(`configuration from ${files.source}: ${changes} change(s) recorded`);
    await this.configuration.load('system');
  }

  async start(options: StartOptions): Promise<void> {
    await this.prepareDatabase();
    await this.recoverInterruptedRuns();
    await this.importJobs.failInterrupted();
    let demoLoaded = false;
    if (options.demoIfEmpty && !(await this.imports.hasRecordedData())) {
      this.logger.log('empty database: loading the demo data through the importer');
      await this.demo.load();
      demoLoaded = true;
    }
    // Demo accounts exist only while the data is the demo's: once a real file is imported they are
    // disabled, so a known password never guards real people's data.
    const demoData = (await this.imports.isDemoInstallation()) && !(await this.imports.hasNonDemoImports());
    if (!demoData && (await this.demo.disableAccounts()) > 0) this.logger.warn('real data imported into a demo installation: the demo accounts are disabled');
    if (options.demoIfEmpty && demoData) {
      const { password, generated } = await this.demo.ensureAccounts();
      // Straight to the terminal: a password does not belong in the log file.
      process.stdout.write(
        `\nDemo accounts (${demoAccounts.map((a) => a.email).join(', ')})\n  password: ${generated ? `${password}   (generated; set OSL_DEMO_PASSWORD to choose one)` : 'from OSL_DEMO_PASSWORD'}\n\n`,
      );
    }
    // A published file that cannot be read is rebuilt now rather than answering 503 until the schedule runs.
    const unreadable = await this.analytics.unreadable();
    if (unreadable) this.logger.warn(`analytics file ${unreadable.file} unreadable (${unreadable.reason}); rebuilding from the operational database`);
    if (options.runPipeline || unreadable) {
      let run;
      try {
        run = await this.pipeline.run('startup', 'full');
      } catch (error) {
        if (!(error instanceof PipelineBusyError)) throw error;
        // Another process (the CLI) is running the pipeline: its run publishes.
        this.logger.log(`start-up pipeline run skipped: ${error.message}`);
        return;
      }
      if (run.status === 'failed' && !this.analytics.published()) throw new Error(`the first pipeline run failed: ${run.error}`);
    }
    if (demoLoaded) await this.demo.settlePeriods();
  }

  /**
   * What a process that died during a pipeline run left: its run is marked failed (abandoned) and
   * its build files are removed. Not while another live process holds the pipeline lock: its run
   * is not abandoned (the rows are then settled at a later start).
   */
  private async recoverInterruptedRuns(): Promise<void> {
    const holder = await this.pipeline.holder();
    if (holder && isProcessAlive(holder.pid)) {
      this.logger.log(`a pipeline run is in progress (run #${holder.runId ?? '?'}, process ${holder.pid}); its run is not marked abandoned`);
    } else {
      const { count } = await this.runs.failAbandoned(this.environment.now());
      if (count > 0) this.logger.warn(`${count} pipeline run(s) left running by a process that ended are marked failed (abandoned)`);
    }
    const removed = new AnalyticsStore(this.environment.dataDir).removeAbandoned();
    if (removed.length > 0) this.logger.log(`removed what interrupted pipeline runs left in analytics/: ${removed.join(', ')}`);
  }
}
