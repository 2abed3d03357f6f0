import { type DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ScheduleModule } from '@nestjs/schedule';
import type { OslConfig } from '@osl/data';
import { AlertsController } from './controllers/alerts.controller.ts';
import { CommunitiesController } from './controllers/communities.controller.ts';
import { HealthController } from './controllers/health.controller.ts';
import { ImportsController, maxFilesPerUpload } from './controllers/imports.controller.ts';
import { IndicatorsController } from './controllers/indicators.controller.ts';
import { PipelineController } from './controllers/pipeline.controller.ts';
import { ScheduledJobs } from './jobs/scheduled-jobs.ts';
import { OSL_CONFIG, OSL_ENVIRONMENT, type OslEnvironment } from './lib/osl-environment.ts';
import { AlertRepository } from './repositories/alert.repository.ts';
import { AnalyticsRepository } from './repositories/analytics.repository.ts';
import { AuditRepository } from './repositories/audit.repository.ts';
import { DatabaseRepository } from './repositories/database.repository.ts';
import { ImportRepository } from './repositories/import.repository.ts';
import { PipelineRunRepository } from './repositories/pipeline-run.repository.ts';
import { ReferenceDataRepository } from './repositories/reference-data.repository.ts';
import { AlertsService } from './services/alerts.service.ts';
import { BootstrapService } from './services/bootstrap.service.ts';
import { DemoService } from './services/demo.service.ts';
import { HealthService } from './services/health.service.ts';
import { ImportJobsService } from './services/import-jobs.service.ts';
import { ImportTemplateService } from './services/import-template.service.ts';
import { ImportService } from './services/import.service.ts';
import { InboxService } from './services/inbox.service.ts';
import { IndicatorsService } from './services/indicators.service.ts';
import { ParticipationService } from './services/participation.service.ts';
import { PipelineService } from './services/pipeline.service.ts';

const repositories = [AlertRepository, AnalyticsRepository, AuditRepository, DatabaseRepository, ImportRepository, PipelineRunRepository, ReferenceDataRepository];
const services = [
  AlertsService,
  BootstrapService,
  DemoService,
  HealthService,
  ImportJobsService,
  ImportService,
  ImportTemplateService,
  InboxService,
  IndicatorsService,
  ParticipationService,
  PipelineService,
];

/** Services and repositories, shared by the server and the command-line interface. */
@Module({})
export class CoreModule {
  static register(environment: OslEnvironment, config: OslConfig): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      providers: [
        { provide: OSL_ENVIRONMENT, useValue: environment },
        { provide: OSL_CONFIG, useValue: config },
        ...repositories,
        ...services,
      ],
      exports: [OSL_ENVIRONMENT, OSL_CONFIG, ...repositories, ...services],
    };
  }
}

/** The server: the REST API under /api and the scheduled pipelines. */
@Module({})
export class AppModule {
  static register(environment: OslEnvironment, config: OslConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(environment, config),
        ScheduleModule.forRoot(),
        // Uploads are refused while they stream in once they pass the configured file size.
        MulterModule.register({ limits: { fileSize: config.project.importLimits.maxFileBytes, files: maxFilesPerUpload } }),
      ],
      controllers: [HealthController, IndicatorsController, CommunitiesController, ImportsController, PipelineController, AlertsController],
      providers: [ScheduledJobs],
    };
  }
}

/** The command-line interface: the same services, no HTTP, no schedule. */
@Module({})
export class CliModule {
  static register(environment: OslEnvironment, config: OslConfig): DynamicModule {
    return { module: CliModule, imports: [CoreModule.register(environment, config)] };
  }
}
