import { Body, Controller, Get, Inject, Param, Put, Query, UseInterceptors } from '@nestjs/common';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { IndicatorSourcesService } from '../services/indicator-sources.service.ts';
import { DomainError } from '../lib/domain-error.ts';
import { IndicatorTargetsService } from '../services/indicator-targets.service.ts';
import { IndicatorsService } from '../services/indicators.service.ts';

@Controller('indicators')
export class IndicatorsController {
  constructor(
    @Inject(IndicatorsService) private readonly service: IndicatorsService,
    @Inject(IndicatorSourcesService) private readonly sourcesService: IndicatorSourcesService,
    @Inject(IndicatorTargetsService) private readonly targets: IndicatorTargetsService,
  ) {}

  /** The director sets baselines and targets: `{"baseline": {"OST": 0}, "targets": {"OST": {"2022": 16}}}`; a run recomputes statuses. */
  @Put(':code/targets')
  async updateTargets(@CurrentViewer() viewer: Viewer, @Param('code') code: string, @Body() body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw DomainError.invalid('targets.body_object', {});
    return await this.targets.update(viewer, code, body as Record<string, unknown>);
  }

  @Get()
  @UseInterceptors(AnalyticsEtagInterceptor)
  async list(@CurrentViewer() viewer: Viewer, @Query('year') year?: string, @Query('community') community?: string) {
    return await this.service.list(this.service.parseFilter({ year: single(year), community: single(community) }), viewer.scope);
  }

  /** What one value is made of: `?year=2022|to-date&community=OST|ALL` → its window and the activities it counts, with provenance. */
  @Get(':code/sources')
  async sources(@CurrentViewer() viewer: Viewer, @Param('code') code: string, @Query('year') year?: string, @Query('community') community?: string) {
    return await this.sourcesService.sources(code, { year: single(year), community: single(community) }, viewer.scope);
  }
}

// `?year=1&year=2` arrives as an array; only one value is meaningful.
function single(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw DomainError.invalid('filter.single_value', {});
  return value;
}
