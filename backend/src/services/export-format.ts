// exceljs is loaded where a workbook is made or read (await import), not by every command at start.
import type { Workbook } from 'exceljs';
import { cell, csvLine, csvText, dateTimeText, displayText, numberFormat, xlsxValue, type ExcelCell } from '../exports/excel-cell.ts';
import { exportWords } from '../exports/export-words.ts';
import type { Lang } from '../lib/message-template.ts';

/** One exported table: a title, who exported it and the data's time, worded columns and typed cells (exports/excel-cell.ts). */
export interface ExportTable {
  /** The language of every word in the file. */
  lang: Lang;
  /** The sheet's name (at most 31 characters in Excel; cut to fit). */
  sheetName: string;
  title: string;
  exportedBy: string;
  exportedAt: Date;
  dataAsOf: string | null;
  columns: { key: string; header: string }[];
  rows: Record<string, ExcelCell>[];
  note?: string;
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** One CSV text field: quoted when needed; a leading = + - @ is neutralised so a spreadsheet does not run it. */
export function csvField(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return csvText(text);
}

/** The lines above the table: what it is, the data's moment ("stan na"), who exported it and when, the note. */
export function headingLines(table: Pick<ExportTable, 'lang' | 'title' | 'exportedBy' | 'exportedAt' | 'dataAsOf' | 'note'>): string[] {
  const { lang } = table;
  return [
    table.title,
    `${exportWords.dataAsOf[lang]}: ${table.dataAsOf ? dateTimeText(new Date(table.dataAsOf)) : exportWords.noData[lang]}`,
    `${exportWords.exported[lang]}: ${table.exportedBy}, ${dateTimeText(table.exportedAt)}`,
    ...(table.note ? [table.note] : []),
  ];
}

/** CSV for Polish Excel: UTF-8 with BOM, `;`, CRLF, the heading as '#' lines above the header row. */
export function exportCsv(table: ExportTable): Buffer {
  const lines = [
    ...headingLines(table).map((line) => csvText(`# ${line}`)),
    table.columns.map((c) => csvText(c.header)).join(';'),
    ...table.rows.map((row) => csvLine(table.columns.map((c) => row[c.key] ?? cell.empty))),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A column wide enough for its header (wrapped at spaces past 24 characters) and its longest cell, within 8–60. */
export function columnWidth(header: string, cells: readonly ExcelCell[], lang: Lang): number {
  const headerWidth = header.length <= 24 ? header.length : Math.max(...header.split(' ').map((w) => w.length), 24);
  const longest = cells.reduce((most, c) => Math.max(most, displayText(c, lang).length), 0);
  return Math.min(60, Math.max(8, headerWidth, longest) + 2);
}

/** An Excel sheet name: at most 31 characters, none of []:*?/\\. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Dane'
  );
}

/** XLSX: the heading in the first rows, a bold, frozen, filterable header row, typed cells with their number formats. */
export async function exportXlsx(table: ExportTable): Promise<Buffer> {
  return exportWorkbook([table]);
}

/** XLSX of several tables, one sheet each (named after its table, in order). */
export async function exportWorkbook(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new (await import('exceljs')).default.Workbook();
  workbook.creator = 'OSL Monitor';
  workbook.created = tables[0]?.exportedAt ?? new Date();
  workbook.title = tables[0]?.title ?? '';
  for (const table of tables) addTableSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTableSheet(workbook: Workbook, table: ExportTable): void {
  const sheet = workbook.addWorksheet(sheetName(table.sheetName));
  const heading = headingLines(table);
  heading.forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = line;
    if (i === 0) sheet.getCell(i + 1, 1).font = { bold: true, size: 13 };
  });
  const headerRow = heading.length + 2;
  table.columns.forEach((column, i) => {
    const header = sheet.getCell(headerRow, i + 1);
    header.value = column.header;
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    sheet.getColumn(i + 1).width = columnWidth(
      column.header,
      table.rows.map((row) => row[column.key] ?? cell.empty),
      table.lang,
    );
  });
  table.rows.forEach((row, r) => {
    table.columns.forEach((column, c) => {
      const content = row[column.key] ?? cell.empty;
      const target = sheet.getCell(headerRow + 1 + r, c + 1);
      target.value = xlsxValue(content);
      const format = numberFormat(content);
      if (format) target.numFmt = format;
      // "<3" and other marks in a column of numbers keep to the right, beside the numbers.
      if (content.kind === 'text' && /^[<>]?\d/.test(content.text)) target.alignment = { horizontal: 'right' };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
}

/** Text for HTML: markup characters as character references. */
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The table as a printable HTML page (A4 landscape), for the PDF. */
export function exportHtml(table: ExportTable): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const numeric = new Set(['number', 'percent']);
  const body = table.rows
    .map(
      (row) =>
        `<tr>${table.columns
          .map((c) => {
            const content = row[c.key] ?? cell.empty;
            return `<td class="${numeric.has(content.kind) ? 'num' : ''}">${escapeHtml(displayText(content, table.lang))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${table.lang}"><head><meta charset="utf-8"><title>${escapeHtml(table.title)}</title><style>
@page { size: A4 landscape; margin: 10mm; }
body { font: 8.5pt system-ui, "DejaVu Sans", sans-serif; color: #1f2933; }
h1 { font-size: 12pt; margin: 0 0 4pt; }
p { margin: 0 0 2pt; color: #5b6570; }
table { border-collapse: collapse; width: 100%; margin-top: 6pt; }
th, td { border-bottom: 0.5pt solid #c4cad1; padding: 2pt 3pt; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
</style></head><body><h1>${escapeHtml(table.title)}</h1>${headingLines(table)
    .slice(1)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')}<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></body></html>`;
}

export async function renderExport(
  table: ExportTable,
  format: ExportFormat,
  printPdf?: (html: string) => Promise<Buffer>,
): Promise<{ content: Buffer; contentType: string; extension: string }> {
  if (format === 'csv') return { content: exportCsv(table), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  if (format === 'pdf') {
    if (!printPdf) throw new Error('no PDF printer');
    return { content: await printPdf(exportHtml(table)), contentType: 'application/pdf', extension: 'pdf' };
  }
  return { content: await exportXlsx(table), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
}
