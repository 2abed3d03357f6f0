import { Inject, Injectable } from '@nestjs/common';
import { cell, csvLine, csvText, dateTimeText } from '../exports/excel-cell.ts';
import { auditActionLabel, auditChangeLines, auditEntityLabel, changeLineText, type ConfigSnapshot } from '@osl/data';
import { exportWords } from '../exports/export-words.ts';
import { currentLanguage } from '../lib/request-language.ts';
import type { Lang } from '../lib/message-template.ts';
import { AuditChainVerifier, type AuditChainBreak } from '@osl/prisma';
import { AuditQueryRepository, AuditRepository, type AuditEventRecord, type AuditFilter } from '../repositories/audit.repository.ts';
import { DomainError } from '../lib/domain-error.ts';
import { redactedValue } from '../repositories/audited-upsert.ts';
import { ConfigurationService } from './configuration.service.ts';
import { PeriodsService, type FrozenVerdict } from './periods.service.ts';

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  limit?: string;
  offset?: string;
}

const maxPage = 1000;
/** An export holds at most this many events; a narrower filter gets the rest. */
export const maxExportRows = 100_000;

/** Parses the audit filter of a query string; every problem says which parameter and what is expected. */
export function parseAuditFilter(query: AuditQuery, forExport: boolean): AuditFilter {
  const text = (name: keyof AuditQuery, max = 200): string | undefined => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > max) throw DomainError.invalid('filter.text_value', { name, max });
    return value;
  };
  const date = (name: 'from' | 'to'): Date | undefined => {
    const value = text(name, 40);
    if (value === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(new Date(value).getTime())) {
      throw DomainError.invalid('filter.date_or_datetime', { name });
    }
    const parsed = new Date(value);
    // A bare end date includes its whole day.
    if (name === 'to' && value.length === 10) parsed.setUTCDate(parsed.getUTCDate() + 1);
    return parsed;
  };
  const integer = (name: 'limit' | 'offset', fallback: number, max: number): number => {
    const value = text(name, 12);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) > max) throw DomainError.invalid('filter.whole_number', { name, min: 0, max });
    return Number(value);
  };
  return {
    from: date('from'),
    to: date('to'),
    actor: text('actor'),
    action: text('action'),
    entity: text('entity'),
    entityId: text('entityId'),
    limit: forExport ? maxExportRows : Math.max(1, integer('limit', 100, maxPage)),
    offset: forExport ? 0 : integer('offset', 0, 10_000_000),
  };
}

/**
 * Fields of a record that name a person (a participant's first and last name, the key folded from
 * them). The import writes them redacted already; an event is masked again when read by anyone who
 * may not see names, and in every file, so that no older or other writer can leak one.
 */
export const personalNameFields: ReadonlySet<string> = new Set(['firstName', 'lastName', 'nameKey']);

function maskedValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskedValue);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, personalNameFields.has(key) ? redactedValue : maskedValue(field)]));
}

/** The event with every personal name field (at any depth of before/after) shown only as changed. */
export function maskPersonalNames<E extends Pick<AuditEventRecord, 'before' | 'after'>>(event: E): E {
  return { ...event, before: maskedValue(event.before), after: maskedValue(event.after) };
}

/** Names of configured things, for the change lines of a file (a community's name instead of its code). */
export type AuditNames = Pick<ConfigSnapshot, 'communities' | 'activityTypes'>;

/**
 * The trail as CSV for Polish Excel (UTF-8 with BOM, `;`, CRLF, times in Europe/Warsaw, headers in
 * `lang`), personal names masked whoever exports it. Actions, entities and changes are worded as
 * the trail's page words them ("Temat: stary → nowy", one change after another in the cell, so a
 * record stays one line). The cells go through the same module as every other export
 * (exports/excel-cell.ts).
 */
