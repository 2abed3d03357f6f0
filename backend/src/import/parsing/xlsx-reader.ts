import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { FileRejectedError } from '../import.errors.ts';
import type { CellValue, ImportKind, RawRow, RawTable } from '../import.types.ts';
import { foldHeader } from './fold.ts';
import { entryData, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory.ts';

export interface XlsxLimits {
  maxRows: number;
  maxColumns: number;
  maxUncompressedBytes: number;
  maxSheetXmlBytes: number;
}

/** Sheet names (folded) that say which kind of data a sheet holds. */
export const sheetNamesByKind: Readonly<Record<ImportKind, readonly string[]>> = {
  activities: ['activities', 'dzialania', 'dziennik dzialan', 'dziennik'],
  attendance: ['attendance', 'obecnosci', 'lista obecnosci', 'listy obecnosci'],
  participants: ['participants', 'uczestnicy', 'rejestr', 'rejestr uczestnikow'],
  survey: ['survey', 'surveys', 'ankieta', 'ankiety'],
};

const MIB = 1024 * 1024;
/** An entry inflating more than this many times its compressed size (and to more than 16 MiB) is a zip bomb. */
const MAX_ENTRY_RATIO = 250;
const RATIO_CHECK_MIN_BYTES = 16 * MIB;
const WORKSHEET_XML = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * exceljs keeps every cell of every sheet in memory, about 35 bytes of heap per byte of sheet XML
 * (300,000 rows × 3 columns: 48 MB of XML, 1.7 GB resident). Beyond this much sheet XML a workbook
 * is refused with advice to save it as CSV, which has no such cost, instead of exhausting the heap.
 */
export const defaultMaxSheetXmlBytes = 64 * MIB;

/** Ten times the file size limit, at least 256 MiB, at most 1 GiB: a real 50 MB workbook inflates to far less. */
export function defaultMaxUncompressedBytes(maxFileBytes: number): number {
  return Math.min(1024 * MIB, Math.max(256 * MIB, 10 * maxFileBytes));
}

/** Checks the zip directory before anything is inflated: damaged, encrypted, not a workbook, zip bomb. */
export function checkXlsxContainer(buffer: Buffer, fileName: string, limits: Pick<XlsxLimits, 'maxUncompressedBytes' | 'maxSheetXmlBytes'>): ZipEntry[] {
  const { maxUncompressedBytes, maxSheetXmlBytes } = limits;
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(buffer);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new FileRejectedError('zip_broken', fileName);
    throw error;
  }
  if (entries.some((entry) => entry.encrypted)) throw new FileRejectedError('xlsx_encrypted', fileName);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !entries.some((entry) => entry.name.startsWith('xl/worksheets/'))) {
    const detected = names.has('content.xml') && names.has('mimetype')
      ? 'ODS (LibreOffice/OpenOffice)'
      : names.has('word/document.xml')
        ? 'DOCX (Word)'
        : names.has('ppt/presentation.xml')
          ? 'PPTX (PowerPoint)'
          : 'ZIP';
    throw new FileRejectedError('not_spreadsheet', fileName, { detected });
  }
  let total = 0;
  let sheetXml = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (WORKSHEET_XML.test(entry.name)) sheetXml += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (total > maxUncompressedBytes || (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > MAX_ENTRY_RATIO)) {
      const sizeMb = Math.round(entries.reduce((sum, e) => sum + e.uncompressedSize, 0) / MIB);
      throw new FileRejectedError('zip_bomb', fileName, { sizeMb, limitMb: Math.round(maxUncompressedBytes / MIB) });
    }
  }
  if (sheetXml > maxSheetXmlBytes) {
    throw new FileRejectedError('xlsx_too_large', fileName, { sizeMb: Math.round(sheetXml / MIB), limitMb: Math.round(maxSheetXmlBytes / MIB) });
  }
  checkInflatedSizes(buffer, fileName, entries);
  return entries;
}

