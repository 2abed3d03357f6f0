import { Controller, Delete, Get, Inject, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { civilDateInZone } from '@osl/pipelines';
import { Access } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { Contract, RouteBody, RouteParams, RouteQuery, type BodyOf, type ParamsOf, type QueryOf } from '../lib/route-contract.ts';
import { momentOf } from '../periods/period-rules.ts';
import { ConfigurationService } from '../services/configuration.service.ts';
import { PeriodReportsService, type PeriodReportFile } from '../services/period-reports.service.ts';
import { PeriodsService, type PeriodActor } from '../services/periods.service.ts';
import { currentLanguage } from '../lib/request-language.ts';
import { periodsContracts as contracts } from './periods.contract.ts';

// Periods are the director's; the auditor reads and signs them; the admin reads them.
const readers = { director: 'full', auditor: 'suppressed', admin: 'full' } as const;
const director = { director: 'full' } as const;

@Controller('periods')
export class PeriodsController {
  constructor(
    @Inject(PeriodsService) private readonly periods: PeriodsService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(PeriodReportsService) private readonly reports: PeriodReportsService,
  ) {}

  @Get()
  @Access(readers)
  @Contract(contracts.list)
  list() {
    return this.periods.list();
  }

  /** Checks every closed version's fingerprint against its text and the audit trail. */
  @Get('verify')
  @Access({ director: 'full', auditor: 'full' })
  @Contract(contracts.verify)
  verify() {
    return this.periods.verifyFrozen();
  }

  @Post()
  @Access(director)
  @Contract(contracts.create)
  async create(@CurrentViewer() viewer: Viewer, @RouteBody() input: BodyOf<typeof contracts.create>) {
    const created = await this.periods.create(input, actorOf(viewer));
    return this.summary(created.id);
  }

  /** The period with its figures now, the version reported and what a later correction changed. */
  @Get(':id')
  @Access(readers)
  @Contract(contracts.detail)
  detail(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.detail>) {
    return this.periods.detail(id, actorOf(viewer));
  }

  @Patch(':id')
  @Access(director)
  @Contract(contracts.update)
  async update(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.update>, @RouteBody() input: BodyOf<typeof contracts.update>) {
    await this.periods.update(id, input, actorOf(viewer));
    return this.summary(id);
  }

  @Delete(':id')
  @Access(director)
  @Contract(contracts.remove)
  async remove(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.remove>) {
    await this.periods.remove(id, actorOf(viewer));
    return { deleted: true as const };
  }

  /** Freezes the figures and drill-down as the data stands now (as long as a full rebuild). */
  @Post(':id/close')
  @Access(director)
  @Contract(contracts.close)
  async close(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.close>) {
    await this.periods.close(id, actorOf(viewer));
    return this.summary(id);
  }

  @Post(':id/reopen')
  @Access(director)
  @Contract(contracts.reopen)
  async reopen(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { id }: ParamsOf<typeof contracts.reopen>,
    @RouteBody() { reason }: BodyOf<typeof contracts.reopen>,
  ) {
    await this.periods.reopen(id, reason, actorOf(viewer));
    return this.summary(id);
  }

  @Post(':id/sign-off')
  @Access({ auditor: 'suppressed' })
  @Contract(contracts.signOff)
  async signOff(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { id }: ParamsOf<typeof contracts.signOff>,
    @RouteBody() input: BodyOf<typeof contracts.signOff>,
  ) {
    await this.periods.signOff(id, input, actorOf(viewer));
    return this.summary(id);
  }

  /** Accepts the restatement: a new version frozen from the data now. */
  @Post(':id/restatement')
  @Access(director)
  @Contract(contracts.acceptRestatement)
  async acceptRestatement(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { id }: ParamsOf<typeof contracts.acceptRestatement>,
    @RouteBody() { note }: BodyOf<typeof contracts.acceptRestatement>,
  ) {
    await this.periods.acceptRestatement(id, note ?? null, actorOf(viewer));
    return this.summary(id);
  }

  /** A closed version's frozen figures and drill-down, with its fingerprint checked. */
  @Get(':id/report')
  @Access(readers)
  @Contract(contracts.report)
  report(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { id }: ParamsOf<typeof contracts.report>,
    @RouteQuery() { version }: QueryOf<typeof contracts.report>,
  ) {
    return this.periods.report(id, versionNumber(version), actorOf(viewer));
  }

  /** The report for the payment claim (A4 PDF), `?version=` (the one in force by default), `?lang=pl|en`; audited. */
  @Get(':id/report.pdf')
  @Access(readers)
  @Contract(contracts.reportPdf)
  async reportPdf(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { id }: ParamsOf<typeof contracts.reportPdf>,
    @RouteQuery() { version }: QueryOf<typeof contracts.reportPdf>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(response, await this.reports.pdfReport(id, versionNumber(version), viewer, currentLanguage()));
  }

  /** The report's workbook: figures, the activities behind them, codes (not the auditor's), metadata; audited. */
  @Get(':id/report.xlsx')
  @Access(readers)
  @Contract(contracts.reportXlsx)
  async reportXlsx(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { id }: ParamsOf<typeof contracts.reportXlsx>,
    @RouteQuery() { version }: QueryOf<typeof contracts.reportXlsx>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(response, await this.reports.xlsxReport(id, versionNumber(version), viewer, currentLanguage()));
  }

  /** The period's figures as the data stood at a moment ("stan na dzień"). */
  @Get(':id/as-of')
  @Access({ director: 'full', auditor: 'suppressed' })
  @Contract(contracts.asOf)
  asOf(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.asOf>, @RouteQuery() { moment }: QueryOf<typeof contracts.asOf>) {
    const value = moment ?? '';
    const when = momentOf(value, this.configuration.current().project.timeZone, civilDateInZone);
    if (!when) throw DomainError.invalid('period.moment_invalid', { value });
    return this.periods.figuresAt(id, when, actorOf(viewer));
  }

  private async summary(id: number) {
    const all = await this.periods.list();
    return all.find((p) => p.id === id)!;
  }
}

/** `?version=`: a version number, or none for the one in force. */
function versionNumber(version: string | undefined): number | null {
  if (version === undefined || version === '') return null;
  if (!/^\d{1,9}$/.test(version)) throw DomainError.invalid('http.bad_request', {});
  return Number(version);
}

function send(response: Response, file: PeriodReportFile): StreamableFile {
  response.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  return new StreamableFile(file.content, { type: file.contentType });
}

function actorOf(viewer: Viewer): PeriodActor {
  return { actor: viewer.email, address: viewer.address, protectedView: viewer.scope === 'suppressed' };
}
