// exceljs is loaded where a workbook is made or read (await import), not by every command at start.
import iconv from 'iconv-lite';
import { excelDateOf, isoOf, polishDateOf, type Day } from './calendar.ts';
import { withFixedZipTimestamps } from './zip-timestamps.ts';

/** A cell before it is written: text, a number, a calendar date, or empty. */
export type Cell = string | number | { day: Day } | undefined;

export interface Table {
  headers: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** How Polish Excel ("CSV (rozdzielany średnikami)") or a form tool saves a CSV. */
export interface CsvFormat {
  type: 'csv';
  encoding: 'windows-1250' | 'utf-8-bom';
  delimiter: ';' | ',';
  dates: 'polish' | 'iso';
}

export interface XlsxFormat {
  type: 'xlsx';
  sheetName: string;
  /** Lines above the header, as on a printed attendance list. */
  titleLines?: readonly string[];
  mergeTitle?: boolean;
}

export type FileFormat = CsvFormat | XlsxFormat;

function csvText(cell: Cell, format: CsvFormat): string {
  if (cell === undefined) return '';
  if (typeof cell === 'object') return format.dates === 'polish' ? polishDateOf(cell.day) : isoOf(cell.day);
  // Polish Excel writes a decimal comma; a comma-delimited export keeps the point.
  if (typeof cell === 'number') return format.delimiter === ';' ? String(cell).replace('.', ',') : String(cell);
  return cell;
}

function quoteCsv(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(table: Table, format: CsvFormat): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map((cell) => quoteCsv(csvText(cell, format), format.delimiter)).join(format.delimiter));
  return lines.map((line) => `${line}\r\n`).join('');
}

/** Encodes for the file; fails loudly rather than let a character become `?` in Windows-1250. */
export function encodeCsv(text: string, encoding: CsvFormat['encoding']): Buffer {
  if (encoding === 'utf-8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8');
  const bytes = iconv.encode(text, 'win1250');
  const back = iconv.decode(bytes, 'win1250');
  if (back !== text) {
    const at = [...text].findIndex((ch, i) => ch !== [...back][i]);
    throw new Error(`character ${JSON.stringify([...text][at])} has no Windows-1250 code`);
  }
  return bytes;
}

function columnWidth(table: Table, column: number): number {
  const lengths = [table.headers[column]!, ...table.rows.map((r) => r[column])].map((c) =>
    c === undefined ? 0 : typeof c === 'object' ? 10 : String(c).length,
  );
  return Math.min(48, Math.max(8, ...lengths) + 2);
}

/** A workbook as Excel saves it: real dates, numbers as numbers; fixed dates so bytes are repeatable. */
export async function renderXlsx(table: Table, format: XlsxFormat, savedAt: Date): Promise<Buffer> {
  const workbook = new (await import('exceljs')).default.Workbook();
  workbook.creator = 'CUS Starachowice';
  workbook.lastModifiedBy = 'organizator OSL';
  workbook.created = savedAt;
  workbook.modified = savedAt;
  const sheet = workbook.addWorksheet(format.sheetName);
  for (const line of format.titleLines ?? []) {
    const row = sheet.addRow([line]);
    row.font = { bold: true, size: row.number === 1 ? 14 : 11 };
    if (format.mergeTitle) sheet.mergeCells(row.number, 1, row.number, table.headers.length);
  }
  if (format.titleLines?.length) sheet.addRow([]);
  const header = sheet.addRow([...table.headers]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((c) => (c === undefined ? null : typeof c === 'object' ? excelDateOf(c.day) : c)));
    cells.forEach((c, i) => {
      if (c !== undefined && typeof c === 'object') row.getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
  }
  table.headers.forEach((_, i) => {
    sheet.getColumn(i + 1).width = columnWidth(table, i);
  });
  const zipped = Buffer.from(await workbook.xlsx.writeBuffer());
  return withFixedZipTimestamps(zipped, savedAt);
}

export async function renderFile(table: Table, format: FileFormat, savedAt: Date): Promise<Buffer> {
  return format.type === 'xlsx' ? renderXlsx(table, format, savedAt) : encodeCsv(renderCsv(table, format), format.encoding);
}
