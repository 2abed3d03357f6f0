import { Controller, Get, Inject, Req, Res, StreamableFile } from '@nestjs/common';
import { Access, everyRole } from '../auth/access.decorator.ts';
import type { Response } from 'express';
import type { OslRequest } from '../auth/auth.guard.ts';
import { readCookie, sessionCookieName } from '../auth/cookies.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { Contract, RouteQuery, type QueryOf } from '../lib/route-contract.ts';
import { IndicatorsService } from '../services/indicators.service.ts';
import { SummaryPdfService } from '../services/summary-pdf.service.ts';
import { reportsContracts as contracts } from './reports.contract.ts';

@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(SummaryPdfService) private readonly pdf: SummaryPdfService,
    @Inject(IndicatorsService) private readonly indicators: IndicatorsService,
  ) {}

  /** The overview of a year as an A4 PDF (`?year=2022&lang=pl|en`), as the requester sees it. */
  @Get('summary.pdf')
  // The overview as a PDF, rendered with the requester's own session.
  @Access(everyRole)
  @Contract(contracts.summary)
  async summary(
    @CurrentViewer() viewer: Viewer,
    @RouteQuery() { year, lang }: QueryOf<typeof contracts.summary>,
    @Req() request: OslRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const parsedYear: number = this.indicators.parseFilter({ year: year ?? 'to-date' }).year!;
    const token = readCookie(request.headers.cookie, sessionCookieName)!;
    const content = await this.pdf.render(viewer, token, parsedYear, lang);
    response.setHeader('Content-Disposition', `attachment; filename="podsumowanie-${parsedYear}.pdf"`);
    return new StreamableFile(content, { type: 'application/pdf' });
  }
}
