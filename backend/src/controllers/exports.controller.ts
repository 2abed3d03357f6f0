import { Controller, Get, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import type { ExportFormat } from '../services/export-format.ts';
import { ExportsService } from '../services/exports.service.ts';

@Controller('exports')
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  /** The indicator table (every indicator × scope × year), `?format=xlsx|csv|pdf`. */
  @Get('indicators')
  async indicators(@CurrentViewer() viewer: Viewer, @Query('format') format: string | undefined, @Res({ passthrough: true }) response: Response) {
    return this.send(response, await this.exports.indicatorTable(viewer, parseFormat(format)));
  }

  /** One value's activities with provenance, `?year=&community=&format=xlsx|csv|pdf`. */
  @Get('indicators/:code/sources')
  async sources(
    @CurrentViewer() viewer: Viewer,
    @Param('code') code: string,
    @Query('format') format: string | undefined,
    @Query('year') year: string | undefined,
    @Query('community') community: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if ((year !== undefined && typeof year !== 'string') || (community !== undefined && typeof community !== 'string')) throw DomainError.invalid('filter.single_value', {});
    return this.send(response, await this.exports.indicatorSources(viewer, parseFormat(format), code, { year, community }));
  }

  private send(response: Response, file: { content: Buffer; contentType: string; fileName: string }): StreamableFile {
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    return new StreamableFile(file.content, { type: file.contentType });
  }
}

function parseFormat(value: unknown): ExportFormat {
  if (value === undefined || value === '' || value === 'xlsx') return 'xlsx';
  if (value === 'csv' || value === 'pdf') return value;
  throw DomainError.invalid('filter.export_format', {});
}
