import { Inject, Injectable } from '@nestjs/common';
import {
  absenceKind,
  absenceLabels,
  indicatorStatusLabels,
  indicatorUnitLabels,
  labelOf,
  yesNoLabels,
  type ConfigSnapshot,
  type SmallCountsConfig,
} from '@osl/data';
import type { Viewer } from '../auth/viewer.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { AuditService } from './audit.service.ts';
import { renderExport, type ExportFormat, type ExportTable } from './export-format.ts';
import { IndicatorSourcesService } from './indicator-sources.service.ts';
import { IndicatorsService } from './indicators.service.ts';
import { ParticipantsService, type LapsedFilter } from './participants.service.ts';
import { DomainError } from '../lib/domain-error.ts';
import { isCalendarDate } from '../lib/calendar-date.ts';
import { SummaryPdfService } from './summary-pdf.service.ts';
import { ConfigurationService } from './configuration.service.ts';
import { cell, dateText, type ExcelCell } from '../exports/excel-cell.ts';
import { exportWords, fill, scopeWords, wordedColumns } from '../exports/export-words.ts';
import { currentLanguage } from '../lib/request-language.ts';
import type { Lang } from '../lib/message-template.ts';

/** What an export shows; the rest of the ExportTable is the same for every export. */
type ExportContent = Pick<ExportTable, 'sheetName' | 'title' | 'columns' | 'rows'>;

// One mark for every hidden figure: a different one for the second cells would tell which are the small counts.
export function suppressionNote({ limit, label }: SmallCountsConfig, lang: Lang): string {
  const most = limit - 1;
  if (lang === 'en') {
    return `“${label}”: ${most === 1 ? '1 person' : `1–${most} persons`}, or a figure hidden so that such a count cannot be worked out from it (GDPR).`;
  }
  const few = most % 10 >= 2 && most % 10 <= 4 && !(most % 100 >= 12 && most % 100 <= 14);
  return `„${label}”: ${most === 1 ? '1 osoba' : `1–${most} ${few ? 'osoby' : 'osób'}`} albo liczba ukryta, by nie dało się z niej odtworzyć takiej liczby (RODO).`;
}

/** A figure in its unit: a percentage indicator's value (69.9) as a percentage cell, a count as a number. */
function figureCell(value: number | null | undefined, unit: string, decimals = 1): ExcelCell {
  if (value === null || value === undefined) return cell.empty;
  return unit === 'percent' ? cell.percent(value / 100, 1) : cell.number(value, decimals);
}

