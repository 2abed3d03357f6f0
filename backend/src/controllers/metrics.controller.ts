import { Controller, Get, Inject, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import type { Request, Response } from 'express';
import { arrowStreamType, toArrowStream } from '../analytics/arrow-encode.ts';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { Contract, RouteQuery, type QueryOf } from '../lib/route-contract.ts';
import { MetricsService } from '../services/metrics.service.ts';
import { metricsContracts as contracts } from './metrics.contract.ts';

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  /**
   * `?measures=attendances,distinctParticipants&grain=week|month|quarter|year&dimensions=community,group|type
   * &from=YYYY-MM-DD&to=YYYY-MM-DD&communities=OST,LAZ&groups=animation`. JSON, or an Arrow IPC
   * stream with `Accept: application/vnd.apache.arrow.stream`. The ETag is the analytics version:
   * `If-None-Match` with it answers 304.
   */
  @Get()
  @UseInterceptors(AnalyticsEtagInterceptor)
  @Access(figuresForEveryone)
  @Contract(contracts.query)
  async query(
    @CurrentViewer() viewer: Viewer,
    @RouteQuery() raw: QueryOf<typeof contracts.query>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.metrics.run(this.metrics.parse(raw), viewer.scope);
    if ((request.headers.accept ?? '').includes(arrowStreamType)) {
      response.setHeader('X-OSL-Data-As-Of', result.dataAsOf ?? '');
      return new StreamableFile(toArrowStream(result.columns, result.rows), { type: arrowStreamType });
    }
    return result;
  }
}
