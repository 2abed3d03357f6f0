import { Controller, Get, Inject, Put, UseInterceptors } from '@nestjs/common';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { Contract, RouteBody, RouteParams, RouteQuery, type BodyOf, type ParamsOf, type QueryOf } from '../lib/route-contract.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { IndicatorSourcesService } from '../services/indicator-sources.service.ts';
import { IndicatorTargetsService } from '../services/indicator-targets.service.ts';
import { IndicatorsService } from '../services/indicators.service.ts';
import { indicatorsContracts as contracts } from './indicators.contract.ts';

@Controller('indicators')
export class IndicatorsController {
  constructor(
    @Inject(IndicatorsService) private readonly service: IndicatorsService,
    @Inject(IndicatorSourcesService) private readonly sourcesService: IndicatorSourcesService,
    @Inject(IndicatorTargetsService) private readonly targets: IndicatorTargetsService,
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
}
