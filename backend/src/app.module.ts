import path from 'node:path';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { ScheduleModule } from '@nestjs/schedule';
import type { OslConfig } from '@osl/data';
import { accessMatrixOf } from './auth/access-matrix.ts';
import { AuthGuard } from './auth/auth.guard.ts';
import { ErrorAnswerFilter } from './lib/error-answer.filter.ts';
import { RequestLanguageInterceptor } from './lib/request-language.ts';
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
import { PeriodsController } from './controllers/periods.controller.ts';
import { PipelineController } from './controllers/pipeline.controller.ts';
import { ParticipantProfileController } from './controllers/participant-profile.controller.ts';
import { RecordingController } from './controllers/recording.controller.ts';
import { ReportsController } from './controllers/reports.controller.ts';
import { SurveysController } from './controllers/surveys.controller.ts';
import { apiRoutesOf } from './lib/api-routes.ts';
import { ScheduledJobs } from './jobs/scheduled-jobs.ts';
import { SpoolingStorage } from './lib/spooling-storage.ts';
import { uploadSizeLimit } from './lib/upload-limit.ts';
import type { OslEnvironment } from './lib/osl-environment.ts';
import { CoreModule } from './core.module.ts';

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
  SurveysController,
  ParticipantProfileController,
  RecordingController,
  PeriodsController,
];

/** Every route of the API with its access rule and contract, read from the handlers' decorators. */
export const apiRoutes = apiRoutesOf(apiControllers);
/** Who may call each route (`METHOD /api/path`), as the access decorators say. */
export const accessMatrix = accessMatrixOf(apiRoutes);

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
      // Every request passes the guard, which reads the handler's access decorator (auth/access.decorator.ts); every error is answered by
      // one filter, in the request's language, which handlers also see (lib/request-language.ts).
      providers: [
        ScheduledJobs,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorAnswerFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestLanguageInterceptor },
      ],
    };
  }
}
