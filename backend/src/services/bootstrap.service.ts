import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { OSL_CONFIG, OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { PipelineRunRepository } from '../repositories/pipeline-run.repository.ts';
import { ReferenceDataRepository } from '../repositories/reference-data.repository.ts';
import { DemoService } from './demo.service.ts';
import { PipelineService } from './pipeline.service.ts';

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
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  /** Schema and configuration: needed by every command. */
  async prepareDatabase(): Promise<void> {
    if (await this.database.migrate()) this.logger.log(`database schema migrated in ${this.environment.dataDir}`);
    const changes = await this.referenceData.syncConfiguration(this.config, 'system');
    if (changes > 0) this.logger.log(`configuration from ${this.config.source}: ${changes} change(s) recorded`);
  }

  async start(options: StartOptions): Promise<void> {
    await this.prepareDatabase();
    await this.runs.failAbandoned(this.environment.now());
    if (options.demoIfEmpty && !(await this.imports.hasRecordedData())) {
      this.logger.log('empty database: loading the demo data through the importer');
      await this.demo.load();
    }
    if (options.runPipeline) {
      const run = await this.pipeline.run('startup', 'full');
      if (run.status === 'failed' && !this.analytics.published()) throw new Error(`the first pipeline run failed: ${run.error}`);
    }
  }
}
