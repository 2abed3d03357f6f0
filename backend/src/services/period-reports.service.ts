import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.ts';
import type { Lang } from '../lib/message-template.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { comparePeriodFigures } from '../periods/frozen-period.ts';
import { periodReportHtml } from '../periods/period-report-html.ts';
import { periodReportSheets } from '../periods/period-report-sheets.ts';
import { protectedDifferences, type PeriodReportInput } from '../periods/period-report.ts';
import { AuditService } from './audit.service.ts';
import { ConfigurationService } from './configuration.service.ts';
import { exportWorkbook } from './export-format.ts';
import { suppressionNote } from './exports.service.ts';
import { PeriodsService, type FrozenReport, type PeriodActor } from './periods.service.ts';
import { SummaryPdfService } from './summary-pdf.service.ts';

export interface PeriodReportFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * A closed version of a period as the files handed in with a payment claim: the report (PDF) and
 * its workbook (XLSX), in the reader's view (the auditor's protected), each download audited.
 */
@Injectable()
export class PeriodReportsService {
  constructor(
    @Inject(PeriodsService) private readonly periods: PeriodsService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(SummaryPdfService) private readonly pdf: SummaryPdfService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  async pdfReport(id: number, version: number | null, viewer: Viewer, lang: Lang): Promise<PeriodReportFile> {
    const { input } = await this.gather(id, version, viewer, lang);
    const content = await this.pdf.printHtml(periodReportHtml(input));
    await this.recorded('export.period-pdf', input, viewer, lang);
    return { content, contentType: 'application/pdf', fileName: `${this.baseName(input)}.pdf` };
  }

  async xlsxReport(id: number, version: number | null, viewer: Viewer, lang: Lang): Promise<PeriodReportFile> {
    const { input, report } = await this.gather(id, version, viewer, lang);
    const content = await exportWorkbook(periodReportSheets(input, report.content.drillDown));
    await this.recorded('export.period-xlsx', input, viewer, lang);
    return { content, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${this.baseName(input)}.xlsx` };
  }

  /** The version's frozen report as the reader may see it, its sign-offs, and the restatement notes. */
  private async gather(id: number, version: number | null, viewer: Viewer, lang: Lang): Promise<{ input: PeriodReportInput; report: FrozenReport }> {
    const actor: PeriodActor = { actor: viewer.email, address: viewer.address, protectedView: viewer.scope === 'suppressed' };
    const report = await this.periods.report(id, version, actor);
    const content = report.content;
    const summary = (await this.periods.list()).find((p) => p.id === id)!;
    const shown = summary.versions.find((v) => v.version === content.version)!;
    const inForce = shown.endedAt === null;

    let restated: PeriodReportInput['restated'] = null;
    if (content.reason === 'restatement') {
      const previous = Math.max(0, ...summary.versions.map((v) => v.version).filter((v) => v < content.version));
      if (previous > 0) {
        const before = await this.periods.report(id, previous, actor);
        const differences = comparePeriodFigures(before.content.figures, content.figures);
        restated = {
          previousVersion: previous,
          differences: actor.protectedView ? protectedDifferences(differences, before.shownFigures, report.shownFigures) : differences,
        };
      }
    }

    let pending: PeriodReportInput['pending'] = null;
    if (inForce) {
      const detail = await this.periods.detail(id, actor);
      if (detail.restatement && detail.current) {
        pending = actor.protectedView
          ? protectedDifferences(detail.restatement.differences, report.shownFigures, detail.current.figures)
          : detail.restatement.differences;
      }
    }

    const config = this.configuration.current();
    return {
      report,
      input: {
        lang,
        content,
        fingerprint: report.fingerprint,
        intact: report.intact,
        shownFigures: report.shownFigures,
        protectedView: actor.protectedView,
        inForce,
        signOffs: shown.signOffs,
        restated,
        pending,
        communities: config.communities,
        activityTypes: config.activityTypes,
        surveys: config.surveys,
        smallCountLabel: config.project.smallCounts.label,
        suppressionNote: suppressionNote(config.project.smallCounts, lang),
        printedBy: viewer.email,
        printedAt: this.environment.now(),
      },
    };
  }

  private async recorded(action: 'export.period-pdf' | 'export.period-xlsx', input: PeriodReportInput, viewer: Viewer, lang: Lang): Promise<void> {
    const { period, version } = input.content;
    await this.audit.recordAction(action, 'export', `${period.id}/${version}`, viewer.email, viewer.address, {
      period: period.id,
      version,
      fingerprint: input.fingerprint,
      lang,
      protectedView: input.protectedView,
    });
  }

  private baseName(input: PeriodReportInput): string {
    const name = input.content.period.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return `okres-${name || input.content.period.id}-wersja-${input.content.version}`;
  }
}
