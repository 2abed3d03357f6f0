import { FileRejectedError } from '../import.errors.ts';
import type { ImportKind, RawTable, ReadLimits } from '../import.types.ts';
import { readCsv } from './csv-reader.ts';
import { isEmptyRow } from './values.ts';
import { defaultMaxSheetXmlBytes, defaultMaxUncompressedBytes, readXlsx } from './xlsx-reader.ts';

export { FileRejectedError } from '../import.errors.ts';
export type { CellValue, RawRow, RawTable, ReadLimits } from '../import.types.ts';

export const defaultMaxLineChars = 1024 * 1024;
export const defaultMaxColumns = 1000;

type Sniffed = { kind: 'zip' } | { kind: 'ole' } | { kind: 'utf16' } | { kind: 'text' } | { kind: 'other'; detected: string };

const SNIFF_BYTES = 8192;
const ENCRYPTED_PACKAGE_UTF16 = Buffer.from('EncryptedPackage', 'utf16le');

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

  const end = Math.min(buffer.length, SNIFF_BYTES);
  let first = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  while (first < end && (buffer[first] === 0x20 || buffer[first] === 0x09 || buffer[first] === 0x0a || buffer[first] === 0x0d)) first++;
  if (buffer[first] === 0x3c /* < */) return { kind: 'other', detected: 'HTML/XML' };
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = buffer[i];
    if (byte === 0) return { kind: 'other', detected: 'binary' };
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) control++;
  }
  if (control > end / 20) return { kind: 'other', detected: 'binary' };
  return { kind: 'text' };
}

/**
 * Reads a CSV or XLSX file into rows of cells, or throws `FileRejectedError` for a file that cannot
 * be imported at all. The format is taken from the content (magic bytes), not from the name.
 * For XLSX: the sheet named after `kindHint` (or after any kind) if there is one, else the first sheet.
 */
export async function readTable(buffer: Buffer, fileName: string, limits: ReadLimits, kindHint?: ImportKind): Promise<RawTable> {
  if (buffer.length === 0) throw new FileRejectedError('file_empty', fileName);
  if (buffer.length > limits.maxFileBytes) {
    throw fileTooLargeError(fileName, buffer.length, limits.maxFileBytes);
  }
  const maxColumns = limits.maxColumns ?? defaultMaxColumns;
  const sniffed = sniff(buffer);
  let table: RawTable;
  switch (sniffed.kind) {
    case 'zip':
      table = await readXlsx(
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
      // Office 97–2003 container: an old .xls, or an .xlsx encrypted with a password (stored as "EncryptedPackage").
      throw new FileRejectedError(buffer.includes(ENCRYPTED_PACKAGE_UTF16) ? 'xlsx_encrypted' : 'xls_old_format', fileName);
    case 'utf16':
      throw new FileRejectedError('utf16_encoding', fileName);
    case 'other':
      if (sniffed.detected === 'binary') throw new FileRejectedError('binary_file', fileName);
      throw new FileRejectedError('not_spreadsheet', fileName, { detected: sniffed.detected });
    case 'text':
      table = readCsv(buffer, fileName, { maxRows: limits.maxRows, maxLineChars: limits.maxLineChars ?? defaultMaxLineChars, maxColumns });
      break;
  }
  while (table.rows.length > 0 && isEmptyRow(table.rows[table.rows.length - 1].cells)) table.rows.pop();
  if (table.rows.length === 0) throw new FileRejectedError('file_empty', fileName);
  return table;
}

/** The refusal of a file over the size limit (also used before a file is read at all). */
export function fileTooLargeError(fileName: string, bytes: number, limitBytes: number): FileRejectedError {
  return new FileRejectedError('file_too_large', fileName, { sizeMb: toMb(bytes), limitMb: toMb(limitBytes) });
}

/** Megabytes to one decimal; below 1 MB to two significant digits, so a small limit never reads "0 MB". */
function toMb(bytes: number): number {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? Math.round(mb * 10) / 10 : Number(mb.toPrecision(2));
}
