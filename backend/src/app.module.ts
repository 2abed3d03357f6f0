import path from 'node:path';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { ScheduleModule } from '@nestjs/schedule';
import type { OslConfig } from '@osl/data';
import { AuthGuard } from './auth/auth.guard.ts';
import { ActivitiesController } from './controllers/activities.controller.ts';
import { AlertsController } from './controllers/alerts.controller.ts';
import { AuditController } from './controllers/audit.controller.ts';
import { AuthController } from './controllers/auth.controller.ts';
import { UsersController } from './controllers/users.controller.ts';
import { CommunitiesController } from './controllers/communities.controller.ts';
import { ExportsController } from './controllers/exports.controller.ts';
import { HealthController } from './controllers/health.controller.ts';
import { ImportsController, maxFilesPerUpload } from './controllers/imports.controller.ts';
import { IndicatorsController } from './controllers/indicators.controller.ts';
import { MetricsController } from './controllers/metrics.controller.ts';
import { PipelineController } from './controllers/pipeline.controller.ts';
import { ReportsController } from './controllers/reports.controller.ts';
import { ScheduledJobs } from './jobs/scheduled-jobs.ts';
import { SpoolingStorage } from './lib/spooling-storage.ts';
import { uploadSizeLimit } from './lib/upload-limit.ts';
import { PdfBrowserPool } from './services/pdf-browser-pool.ts';
import { SummaryPdfService } from './services/summary-pdf.service.ts';
import { OSL_CONFIG_FILES, OSL_ENVIRONMENT, type OslEnvironment } from './lib/osl-environment.ts';
import { ActivityRepository } from './repositories/activity.repository.ts';
import { AlertRepository } from './repositories/alert.repository.ts';
import { AnalyticsRepository } from './repositories/analytics.repository.ts';
import { AuditQueryRepository, AuditRepository } from './repositories/audit.repository.ts';
import { DatabaseRepository } from './repositories/database.repository.ts';
import { ImportRepository } from './repositories/import.repository.ts';
import { ImportJobRepository } from './repositories/import-job.repository.ts';
import { OperatorConfigRepository } from './repositories/operator-config.repository.ts';
import { PipelineRunRepository } from './repositories/pipeline-run.repository.ts';
import { ParticipantRepository } from './repositories/participant.repository.ts';
import { ReferenceDataRepository } from './repositories/reference-data.repository.ts';
import { UserRepository } from './repositories/user.repository.ts';
import { ActivitiesService } from './services/activities.service.ts';
import { AlertsService } from './services/alerts.service.ts';
import { AuditService } from './services/audit.service.ts';
import { AuditorFiguresService } from './services/auditor-figures.service.ts';
import { AuthService } from './services/auth.service.ts';
import { UsersService } from './services/users.service.ts';
import { BootstrapService } from './services/bootstrap.service.ts';
import { ConfigurationService } from './services/configuration.service.ts';
import { DemoService } from './services/demo.service.ts';
import { ExportsService } from './services/exports.service.ts';
import { HealthService } from './services/health.service.ts';
import { ImportJobsService } from './services/import-jobs.service.ts';
import { ImportTemplateService } from './services/import-template.service.ts';
import { ImportService } from './services/import.service.ts';
import { ImportWorkerService } from './services/import-worker.service.ts';
import { IndicatorSourcesService } from './services/indicator-sources.service.ts';
import { IndicatorTargetsService } from './services/indicator-targets.service.ts';
import { InboxService } from './services/inbox.service.ts';
import { MetricsService } from './services/metrics.service.ts';
import { IndicatorsService } from './services/indicators.service.ts';
import { ParticipantsService } from './services/participants.service.ts';
import { ParticipationService } from './services/participation.service.ts';
import { PipelineService } from './services/pipeline.service.ts';

const repositories = [
  ActivityRepository,
  AlertRepository,
  AnalyticsRepository,
  AuditQueryRepository,
  AuditRepository,
  DatabaseRepository,
  ImportRepository,
  ImportJobRepository,
  OperatorConfigRepository,
  ParticipantRepository,
  PipelineRunRepository,
  ReferenceDataRepository,
  UserRepository,
];
const services = [
  ActivitiesService,
  AlertsService,
  AuditService,
  AuditorFiguresService,
  AuthService,
  BootstrapService,
  ConfigurationService,
  DemoService,
  ExportsService,
  PdfBrowserPool,
  SummaryPdfService,
  HealthService,
  ImportJobsService,
  ImportService,
  ImportWorkerService,
  ImportTemplateService,
  IndicatorSourcesService,
  IndicatorTargetsService,
  InboxService,
  MetricsService,
  IndicatorsService,
  ParticipantsService,
  ParticipationService,
  PipelineService,
  UsersService,
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
        { provide: OSL_CONFIG_FILES, useValue: config },
        ...repositories,
        ...services,
      ],
      exports: [OSL_ENVIRONMENT, ...repositories, ...services],
    };
  }
}

/** Every controller of the API; the authorization-matrix test calls each of their routes. */
export const apiControllers = [
  HealthController,
  AuthController,
  IndicatorsController,
  MetricsController,
  CommunitiesController,
  ActivitiesController,
  ImportsController,
  PipelineController,
  AlertsController,
  UsersController,
  AuditController,
  ExportsController,
  ReportsController,
];

/** The server: the REST API under /api and the scheduled pipelines. */
@Module({})
export class AppModule implements NestModule {
  private static uploadLimit = 0;

  configure(consumer: MiddlewareConsumer): void {
    // A request that declares more than the upload limit is refused before multer reads it.
    consumer.apply(uploadSizeLimit(AppModule.uploadLimit)).forRoutes({ path: 'imports', method: RequestMethod.POST });
  }

  static register(environment: OslEnvironment, config: OslConfig): DynamicModule {
    AppModule.uploadLimit = config.project.importLimits.maxUploadBytes;
    return {
      module: AppModule,
      imports: [
        CoreModule.register(environment, config),
        ScheduleModule.forRoot(),
        // Uploads are spooled to disk and refused while they stream in once a file passes the
        // configured size, or all files of the request pass the upload limit.
        MulterModule.register({
          storage: new SpoolingStorage(path.join(environment.dataDir, 'uploads'), config.project.importLimits.maxUploadBytes),
          limits: { fileSize: config.project.importLimits.maxFileBytes, files: maxFilesPerUpload },
        }),
      ],
      controllers: apiControllers,
      // Every request passes the access matrix (auth/access-matrix.ts).
      providers: [ScheduledJobs, { provide: APP_GUARD, useClass: AuthGuard }],
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
