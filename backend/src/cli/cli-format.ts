import { truncateTo } from '@osl/pipelines';
import type { IndicatorValueRecord } from '../repositories/analytics.repository.ts';
import type { FileImportReport } from '../services/import.service.ts';
import type { AuditChainVerdict } from '../services/audit.service.ts';
import type { PipelineRunReport } from '../services/pipeline.service.ts';
import { formatMessage, type Lang } from '../lib/messages.ts';
import { stepNameIn } from '../repositories/pipeline-run-words.ts';
import { cliWords } from './cli-words.ts';

export function formatImportReports(reports: FileImportReport[], lang: Lang): string {
  const words = cliWords[lang];
  const lines: string[] = [];
  for (const r of reports) {
    const counts = r.status === 'imported' ? words.importCounts(r.rows, r.created, r.updated) : '';
    lines.push(`${r.file} [${r.kind ?? '?'}]: ${words.importStatus[r.status]}${counts}`);
    for (const e of r.errors) lines.push(`  ${words.error}${where(e, lang)}: ${e.message}`);
    for (const w of r.warnings) lines.push(`  ${words.warning}${where(w, lang)}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function where(issue: { row: number | null; column: string | null; value: string | null }, lang: Lang): string {
  const parts = [issue.row !== null ? cliWords[lang].row(issue.row) : null, issue.column, issue.value !== null ? `„${issue.value}”` : null].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function formatIndicatorTable(rows: IndicatorValueRecord[], lang: Lang): string {
  const words = cliWords[lang];
  if (rows.length === 0) return `${words.noResults}\n`;
  const header = words.indicatorHeader;
  const body = rows.map((r) => [
    r.code,
    r.community,
    String(r.year),
    r.value === null ? '—' : String(r.value),
    r.target === null ? '—' : String(r.target),
    // Truncated like the dashboard's: a value below its target never reads 100%.
    r.achievement === null ? '—' : `${truncateTo(r.achievement * 100, 1).toFixed(1)}%`,
    words.status[r.status] ?? r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...body.map(line)].join('\n')}\n`;
}

export function formatPipelineRun(run: PipelineRunReport, lang: Lang): string {
  const words = cliWords[lang].run;
  const head = `${words.head(run.id, formatMessage(`pipeline.mode.${run.mode}`, lang))}: ${run.status === 'succeeded' ? words.succeeded : words.failed(run.error ?? '')}`;
  return `${head}\n${run.steps.map((s) => `  ${stepNameIn(s, lang)}: ${s.rowsRead} → ${s.rowsWritten} ${words.rows}, ${s.ms} ms`).join('\n')}\n`;
}

/** The audit chain's verification in words: intact (how many entries, up to when) or the first broken entry and why. */
export function formatAuditVerdict(verdict: AuditChainVerdict, lang: Lang): string {
  const words = cliWords[lang].auditChain;
  const warsaw = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'Europe/Warsaw',
    }).format(new Date(iso));
  const lines = verdict.firstBroken
    ? [words.broken(verdict.firstBroken.id, verdict.entries), words.reason[verdict.firstBroken.reason]]
    : [words.intact(verdict.entries, verdict.last ? warsaw(verdict.last.at) : null)];
  if (verdict.last?.hash && !verdict.firstBroken) lines.push(words.lastHash(verdict.last.hash));
  return `${lines.join('\n')}\n`;
}
