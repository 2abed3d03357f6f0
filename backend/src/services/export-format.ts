import ExcelJS from 'exceljs';

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

export type ExportFormat = 'csv' | 'xlsx';

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so a spreadsheet does not run it. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
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
  const workbook = new ExcelJS.Workbook();
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

export async function renderExport(table: ExportTable, format: ExportFormat): Promise<{ content: Buffer; contentType: string; extension: string }> {
  if (format === 'csv') return { content: exportCsv(table), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  return { content: await exportXlsx(table), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
}
