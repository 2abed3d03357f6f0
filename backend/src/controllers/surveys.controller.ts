import { Controller, Get, Inject, UseInterceptors } from '@nestjs/common';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { Contract, RouteQuery, type QueryOf } from '../lib/route-contract.ts';
import { SurveyResultsService } from '../services/survey-results.service.ts';
import { surveysContracts as contracts } from './surveys.contract.ts';

@Controller('surveys')
export class SurveysController {
  constructor(@Inject(SurveyResultsService) private readonly service: SurveyResultsService) {}

  /** `?year=2022`: every survey's questions per community and ALL (n, mean, distribution, share); the auditor's small counts as "<3". */
  @Get('results')
  @UseInterceptors(AnalyticsEtagInterceptor)
  @Access(figuresForEveryone)
  @Contract(contracts.results)
  async results(@CurrentViewer() viewer: Viewer, @RouteQuery() { year }: QueryOf<typeof contracts.results>) {
    return await this.service.results(year, viewer.scope);
  }
}
