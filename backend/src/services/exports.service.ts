import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot, SmallCountsConfig } from '@osl/data';
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

/** What an export shows; the rest of the ExportTable is the same for every export. */
type ExportContent = Pick<ExportTable, 'title' | 'columns' | 'rows'>;

// One mark for every hidden figure: a different one for the second cells would tell which are the small counts.
export function suppressionNote({ limit, label }: SmallCountsConfig): string {
  const most = limit - 1;
  const few = most % 10 >= 2 && most % 10 <= 4 && !(most % 100 >= 12 && most % 100 <= 14);
  const pl = most === 1 ? '1 osoba' : `1–${most} ${few ? 'osoby' : 'osób'}`;
  const en = most === 1 ? '1 person' : `1–${most} persons`;
  return `"${label}": ${pl} albo liczba ukryta, by nie dało się z niej odtworzyć takiej liczby (RODO) / "${label}": ${en}, or a figure hidden so that such a count cannot be worked out from it (GDPR).`;
}

/** Exports (XLSX, CSV) of the indicator table and of one value's sources: always with small counts suppressed, always audited. */
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
    // Every export is suppressed, whoever exports it (docs/spec/domain.md), with the auditor's one mask.
    const values = await this.indicators.list({}, 'suppressed');
    const suppressedLabel = this.config.project.smallCounts.label;
    const names = new Map(this.config.indicators.map((i) => [i.code, i]));
    const table: ExportContent = {
      title: `OSL Monitor — wskaźniki / indicators — ${this.config.project.name}`,
      columns: [
        { key: 'code', header: 'Kod / code', width: 8 },
        { key: 'name', header: 'Wskaźnik / indicator', width: 48 },
        { key: 'community', header: 'Społeczność / community', width: 12 },
        { key: 'year', header: 'Rok / year', width: 8 },
        { key: 'unit', header: 'Jednostka / unit', width: 12 },
        { key: 'baseline', header: 'Wartość bazowa / baseline', width: 12 },
        { key: 'target', header: 'Cel / target', width: 10 },
        { key: 'value', header: 'Wartość / value', width: 10 },
        { key: 'expected', header: 'Oczekiwane na dziś / expected to date', width: 14 },
        { key: 'achievement', header: 'Realizacja / achievement', width: 12 },
        { key: 'status', header: 'Status', width: 12 },
      ],
      rows: values.map((v) => ({
        code: v.code,
        name: names.get(v.code)?.namePl ?? v.code,
        community: v.community,
        year: v.year,
        unit: v.unit,
        baseline: v.baseline,
        target: v.target,
        value: v.suppressed?.includes('value') ? suppressedLabel : v.value,
        expected: v.expected,
        achievement: v.suppressed?.includes('achievement') ? suppressedLabel : v.achievement,
        status: v.suppressed?.includes('status') ? suppressedLabel : v.status,
      })),
    };
    return this.deliver(table, format, viewer, 'export.indicators', 'wskazniki', null);
  }

  async indicatorSources(viewer: Viewer, format: ExportFormat, code: string, raw: { year?: string; community?: string }) {
    const found = await this.sources.sources(code, raw, 'suppressed');
    const suppressedLabel = this.config.project.smallCounts.label;
    const table: ExportContent = {
      title: `OSL Monitor — ${found.indicator.code} ${found.indicator.namePl}, ${found.community}, ${found.year}${found.window ? ` (${found.window.from} – ${found.window.to})` : ''}`,
      columns: [
        { key: 'date', header: 'Data / date', width: 12 },
        { key: 'externalId', header: 'Id działania / activity id', width: 16 },
        { key: 'community', header: 'Społeczność / community', width: 10 },
        { key: 'type', header: 'Rodzaj / type', width: 12 },
        { key: 'title', header: 'Tytuł / title', width: 36 },
        { key: 'attendances', header: 'Obecności / attendances', width: 12 },
        { key: 'named', header: 'Z listy / listed', width: 10 },
        { key: 'anonymous', header: 'Bez listy / unlisted', width: 10 },
        { key: 'file', header: 'Plik dziennika / log file', width: 28 },
        { key: 'row', header: 'Wiersz / row', width: 8 },
        { key: 'importedBy', header: 'Zaimportował / imported by', width: 22 },
        { key: 'importedAt', header: 'Kiedy / when', width: 22 },
        { key: 'lists', header: 'Listy obecności / attendance lists', width: 36 },
      ],
      rows: found.activities.map((a) => ({
        date: a.date,
        externalId: a.externalId,
        community: a.community,
        type: a.type,
        title: a.title,
        attendances: a.attendances ?? suppressedLabel,
        named: a.namedAttendances ?? suppressedLabel,
        anonymous: a.anonymousAttendances ?? suppressedLabel,
        file: a.source.file,
        row: a.source.row,
        importedBy: a.source.importedBy,
        importedAt: new Date(a.source.importedAt).toISOString(),
        lists: a.attendanceLists.map((l) => `${l.file} (${l.attendances ?? suppressedLabel})`).join('; '),
      })),
    };
    return this.deliver(
      table,
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
    const list = await this.participants.lapsed(code, viewer, filter);
    const narrowed = [
      filter.search && `„${filter.search}”`,
      filter.lastFrom && `od / from ${filter.lastFrom}`,
      filter.lastTo && `do / to ${filter.lastTo}`,
    ].filter(Boolean);
    const table: ExportContent = {
      title:
        `OSL Monitor — kto nie wrócił / who has not come back — ${list.community}: ` +
        `${list.regular.minAttendances}+ obecności w ${list.regular.withinWeeks} tyg., ${list.lapsedAfterDays}+ dni przerwy / ` +
        `${list.regular.minAttendances}+ attendances in ${list.regular.withinWeeks} weeks, ${list.lapsedAfterDays}+ days away` +
        (narrowed.length ? ` (${narrowed.join(', ')})` : ''),
      columns: [
        { key: 'code', header: 'Kod / code', width: 14 },
        { key: 'otherCommunity', header: 'Z innej społeczności / from another community', width: 14 },
        { key: 'lastAttended', header: 'Ostatnia obecność / last attended', width: 14 },
        { key: 'daysAway', header: 'Dni przerwy / days away', width: 10 },
        { key: 'attendances', header: 'Obecności / attendances', width: 10 },
        { key: 'firstAttended', header: 'Pierwsza obecność / first attended', width: 14 },
      ],
      rows: list.lapsed.map((p) => ({
        code: p.code,
        otherCommunity: p.fromOtherCommunity ? 'tak / yes' : 'nie / no',
        lastAttended: p.lastAttended,
        daysAway: p.daysAway,
        attendances: p.attendances,
        firstAttended: p.firstAttended,
      })),
    };
    return this.deliver(table, format, viewer, 'export.lapsed', `kto-nie-wrocil-${list.community}`, list.community, null);
  }

  /** Renders the table, stamped with who exports it, when, the data's date and the suppression note (figures only); and audits the export. */
  private async deliver(
    content: ExportContent,
    format: ExportFormat,
    viewer: Viewer,
    action: string,
    baseName: string,
    entityId: string | null,
    note: string | null = suppressionNote(this.config.project.smallCounts),
  ) {
    const table: ExportTable = {
      ...content,
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
