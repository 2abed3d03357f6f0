// The services and repositories without the HTTP layer: the CLI and the import worker load this
// module alone, not the controllers and what they need (Express, multer, the schedule, Arrow).
import { type DynamicModule, Module } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { createOperationalDatabase } from '@osl/prisma';
import { OSL_CONFIG_FILES, OSL_ENVIRONMENT, type OslEnvironment } from './lib/osl-environment.ts';
import { PdfBrowserPool } from './services/pdf-browser-pool.ts';
import { SummaryPdfService } from './services/summary-pdf.service.ts';
import { ActivityRepository } from './repositories/activity.repository.ts';
import { AlertRepository } from './repositories/alert.repository.ts';
import { AnalyticsRepository } from './repositories/analytics.repository.ts';
import { AuditQueryRepository, AuditRepository } from './repositories/audit.repository.ts';
import { DatabaseRepository, OPERATIONAL_DATABASE } from './repositories/database.repository.ts';
import { ImportRepository } from './repositories/import.repository.ts';
import { RecordingRepository } from './repositories/recording.repository.ts';
import { ImportJobRepository } from './repositories/import-job.repository.ts';
import { OperatorConfigRepository } from './repositories/operator-config.repository.ts';
import { PipelineRunRepository } from './repositories/pipeline-run.repository.ts';
import { ParticipantRepository } from './repositories/participant.repository.ts';
import { PeriodRepository } from './repositories/period.repository.ts';
import { PeriodFiguresReader } from './periods/period-figures.ts';
import { PeriodReportsService } from './services/period-reports.service.ts';
import { PeriodsService } from './services/periods.service.ts';
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
import { ImportRefreshService } from './services/import-refresh.service.ts';
import { RecordingService } from './services/recording.service.ts';
import { ImportTemplateService } from './services/import-template.service.ts';
import { ImportService } from './services/import.service.ts';
import { ImportWorkerService } from './services/import-worker.service.ts';
import { IndicatorForecastService } from './services/indicator-forecast.service.ts';
import { IndicatorTraceService } from './services/indicator-trace.service.ts';
import { IndicatorSourcesService } from './services/indicator-sources.service.ts';
import { IndicatorTargetsService } from './services/indicator-targets.service.ts';
import { InboxService } from './services/inbox.service.ts';
import { MetricsService } from './services/metrics.service.ts';
import { IndicatorsService } from './services/indicators.service.ts';
import { ParticipantProfileService } from './services/participant-profile.service.ts';
import { ParticipantsService } from './services/participants.service.ts';
import { SurveyResultsService } from './services/survey-results.service.ts';
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
  RecordingRepository,
  ImportJobRepository,
  OperatorConfigRepository,
  ParticipantRepository,
  PeriodRepository,
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
  ImportRefreshService,
  RecordingService,
  ImportService,
  ImportWorkerService,
  ImportTemplateService,
  IndicatorSourcesService,
  IndicatorTraceService,
  IndicatorForecastService,
  IndicatorTargetsService,
  InboxService,
  MetricsService,
  IndicatorsService,
  ParticipantProfileService,
  ParticipantsService,
  ParticipationService,
  PeriodFiguresReader,
  PeriodsService,
  PeriodReportsService,
  SurveyResultsService,
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
        { provide: OPERATIONAL_DATABASE, useFactory: () => createOperationalDatabase(environment.env) },
        ...repositories,
        ...services,
      ],
      exports: [OSL_ENVIRONMENT, ...repositories, ...services],
    };
  }
}

/** The command-line interface and the import worker: the same services, no HTTP, no schedule. */
@Module({})
export class CliModule {
  static register(environment: OslEnvironment, config: OslConfig): DynamicModule {
    return { module: CliModule, imports: [CoreModule.register(environment, config)] };
  }
}
