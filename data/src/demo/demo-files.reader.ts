/**
 * Reads the demo files back, for the tests only: just enough of docs/spec/input-formats.md (header folding,
 * encodings, delimiters, title rows, Excel dates) to check what the generator wrote. The product's
 * importer lives in the backend; this is not a second one.
 */
import fs from 'node:fs/promises';
// exceljs is loaded where a workbook is made or read, not by every command at start.
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { foldName } from './names.ts';

export type Row = Record<string, string>;

/** Header comparison key: case, Polish diacritics, spaces, `-` and `_` do not matter. */
export function foldHeader(text: string): string {
  return foldName(text).replace(/[\s_-]+/g, '_');
}

/** Splits CSV text into records; quoted fields may hold delimiters, quotes and line breaks. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return iconv.decode(bytes, 'win1250');
}

function toRows(headers: string[], records: string[][]): Row[] {
  const keys = headers.map(foldHeader);
  return records.filter((r) => r.some((cell) => cell.trim() !== '')).map((r) => Object.fromEntries(keys.map((key, i) => [key, (r[i] ?? '').trim()])));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  return String(value);
}

export interface ReadTable {
  headers: string[];
  /** Row number of the header as Excel shows it (1-based). */
  headerRow: number;
  rows: Row[];
}

/** A file's rows keyed by folded header; the header row is the first that holds a known column name. */
export async function readTable(file: string, knownHeaders: readonly string[]): Promise<ReadTable> {
  const known = new Set(knownHeaders.map(foldHeader));
  const bytes = await fs.readFile(file);
  let records: string[][];
  if (file.endsWith('.csv')) {
    const text = decodeCsv(bytes);
    const firstLine = text.slice(0, text.indexOf('\n'));
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    records = parseCsv(text, delimiter);
  } else {
    const workbook = new (await import('exceljs')).default.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    records = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      records.push(Array.from({ length: sheet.columnCount }, (_, c) => cellText(row.getCell(c + 1).value)));
    }
  }
  const headerIndex = records.findIndex((r) => r.some((cell) => known.has(foldHeader(cell))));
  if (headerIndex < 0) throw new Error(`${file}: no header row`);
  const headers = records[headerIndex]!.filter((h) => h !== '');
  return { headers, headerRow: headerIndex + 1, rows: toRows(headers, records.slice(headerIndex + 1)) };
}
