// exceljs is loaded where a workbook is made or read (await import), not by every command at start.

/** One exported table: a title, who exported it and the data's time, columns and rows. */
export interface ExportTable {
  title: string;
  exportedBy: string;
  exportedAt: Date;
  dataAsOf: string | null;
  columns: { key: string; header: string; width?: number }[];
  rows: Record<string, string | number | null>[];
  note?: string;
}

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so a spreadsheet does not run it. */
export function csvField(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function headingLines(table: ExportTable): string[] {
  return [
    table.title,
    `Eksport / exported by: ${table.exportedBy}, ${table.exportedAt.toISOString()}`,
    `Dane z / data as of: ${table.dataAsOf ?? '—'}`,
    ...(table.note ? [table.note] : []),
  ];
}

/** CSV for Excel: UTF-8 with BOM, ';', the heading as '#' lines above the header row. */
export function exportCsv(table: ExportTable): Buffer {
  const lines = [
    ...headingLines(table).map((line) => `# ${line}`),
    table.columns.map((c) => csvField(c.header)).join(';'),
    ...table.rows.map((row) => table.columns.map((c) => csvField(row[c.key])).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** XLSX: the heading in the first rows, a frozen, filterable header row, numbers as numbers. */
export async function exportXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new (await import('exceljs')).default.Workbook();
  workbook.creator = 'OSL Monitor';
  workbook.created = table.exportedAt;
  const sheet = workbook.addWorksheet('Dane');
  const heading = headingLines(table);
  heading.forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = line;
    if (i === 0) sheet.getCell(i + 1, 1).font = { bold: true, size: 13 };
  });
  const headerRow = heading.length + 2;
  table.columns.forEach((column, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    sheet.getColumn(i + 1).width = column.width ?? Math.max(10, column.header.length + 2);
  });
  table.rows.forEach((row, r) => {
    table.columns.forEach((column, c) => {
      const value = row[column.key];
      sheet.getCell(headerRow + 1 + r, c + 1).value = value === null || value === undefined ? null : value;
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Text for HTML: markup characters as character references. */
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The table as a printable HTML page (A4 landscape), for the PDF. */
export function exportHtml(table: ExportTable): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${table.columns.map((c) => `<td class="${typeof row[c.key] === 'number' ? 'num' : ''}">${escapeHtml(row[c.key])}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>${escapeHtml(table.title)}</title><style>
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