export function auditCsv(
  events: readonly AuditEventRecord[],
  heading: { exportedBy: string; exportedAt: Date; filter: string },
  names: AuditNames,
  lang: Lang = 'pl',
): string {
  const columns = exportWords.columns.audit;
  const context = {
    lang,
    communityName: (code: string) => names.communities.find((c) => c.code === code)?.name ?? code,
    activityTypeName: (code: string) => {
      const type = names.activityTypes.find((t) => t.code === code);
      return type ? (lang === 'pl' ? type.namePl : type.nameEn) : code;
    },
  };
  const changes = (event: AuditEventRecord) => {
    const lines = auditChangeLines(event.before, event.after, context).map(changeLineText);
    return lines.length === 0 ? cell.empty : cell.text(lines.join(changeSeparator));
  };
  const lines = [
    csvText(
      `# OSL Monitor — ${exportWords.auditTitle[lang]} — ${exportWords.exported[lang]}: ${heading.exportedBy}, ${dateTimeText(heading.exportedAt)} — ${exportWords.filter[lang]}: ${heading.filter || '—'}`,
    ),
    (Object.keys(columns) as (keyof typeof columns)[]).map((key) => csvText(columns[key][lang])).join(';'),
    ...events
      .map(maskPersonalNames)
      .map((e) =>
        csvLine([
          cell.number(e.id),
          cell.dateTime(e.at),
          cell.text(e.actor),
          cell.text(auditActionLabel(e, lang)),
          cell.text(auditEntityLabel(e.entity, lang)),
          cell.text(e.entityId),
          changes(e),
          cell.text(e.address),
        ]),
      ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Between the change lines of one cell: a filter's words already use "; ". */
const changeSeparator = ' | ';

/** The audit chain's verification as the API and the command line give it. */
export interface AuditChainVerdict {
  intact: boolean;
  entries: number;
  firstBroken: { id: number; reason: AuditChainBreak } | null;
  checkedAt: string;
  /** The newest entry (its hash is what to write down to anchor the chain), or null for an empty trail. */
  last: { id: number; at: string; hash: string | null } | null;
}

@Injectable()
export class AuditService {
  constructor(
    @Inject(AuditQueryRepository) private readonly query: AuditQueryRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(PeriodsService) private readonly periods: PeriodsService,
  ) {}

  /** The trail's hash chain and every closed period's frozen figures: intact only when both hold. */
  async verify(now: Date = new Date()): Promise<AuditChainVerdict & { periods: FrozenVerdict }> {
    const [chain, periods] = await Promise.all([this.verifyChain(now), this.periods.verifyFrozen()]);
    return { ...chain, intact: chain.intact && periods.intact, periods };
  }

  /** A download or an action outside the operational data (a template, a pipeline run started by hand). */
  async recordAction(action: string, entity: string, entityId: string | null, actor: string, address: string | null, after?: unknown): Promise<void> {
    await this.audit.record([{ actor, action, entity, entityId, after, address }]);
  }

  /** A page of the trail; names masked for a reader who may not see them (everyone but the director). */
  async list(filter: AuditFilter, maySeeNames: boolean) {
    const page = await this.query.list(filter);
    return maySeeNames ? page : { total: page.total, events: page.events.map(maskPersonalNames) };
  }

  /** Everyone who has an event in the trail (staff accounts with their names), for the trail's filter. */
  actors(): Promise<{ actor: string; name: string | null }[]> {
    return this.query.actors();
  }

  /** Walks the whole trail's hash chain in id order and reports its first broken entry, if any. */
  async verifyChain(now: Date = new Date()): Promise<AuditChainVerdict> {
    const verifier = new AuditChainVerifier();
    for await (const page of this.query.chain()) for (const row of page) verifier.push(row);
    const report = verifier.report();
    return {
      intact: report.intact,
      entries: report.entries,
      firstBroken: report.firstBroken,
      checkedAt: now.toISOString(),
      last: report.last ? { id: report.last.id, at: report.last.at.toISOString(), hash: report.last.hash } : null,
    };
  }

  /** The filtered trail as CSV (UTF-8 with BOM, `;`, for Excel); the export itself is recorded. */
  async exportCsv(filter: AuditFilter, filterText: string, actor: string, address: string | null): Promise<{ csv: string; rows: number; truncated: boolean }> {
    const { total, events } = await this.query.list(filter);
    const exportedAt = new Date();
    await this.audit.record([{ actor, action: 'export.audit', entity: 'audit', after: { rows: events.length, filter: filterText }, address }]);
    return {
      csv: auditCsv(events, { exportedBy: actor, exportedAt, filter: filterText }, this.configuration.current(), currentLanguage()),
      rows: events.length,
      truncated: total > events.length,
    };
  }
}
