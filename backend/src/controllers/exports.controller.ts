import { Controller, Get, Inject, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Access, everyRole } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { Contract, RouteParams, RouteQuery, type ParamsOf, type QueryOf } from '../lib/route-contract.ts';
import { ExportsService } from '../services/exports.service.ts';
import { exportsContracts as contracts } from './exports.contract.ts';

@Controller('exports')
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  /** The indicator table (every indicator × scope × year), `?format=xlsx|csv|pdf`. */
  @Get('indicators')
  // Exports hold figures only, always with small counts suppressed, whoever exports.
  @Access(everyRole)
  @Contract(contracts.indicators)
  async indicators(
    @CurrentViewer() viewer: Viewer,
    @RouteQuery() { format }: QueryOf<typeof contracts.indicators>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.send(response, await this.exports.indicatorTable(viewer, format));
  }

  /** One value's activities with provenance, `?year=&community=&format=xlsx|csv|pdf`. */
  @Get('indicators/:code/sources')
  @Access(everyRole)
  @Contract(contracts.sources)
  async sources(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { code }: ParamsOf<typeof contracts.sources>,
    @RouteQuery() { format, year, community }: QueryOf<typeof contracts.sources>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.send(response, await this.exports.indicatorSources(viewer, format, code, { year, community }));
  }

  /** "Who has not come back" in a community, as filtered on its page: codes only (names never leave in a file). */
  @Get('communities/:code/lapsed')
  @Access({ director: 'full', organizer: 'assigned' })
  @Contract(contracts.lapsed)
  async lapsed(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { code }: ParamsOf<typeof contracts.lapsed>,
    @RouteQuery() { format, search, lastFrom, lastTo }: QueryOf<typeof contracts.lapsed>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.send(response, await this.exports.lapsedParticipants(viewer, format, code, { search, lastFrom, lastTo }));
  }

  private send(response: Response, file: { content: Buffer; contentType: string; fileName: string }): StreamableFile {
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    return new StreamableFile(file.content, { type: file.contentType });
  }
}
