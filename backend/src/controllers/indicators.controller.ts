import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { IndicatorSourcesService } from '../services/indicator-sources.service.ts';
import { IndicatorsService, InvalidFilterError } from '../services/indicators.service.ts';

@Controller('indicators')
export class IndicatorsController {
  constructor(
    @Inject(IndicatorsService) private readonly service: IndicatorsService,
    @Inject(IndicatorSourcesService) private readonly sourcesService: IndicatorSourcesService,
  ) {}

  @Get()
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
