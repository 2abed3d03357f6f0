import { Controller, Get, Inject, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { OslRequest } from '../auth/auth.guard.ts';
import { readCookie, sessionCookieName } from '../auth/cookies.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { IndicatorsService } from '../services/indicators.service.ts';
import { SummaryPdfService } from '../services/summary-pdf.service.ts';

@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(SummaryPdfService) private readonly pdf: SummaryPdfService,
    @Inject(IndicatorsService) private readonly indicators: IndicatorsService,
  ) {}

  /** The overview of a year as an A4 PDF (`?year=2022&lang=pl|en`), as the requester sees it. */
  @Get('summary.pdf')
  async summary(@CurrentViewer() viewer: Viewer, @Query('year') year: string | undefined, @Query('lang') lang: string | undefined, @Req() request: OslRequest, @Res({ passthrough: true }) response: Response) {
    const parsedYear = this.indicators.parseFilter({ year: typeof year === 'string' ? year : 'to-date' }).year!;
    if (lang !== undefined && lang !== 'pl' && lang !== 'en') throw DomainError.invalid('filter.lang', {});
    const token = readCookie(request.headers.cookie, sessionCookieName)!;
    const content = await this.pdf.render(viewer, token, parsedYear, lang === 'en' ? 'en' : 'pl');
    response.setHeader('Content-Disposition', `attachment; filename="podsumowanie-${parsedYear}.pdf"`);
    return new StreamableFile(content, { type: 'application/pdf' });
  }
}
