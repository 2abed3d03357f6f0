import { FileRejectedError } from '../import.errors.ts';
import type { ImportKind, RawRow, RawTable, ReadLimits } from '../import.types.ts';
import { readCsv } from './csv-reader.ts';
import { megabytes } from './megabytes.ts';
import { ReaderThread } from './reader-thread.ts';
import { isEmptyRow } from './values.ts';
import { defaultMaxSheetXmlBytes, defaultMaxUncompressedBytes, readXlsx } from './xlsx-reader.ts';

export { FileRejectedError } from '../import.errors.ts';
export type { CellValue, RawRow, RawTable, ReadLimits } from '../import.types.ts';

export const defaultMaxLineChars = 1024 * 1024;
export const defaultMaxColumns = 1000;

type Sniffed =
  | { kind: 'zip' }
  | { kind: 'ole' }
  | { kind: 'biff'; version: string }
  | { kind: 'utf16' }
  | { kind: 'text' }
  | { kind: 'html' }
  | { kind: 'spreadsheet-xml' }
  | { kind: 'other'; detected: string };

const SNIFF_BYTES = 8192;
const utf16 = (text: string) => Buffer.from(text, 'utf16le');
/** Stream names in an OLE compound file's directory (UTF-16): what the container holds. */
const OLE_STREAMS = {
  encrypted: utf16('EncryptedPackage'),
  biff8: utf16('Workbook'),
  biff5: utf16('Book'),
  word: utf16('WordDocument'),
};
/** The first record of a BIFF2–4 file (Excel 2.x to 4.0), which has no OLE container: BOF with its version. */
const BIFF_BOF: readonly { bytes: readonly number[]; version: string }[] = [
  { bytes: [0x09, 0x00], version: 'Excel 2.x (.xls)' },
  { bytes: [0x09, 0x02], version: 'Excel 3.0 (.xls)' },
  { bytes: [0x09, 0x04], version: 'Excel 4.0 (.xls)' },
];

function startsWith(buffer: Buffer, bytes: readonly number[], offset = 0): boolean {
  if (buffer.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buffer[offset + i] !== bytes[i]) return false;
  return true;
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const MAGIC: readonly { bytes: readonly number[]; detected: string }[] = [
  { bytes: ascii('%PDF'), detected: 'PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], detected: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], detected: 'JPEG' },
  { bytes: ascii('GIF8'), detected: 'GIF' },
  { bytes: [0x1f, 0x8b], detected: 'GZIP' },
  { bytes: ascii('Rar!'), detected: 'RAR' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], detected: '7-Zip' },
  { bytes: ascii('{\\rtf'), detected: 'RTF' },
];

/** What the file is by its first bytes, whatever its name says. */
function sniff(buffer: Buffer): Sniffed {
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buffer, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) return { kind: 'utf16' };
  for (const { bytes, detected } of MAGIC) if (startsWith(buffer, bytes)) return { kind: 'other', detected };
  for (const { bytes, version } of BIFF_BOF)
    if (startsWith(buffer, bytes) && buffer.length >= 8 && buffer.readUInt16LE(2) <= 16) return { kind: 'biff', version };

  const end = Math.min(buffer.length, SNIFF_BYTES);
  let first = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  while (first < end && (buffer[first] === 0x20 || buffer[first] === 0x09 || buffer[first] === 0x0a || buffer[first] === 0x0d)) first++;
  if (buffer[first] === 0x3c /* < */) {
    const head = buffer.subarray(first, end).toString('latin1').toLowerCase();
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') || head.includes('progid="excel.sheet"')) return { kind: 'spreadsheet-xml' };
    if (/<(!doctype html|html|table|meta|body)\b/.test(head)) return { kind: 'html' };
    return { kind: 'other', detected: 'HTML/XML' };
  }
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = buffer[i];
    if (byte === 0) return { kind: 'other', detected: 'binary' };
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) control++;
  }
  if (control > end / 20) return { kind: 'other', detected: 'binary' };
  return { kind: 'text' };
}

const readerThread = new ReaderThread();

/**
 * Reads a CSV or XLSX file into rows of cells, or rejects with `FileRejectedError` for a file that
 * cannot be imported at all. The format is taken from the content (magic bytes), not from the name.
 * A workbook is read in a worker thread within `readTimeoutSeconds` and `readerMemoryMb`: the calling
 * thread (a server's) goes on meanwhile, and a workbook past either limit is refused as too complex.
 * A CSV file is read here: its reading is linear in its bytes and bounded by the line and column
 * limits, and handing its cells over from another thread would cost as much again.
 */
