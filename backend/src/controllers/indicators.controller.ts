import { BadRequestException, Body, Controller, Get, Inject, Param, Put, Query, UseInterceptors } from '@nestjs/common';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { IndicatorSourcesService } from '../services/indicator-sources.service.ts';
import { IndicatorTargetsService, TargetsInputError } from '../services/indicator-targets.service.ts';
import { IndicatorsService, InvalidFilterError } from '../services/indicators.service.ts';

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
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestException('Send a JSON object with baseline and/or targets.');
    try {
      return await this.targets.update(viewer, code, body as Record<string, unknown>);
    } catch (error) {
      if (error instanceof TargetsInputError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  @Get()
  @UseInterceptors(AnalyticsEtagInterceptor)
  async list(@CurrentViewer() viewer: Viewer, @Query('year') year?: string, @Query('community') community?: string) {
    try {
      return await this.service.list(this.service.parseFilter({ year: single(year), community: single(community) }), viewer.scope);
    } catch (error) {
      if (error instanceof InvalidFilterError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  /** What one value is made of: `?year=2022|to-date&community=OST|ALL` → its window and the activities it counts, with provenance. */
  @Get(':code/sources')
  async sources(@CurrentViewer() viewer: Viewer, @Param('code') code: string, @Query('year') year?: string, @Query('community') community?: string) {
    try {
      return await this.sourcesService.sources(code, { year: single(year), community: single(community) }, viewer.scope);
    } catch (error) {
      if (error instanceof InvalidFilterError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}

// `?year=1&year=2` arrives as an array; only one value is meaningful.
function single(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadRequestException('each filter takes a single value');
  return value;
}