/**
 * The sizes in the central directory are only what the archive claims. Each entry is inflated here
 * with its declared size as a hard cap, so an entry that claims 1 KB and inflates to gigabytes is
 * refused after at most 1 KB of output, before exceljs (which trusts the data stream) inflates it all.
 * The declared sizes were checked above, so this costs at most the limits already accepted.
 */
function checkInflatedSizes(buffer: Buffer, fileName: string, entries: readonly ZipEntry[]): void {
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder
    let data: Buffer;
    try {
      data = entryData(buffer, entry);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new FileRejectedError('zip_broken', fileName);
      throw error;
    }
    if (entry.method === 0) {
      if (data.length > entry.uncompressedSize) throw new FileRejectedError('zip_size_mismatch', fileName);
      continue;
    }
    if (entry.method !== 8) continue; // exceljs cannot read it either and says so
    try {
      zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FileRejectedError('zip_size_mismatch', fileName);
      throw new FileRejectedError('zip_broken', fileName);
    }
  }
}

type WorksheetWithOrder = ExcelJS.Worksheet & { orderNo?: number };

function pickSheet(workbook: ExcelJS.Workbook, kindHint: ImportKind | undefined): ExcelJS.Worksheet | undefined {
  const sheets = (workbook.worksheets as WorksheetWithOrder[])
    .filter((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden')
    .sort((a, b) => (a.orderNo ?? a.id) - (b.orderNo ?? b.id));
  const namedFor = (kinds: readonly ImportKind[]) =>
    sheets.find((sheet) => kinds.some((kind) => sheetNamesByKind[kind].includes(foldHeader(sheet.name))));
  const kinds = kindHint ? [kindHint] : (Object.keys(sheetNamesByKind) as ImportKind[]);
  return namedFor(kinds) ?? sheets[0];
}

/** The cell as the importer sees it: cached formula results, plain text of rich text and links, civil dates. */
export function excelCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value === '' ? null : value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    default:
      break;
  }
  if (value instanceof Date) {
    // exceljs gives Excel dates as UTC midnight (plus the time of day): the UTC date is the civil date.
    return Number.isNaN(value.getTime()) ? null : { date: value.toISOString().slice(0, 10) };
  }
  if ('richText' in value) return emptyToNull(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return emptyToNull(text);
    return excelCellValue(text as ExcelJS.CellValue);
  }
  if ('formula' in value || 'sharedFormula' in value) return excelCellValue(value.result ?? null);
  if ('error' in value) return value.error;
  return null;
}

function emptyToNull(text: string): string | null {
  return text === '' ? null : text;
}

export async function readXlsx(buffer: Buffer, fileName: string, limits: XlsxLimits, kindHint?: ImportKind): Promise<RawTable> {
  checkXlsxContainer(buffer, fileName, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer extends ArrayBuffer`; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new FileRejectedError('xlsx_unreadable', fileName);
  }
  const sheet = pickSheet(workbook, kindHint);
  if (!sheet) throw new FileRejectedError('xlsx_no_sheet', fileName);
  if (sheet.actualRowCount > limits.maxRows + 1) throw new FileRejectedError('too_many_rows', fileName, { limit: limits.maxRows });

  const rows: RawRow[] = [];
  let previous = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const width = values.length - 1;
    if (width > limits.maxColumns) {
      throw new FileRejectedError('too_many_columns', fileName, { row: rowNumber, count: width, limit: limits.maxColumns });
    }
    // Rows missing between two rows with data are empty rows a person sees; keep them so they are reported.
    if (previous > 0) for (let missing = previous + 1; missing < rowNumber; missing++) rows.push({ rowNumber: missing, cells: [] });
    const cells: CellValue[] = new Array(Math.max(0, width));
    for (let column = 1; column <= width; column++) cells[column - 1] = excelCellValue(values[column]);
    rows.push({ rowNumber, cells });
    previous = rowNumber;
  });
  return { fileName, format: 'xlsx', sheetName: sheet.name, rows };
}
