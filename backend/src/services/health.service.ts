import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot, IndicatorComputation } from '@osl/data';
import { projectYears } from '@osl/pipelines';
import type { PersonFiguresView } from '../auth/auditor-view.ts';
import { currentLanguage } from '../lib/request-language.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { PipelineRunRepository } from '../repositories/pipeline-run.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

@Injectable()
export class HealthService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(PipelineRunRepository) private readonly runs: PipelineRunRepository,
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async health() {
    const [lastRun, demo] = await Promise.all([this.runs.latest(currentLanguage()), this.imports.isDemoInstallation()]);
    const published = this.analytics.published();
    const failure = this.analytics.lastFailure();
    return {
      // Degraded while the published analytics file cannot be read (until a run rebuilds it).
      status: failure ? ('degraded' as const) : ('ok' as const),
      analytics: failure ? { available: false, reason: failure.reason } : { available: published !== null, reason: null },
      dataAsOf: published?.builtAt ?? null,
      analyticsVersion: published?.runId ?? null,
      lastRun: lastRun && { id: lastRun.id, status: lastRun.status, trigger: lastRun.trigger, startedAt: lastRun.startedAt, finishedAt: lastRun.finishedAt },
      demo,
    };
  }

  isDemo(): Promise<boolean> {
    return this.imports.isDemoInstallation();
  }

  /** What the dashboard needs to lay itself out: project, years, communities, indicators, and what the viewer's figures give. */
  publicConfig(figures: PersonFiguresView) {
    const { project } = this.config;
    return {
      project: {
        name: project.name,
        centre: project.centre,
        periodStart: project.periodStart,
        periodEnd: project.periodEnd,
        timeZone: project.timeZone,
        statusThresholds: project.statusThresholds,
        smallCounts: project.smallCounts,
      },
      years: projectYears(project),
      communities: this.config.communities,
      activityTypes: this.config.activityTypes,
      indicators: this.config.indicators.map(({ code, namePl, nameEn, kind, unit, cumulative, computation }) => ({
        code,
        namePl,
        nameEn,
        kind,
        unit,
        cumulative,
        computation: this.computationWords(computation),
      })),
      viewerFigures: { suppressed: figures.suppressed, personGrains: [...figures.grains], personsByGroupOrType: figures.byGroupOrType },
    };
  }

  /** A survey share's computation with its survey's name, question's words and scale: what its definition says. */
  private computationWords(computation: IndicatorComputation) {
    if (computation.kind !== 'survey_share') return computation;
    const survey = this.config.surveys.find((s) => s.code === computation.survey);
    const question = survey?.questions.find((q) => q.code === computation.question);
    const { min, max } = this.config.project.answerScales.likert5;
    return {
      ...computation,
      surveyName: survey ? { pl: survey.namePl, en: survey.nameEn } : null,
      questionText: question ? { pl: question.textPl, en: question.textEn } : null,
      scale: { min, max },
    };
  }
}
