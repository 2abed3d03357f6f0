import { Controller, Get, Inject, Put, UseInterceptors } from '@nestjs/common';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { Contract, RouteBody, RouteParams, RouteQuery, type BodyOf, type ParamsOf, type QueryOf } from '../lib/route-contract.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { IndicatorForecastService } from '../services/indicator-forecast.service.ts';
import { IndicatorSourcesService } from '../services/indicator-sources.service.ts';
import { IndicatorTraceService } from '../services/indicator-trace.service.ts';
import { IndicatorTargetsService } from '../services/indicator-targets.service.ts';
import { IndicatorsService } from '../services/indicators.service.ts';
import { indicatorsContracts as contracts } from './indicators.contract.ts';

/** Who may follow a value down to its rows: not the admin, who keeps accounts, not data. */
const traceAccess = { director: 'full', organizer: 'assigned', auditor: 'suppressed' } as const;

@Controller('indicators')
export class IndicatorsController {
  constructor(
    @Inject(IndicatorsService) private readonly service: IndicatorsService,
    @Inject(IndicatorSourcesService) private readonly sourcesService: IndicatorSourcesService,
    @Inject(IndicatorTargetsService) private readonly targets: IndicatorTargetsService,
    @Inject(IndicatorTraceService) private readonly trace: IndicatorTraceService,
    @Inject(IndicatorForecastService) private readonly forecasts: IndicatorForecastService,
  ) {}

  /** The director sets baselines and targets: `{"baseline": {"OST": 0}, "targets": {"OST": {"2022": 16}}}`; a run recomputes statuses. */
  @Put(':code/targets')
  // The director edits indicators and targets (issue 5, roles).
  @Access({ director: 'full' })
  @Contract(contracts.updateTargets)
  async updateTargets(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { code }: ParamsOf<typeof contracts.updateTargets>,
    @RouteBody() body: BodyOf<typeof contracts.updateTargets>,
  ) {
    return await this.targets.update(viewer, code, body);
  }

  @Get()
  @UseInterceptors(AnalyticsEtagInterceptor)
  @Access(figuresForEveryone)
  @Contract(contracts.list)
  async list(@CurrentViewer() viewer: Viewer, @RouteQuery() filter: QueryOf<typeof contracts.list>) {
    return await this.service.list(this.service.parseFilter(filter), viewer.scope);
  }

  /** Every indicator's value as of a day with its forecasts to the year's end and the project's: `?year=2022&asOf=2022-06-30&community=ALL`. */
  @Get('forecast')
  // The director's planning figures, and the admin's (who they are not for: the contract's description).
  @Access({ director: 'full', admin: 'aggregates' })
  @Contract(contracts.forecast)
  async forecast(@RouteQuery() filter: QueryOf<typeof contracts.forecast>) {
    return await this.forecasts.forecast(filter);
  }

  /** What one value is made of: `?year=2022|to-date&community=OST|ALL` → its window and the activities it counts, with provenance. */
  @Get(':code/sources')
  @Access(figuresForEveryone)
  @Contract(contracts.sources)
  async sources(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { code }: ParamsOf<typeof contracts.sources>,
    @RouteQuery() filter: QueryOf<typeof contracts.sources>,
  ) {
    return await this.sourcesService.sources(code, filter, viewer.scope);
  }

  /** The persons a count of distinct participants (P1, R1) counts: codes; attendances and first date but for the auditor; names where allowed. */
  @Get(':indicator/persons')
  // Person-level: the director, an organizer for their own communities, the auditor codes only (and nothing of a hidden figure).
  @Access(traceAccess)
  @Contract(contracts.persons)
  async persons(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { indicator }: ParamsOf<typeof contracts.persons>,
    @RouteQuery() filter: QueryOf<typeof contracts.persons>,
  ) {
    return await this.trace.persons(indicator, filter, viewer);
  }

  /** The survey answers a survey share (R2) is taken over, each with its file and row; never who answered. */
  @Get(':indicator/survey-answers')
  @Access(traceAccess)
  @Contract(contracts.surveyAnswers)
  async surveyAnswers(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { indicator }: ParamsOf<typeof contracts.surveyAnswers>,
    @RouteQuery() filter: QueryOf<typeof contracts.surveyAnswers>,
  ) {
    return await this.trace.surveyAnswers(indicator, filter, viewer);
  }

  /** The register entries a count of leaders (P5) counts: code, home community, leader since, file and row. */
  @Get(':indicator/leaders')
  @Access(traceAccess)
  @Contract(contracts.leaders)
  async leaders(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { indicator }: ParamsOf<typeof contracts.leaders>,
    @RouteQuery() filter: QueryOf<typeof contracts.leaders>,
  ) {
    return await this.trace.leaders(indicator, filter, viewer);
  }
}
