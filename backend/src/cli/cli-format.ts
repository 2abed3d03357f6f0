import { truncateTo, type IndicatorStatus } from '@osl/pipelines';
import type { IndicatorValueRecord } from '../repositories/analytics.repository.ts';
import type { FileImportReport } from '../services/import.service.ts';
import type { PipelineRunReport } from '../services/pipeline.service.ts';

const statusLabels: Record<IndicatorStatus, string> = {
  on_track: 'zgodnie z planem',
  at_risk: 'zagrożony',
  behind: 'opóźniony',
  achieved: 'osiągnięty',
  not_achieved: 'nieosiągnięty',
  no_data: 'brak danych',
  no_target: 'brak celu',
  not_started: 'nie rozpoczęty',
};

const importStatus = {
  pl: { imported: 'zaimportowano', rejected: 'ODRZUCONO', unchanged: 'bez zmian (ten sam plik już zaimportowano)' },
  en: { imported: 'imported', rejected: 'REJECTED', unchanged: 'unchanged (this file was already imported)' },
};

export function formatImportReports(reports: FileImportReport[], lang: 'pl' | 'en'): string {
  const lines: string[] = [];
  for (const r of reports) {
    const counts =
      r.status === 'imported'
        ? lang === 'pl'
          ? ` — ${r.rows} wierszy: ${r.created} nowych, ${r.updated} zmienionych`
          : ` — ${r.rows} rows: ${r.created} new, ${r.updated} updated`
        : '';
    lines.push(`${r.file} [${r.kind ?? '?'}]: ${importStatus[lang][r.status]}${counts}`);
    for (const e of r.errors) lines.push(`  ${lang === 'pl' ? 'błąd' : 'error'}${where(e)}: ${e.message}`);
    for (const w of r.warnings) lines.push(`  ${lang === 'pl' ? 'uwaga' : 'warning'}${where(w)}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function where(issue: { row: number | null; column: string | null; value: string | null }): string {
  const parts = [issue.row !== null ? `wiersz ${issue.row}` : null, issue.column, issue.value !== null ? `„${issue.value}”` : null].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function formatIndicatorTable(rows: IndicatorValueRecord[]): string {
  if (rows.length === 0) return 'Brak opublikowanych wyników: uruchom `npm run osl -- pipeline run`.\n';
  const header = ['wskaźnik', 'zakres', 'rok', 'wartość', 'cel', 'realizacja', 'status'];
  const body = rows.map((r) => [
    r.code,
    r.community,
    String(r.year),
    r.value === null ? '—' : String(r.value),
    r.target === null ? '—' : String(r.target),
    // Truncated like the dashboard's: a value below its target never reads 100%.
    r.achievement === null ? '—' : `${truncateTo(r.achievement * 100, 1).toFixed(1)}%`,
    statusLabels[r.status] ?? r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...body.map(line)].join('\n')}\n`;
}

export function formatPipelineRun(run: PipelineRunReport): string {
  const head = `Przebieg #${run.id} (${run.mode}): ${run.status === 'succeeded' ? 'zakończony' : `BŁĄD: ${run.error}`}`;
  return `${head}\n${run.steps.map((s) => `  ${s.name}: ${s.rowsRead} → ${s.rowsWritten} wierszy, ${s.ms} ms`).join('\n')}\n`;
}