export async function readTable(buffer: Buffer, fileName: string, limits: ReadLimits, kindHint?: ImportKind): Promise<RawTable> {
  if (buffer.length === 0 || buffer.length > limits.maxFileBytes || sniff(buffer).kind !== 'zip')
    return readTableInThisThread(buffer, fileName, limits, kindHint);
  const threadLimits = { timeoutMs: (limits.readTimeoutSeconds ?? 120) * 1000, memoryMb: limits.readerMemoryMb ?? 2048 };
  return readerThread.read(buffer, fileName, limits, kindHint, threadLimits);
}

/** Ends the reader thread (it never keeps a process alive, but a test or a shutdown may end it). */
export function closeReaderThread(): Promise<void> {
  return readerThread.close();
}

/**
 * `readTable`'s work, on the thread that calls it (the reader thread's, or a test's).
 * For XLSX: the sheet named after `kindHint` (or after any kind) if there is one, else the first
 * visible sheet, with the next few visible sheets in `otherSheets`.
 */
export function readTableInThisThread(buffer: Buffer, fileName: string, limits: ReadLimits, kindHint?: ImportKind): RawTable {
  if (buffer.length === 0) throw new FileRejectedError('file_empty', fileName);
  if (buffer.length > limits.maxFileBytes) {
    throw fileTooLargeError(fileName, buffer.length, limits.maxFileBytes);
  }
  const maxColumns = limits.maxColumns ?? defaultMaxColumns;
  const sniffed = sniff(buffer);
  let table: RawTable;
  switch (sniffed.kind) {
    case 'zip':
      table = readXlsx(
        buffer,
        fileName,
        {
          maxRows: limits.maxRows,
          maxColumns,
          maxUncompressedBytes: limits.maxUncompressedBytes ?? defaultMaxUncompressedBytes(limits.maxFileBytes),
          maxSheetXmlBytes: limits.maxSheetXmlBytes ?? defaultMaxSheetXmlBytes,
        },
        kindHint,
      );
      break;
    case 'ole':
      throw oleRefusal(buffer, fileName);
    case 'biff':
      throw new FileRejectedError('xls_version', fileName, { version: sniffed.version });
    case 'html':
      throw new FileRejectedError('html_as_spreadsheet', fileName);
    case 'spreadsheet-xml':
      throw new FileRejectedError('xml_spreadsheet_2003', fileName);
    case 'utf16':
      throw new FileRejectedError('utf16_encoding', fileName);
    case 'other':
      if (sniffed.detected === 'binary') throw new FileRejectedError('binary_file', fileName);
      throw new FileRejectedError('not_spreadsheet', fileName, { detected: sniffed.detected });
    case 'text':
      table = readCsv(buffer, fileName, { maxRows: limits.maxRows, maxLineChars: limits.maxLineChars ?? defaultMaxLineChars, maxColumns });
      break;
  }
  trimTrailingEmptyRows(table.rows);
  for (const sheet of table.otherSheets ?? []) trimTrailingEmptyRows(sheet.rows);
  if (table.rows.length === 0) {
    // A workbook whose first sheet is empty may hold its data on another: choosing it is validation's part.
    const sheets = [table.sheetName ?? '', ...(table.otherSheets ?? []).map((sheet) => sheet.name)];
    if (table.format === 'xlsx' && (table.otherSheets ?? []).some((sheet) => sheet.rows.length > 0)) return table;
    if (table.format === 'xlsx') throw new FileRejectedError('xlsx_all_sheets_empty', fileName, { sheets: sheets.map((name) => `„${name}”`).join(', ') });
    throw new FileRejectedError('file_empty', fileName);
  }
  return table;
}

function trimTrailingEmptyRows(rows: RawRow[]): void {
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1]!.cells)) rows.pop();
}

/**
 * An Office 97–2003 compound file: a workbook of Excel 97–2003 or 5.0/95, an .xlsx encrypted with a
 * password (kept as "EncryptedPackage"), or a Word document; told apart by its streams' names.
 */
function oleRefusal(buffer: Buffer, fileName: string): FileRejectedError {
  if (buffer.includes(OLE_STREAMS.encrypted)) return new FileRejectedError('xlsx_encrypted', fileName);
  if (buffer.includes(OLE_STREAMS.biff8)) return new FileRejectedError('xls_version', fileName, { version: 'Excel 97–2003 (.xls)' });
  if (buffer.includes(OLE_STREAMS.word)) return new FileRejectedError('not_spreadsheet', fileName, { detected: 'DOC (Word 97–2003)' });
  if (buffer.includes(OLE_STREAMS.biff5)) return new FileRejectedError('xls_version', fileName, { version: 'Excel 5.0/95 (.xls)' });
  return new FileRejectedError('xls_version', fileName, { version: 'Excel (.xls)' });
}

/** The refusal of a file over the size limit (also used before a file is read at all). */
export function fileTooLargeError(fileName: string, bytes: number, limitBytes: number): FileRejectedError {
  return new FileRejectedError('file_too_large', fileName, { sizeMb: megabytes(bytes), limitMb: megabytes(limitBytes) });
}