/** Exports (XLSX, CSV, PDF) of the indicator table, one value's sources and the lapsed list: in the request's language, always with small counts suppressed, always audited. */
@Injectable()
export class ExportsService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(IndicatorsService) private readonly indicators: IndicatorsService,
    @Inject(IndicatorSourcesService) private readonly sources: IndicatorSourcesService,
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SummaryPdfService) private readonly pdf: SummaryPdfService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(ParticipantsService) private readonly participants: ParticipantsService,
  ) {}

  async indicatorTable(viewer: Viewer, format: ExportFormat) {
    const lang = currentLanguage();
    const config = this.config;
    // Every export is suppressed, whoever exports it (docs/spec/domain.md), with the auditor's one mask.
    const values = await this.indicators.list({}, 'suppressed');
    const hidden = cell.text(config.project.smallCounts.label);
    const names = new Map(config.indicators.map((i) => [i.code, lang === 'pl' ? i.namePl : i.nameEn]));
    const years = `${config.project.periodStart.slice(0, 4)}–${config.project.periodEnd.slice(0, 4)}`;
    const table: ExportContent = {
      sheetName: exportWords.sheet.indicators[lang],
      title: `OSL Monitor — ${config.project.name} — ${exportWords.indicators[lang]}: ${exportWords.allYears[lang]} ${years}`,
      columns: wordedColumns(exportWords.columns.indicators, lang),
      rows: values.map((v) => ({
        code: cell.text(v.code),
        name: cell.text(names.get(v.code) ?? v.code),
        community: cell.text(scopeWords(v.community, config.communities, lang)),
        year: cell.year(v.year),
        unit: cell.text(labelOf(indicatorUnitLabels, v.unit, lang)),
        baseline: figureCell(v.baseline, v.unit),
        target: figureCell(v.target, v.unit),
        value: v.suppressed?.includes('value') ? hidden : figureCell(v.value, v.unit),
        expected: figureCell(v.expected, v.unit),
        achievement: v.suppressed?.includes('achievement') ? hidden : cell.achievement(v.achievement),
        status: v.suppressed?.includes('status') ? hidden : v.status === null ? cell.empty : cell.text(labelOf(indicatorStatusLabels, v.status, lang)),
      })),
    };
    return this.deliver(table, lang, format, viewer, 'export.indicators', 'wskazniki', null);
  }

  async indicatorSources(viewer: Viewer, format: ExportFormat, code: string, raw: { year?: string; community?: string }) {
    const lang = currentLanguage();
    const config = this.config;
    const found = await this.sources.sources(code, raw, 'suppressed');
    const label = config.project.smallCounts.label;
    const count = (value: number | null | undefined) => (value === null || value === undefined ? cell.text(label) : cell.number(value));
    const types = new Map(config.activityTypes.map((t) => [t.code, lang === 'pl' ? t.namePl : t.nameEn]));
    const window = found.window ? ` (${dateText(found.window.from)} – ${dateText(found.window.to)})` : '';
    const table: ExportContent = {
      sheetName: `${exportWords.sheet.sources[lang]} ${found.indicator.code} ${found.year}`,
      title:
        `OSL Monitor — ${config.project.name} — ${exportWords.sourcesOf[lang]} ${found.indicator.code} ` +
        `„${lang === 'pl' ? found.indicator.namePl : found.indicator.nameEn}”, ${scopeWords(found.community, config.communities, lang)}, ${found.year}${window}`,
      columns: wordedColumns(exportWords.columns.sources, lang),
      rows: found.activities.map((a) => ({
        date: cell.date(a.date),
        externalId: cell.text(a.externalId),
        community: cell.text(scopeWords(a.community, config.communities, lang)),
        type: cell.text(types.get(a.type) ?? a.type),
        title: cell.text(a.title),
        attendances: count(a.attendances),
        named: count(a.namedAttendances),
        anonymous: count(a.anonymousAttendances),
        file: cell.text(a.source.file),
        row: cell.number(a.source.row),
        importedBy: cell.text(a.source.importedBy),
        importedAt: cell.dateTime(a.source.importedAt),
        lists: cell.text(a.attendanceLists.map((l) => `${l.file} (${l.attendances ?? label})`).join('; ')),
      })),
    };
    return this.deliver(
      table,
      lang,
      format,
      viewer,
      'export.indicator-sources',
      `zrodla-${found.indicator.code}-${found.community}-${found.year}`,
      `${found.indicator.code}/${found.community}/${found.year}`,
    );
  }

  /**
   * "Who has not come back" in a community, narrowed as on its page. Participant codes only: names
   * never leave the operational database in a file (docs/spec/domain.md), whoever exports.
   */
  async lapsedParticipants(viewer: Viewer, format: 'xlsx' | 'csv', code: string, raw: { search?: string; lastFrom?: string; lastTo?: string }) {
    const filter: LapsedFilter = { search: raw.search || undefined };
    for (const name of ['lastFrom', 'lastTo'] as const) {
      const value = raw[name];
      if (value === undefined || value === '') continue;
      if (!isCalendarDate(value)) throw DomainError.invalid('filter.date', { name });
      filter[name] = value;
    }
    const lang = currentLanguage();
    const config = this.config;
    const list = await this.participants.lapsed(code, viewer, filter);
    const narrowed = [
      filter.search && `„${filter.search}”`,
      filter.lastFrom && `${exportWords.from[lang]} ${dateText(filter.lastFrom)}`,
      filter.lastTo && `${exportWords.to[lang]} ${dateText(filter.lastTo)}`,
    ].filter(Boolean);
    const rule = fill(exportWords.lapsedRule, lang, {
      min: list.regular.minAttendances,
      weeks: list.regular.withinWeeks,
      days: list.lapsedAfterDays,
    });
    const table: ExportContent = {
      sheetName: exportWords.sheet.lapsed[lang],
      title:
        `OSL Monitor — ${config.project.name} — ${exportWords.lapsedTitle[lang]} — ${scopeWords(list.community, config.communities, lang)}: ${rule}; ${exportWords.lapsedOrder[lang]}` +
        (narrowed.length ? ` (${narrowed.join(', ')})` : ''),
      columns: wordedColumns(exportWords.columns.lapsed, lang),
      rows: list.lapsed.map((p) => ({
        code: cell.text(p.code),
        otherCommunity: cell.text(yesNoLabels[p.fromOtherCommunity ? 'yes' : 'no'][lang]),
        absence: cell.text(p.absence ? absenceLabels[absenceKind(p.absence)][lang] : null),
        absenceProbability: cell.percent(p.absence?.absenceProbability, 2),
        usualRate: cell.percent(p.absence?.usualRate, 0),
        missed: cell.number(p.absence ? Math.round(p.absence.missed) : null),
        missedSince: cell.date(p.absence?.missedSince),
        lastAttended: cell.date(p.lastAttended),
        daysAway: cell.number(p.daysAway),
        attendances: cell.number(p.attendances),
        firstAttended: cell.date(p.firstAttended),
      })),
    };
    return this.deliver(table, lang, format, viewer, 'export.lapsed', `kto-nie-wrocil-${list.community}`, list.community, null);
  }

  /** Renders the table, stamped with who exports it, when, the data's date and the suppression note (figures only); and audits the export. */
  private async deliver(
    content: ExportContent,
    lang: Lang,
    format: ExportFormat,
    viewer: Viewer,
    action: string,
    baseName: string,
    entityId: string | null,
    note: string | null = suppressionNote(this.config.project.smallCounts, lang),
  ) {
    const table: ExportTable = {
      ...content,
      lang,
      exportedBy: viewer.email,
      exportedAt: new Date(),
      dataAsOf: this.analytics.published()?.builtAt ?? null,
      ...(note ? { note } : {}),
    };
    const rendered = await renderExport(table, format, (html) => this.pdf.printHtml(html));
    await this.audit.recordAction(action, 'export', entityId, viewer.email, viewer.address, { format, rows: table.rows.length });
    return { ...rendered, fileName: `${baseName}.${rendered.extension}` };
  }
}
