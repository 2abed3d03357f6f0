import zlib from 'node:zlib';
// exceljs is loaded where a workbook is made or read, not by every command at start.
import type ExcelJS from 'exceljs';
import { FileRejectedError } from '../import.errors.ts';
import type { CellValue, ImportKind, RawRow, RawTable } from '../import.types.ts';
import { foldHeader } from './fold.ts';
import { entryData, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory.ts';

export interface XlsxLimits {
  maxRows: number;
  maxColumns: number;
  maxUncompressedBytes: number;
  maxSheetXmlBytes: number;
  /** Most bytes of shared-strings XML (default `defaultMaxSharedStringsXmlBytes`). */
  maxSharedStringsXmlBytes?: number;
  /** Most bytes of the other XML exceljs parses: styles, comments, drawings… (default `defaultMaxOtherXmlBytes`). */
  maxOtherXmlBytes?: number;
}

type ContainerLimits = Pick<XlsxLimits, 'maxUncompressedBytes' | 'maxSheetXmlBytes' | 'maxSharedStringsXmlBytes' | 'maxOtherXmlBytes'>;

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

/**
 * exceljs keeps every cell of every sheet in memory, about 35 bytes of heap per byte of sheet XML
 * (300,000 rows × 3 columns: 48 MB of XML, 1.7 GB resident). Beyond this much sheet XML a workbook
 * is refused with advice to save it as CSV, which has no such cost, instead of exhausting the heap.
 */
export const defaultMaxSheetXmlBytes = 64 * MIB;
/** Shared strings cost exceljs far less than sheet XML (about 2 bytes of heap a byte, measured), but are just as unbounded. */
export const defaultMaxSharedStringsXmlBytes = 64 * MIB;
/** Styles, comments, drawings and the like: a real workbook has a few megabytes of them at most. */
export const defaultMaxOtherXmlBytes = 32 * MIB;
/** The workbook's relationships are read here; a workbook with ten thousand sheets has under 1 MiB. */
const MAX_WORKBOOK_RELS_BYTES = 4 * MIB;

/** Ten times the file size limit, at least 256 MiB, at most 1 GiB: a real 50 MB workbook inflates to far less. */
export function defaultMaxUncompressedBytes(maxFileBytes: number): number {
  return Math.min(1024 * MIB, Math.max(256 * MIB, 10 * maxFileBytes));
}

/** Checks the zip directory before anything is inflated: damaged, encrypted, not a workbook, zip bomb, too much for exceljs. */
export function checkXlsxContainer(buffer: Buffer, fileName: string, limits: ContainerLimits): ZipEntry[] {
  const { maxUncompressedBytes } = limits;
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
    const detected =
      names.has('content.xml') && names.has('mimetype')
        ? 'ODS (LibreOffice/OpenOffice)'
        : names.has('word/document.xml')
          ? 'DOCX (Word)'
          : names.has('ppt/presentation.xml')
            ? 'PPTX (PowerPoint)'
            : 'ZIP';
    throw new FileRejectedError('not_spreadsheet', fileName, { detected });
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (total > maxUncompressedBytes || (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > MAX_ENTRY_RATIO)) {
      const sizeMb = Math.round(entries.reduce((sum, e) => sum + e.uncompressedSize, 0) / MIB);
      throw new FileRejectedError('zip_bomb', fileName, { sizeMb, limitMb: Math.round(maxUncompressedBytes / MIB) });
    }
  }
  checkPartSizes(buffer, fileName, entries, limits);
  checkInflatedSizes(buffer, fileName, entries);
  return entries;
}

/**
 * What exceljs 4.4 (`lib/xlsx/xlsx.js`, `load`) does with a part, by the name it sees: JSZip's name
 * with `.` and `..` resolved, then a leading `/` dropped. Exact names first, then its regexes, which
 * are unanchored (`xl/worksheets/sheet1.xml_` is a worksheet), in its order. Keep in step with exceljs.
 */
type ExceljsPart = { role: 'worksheet'; sheetNo: number } | { role: 'sharedStrings' | 'parsed' | 'unparsed' };

const EXCELJS_EXACT_PARTS: Readonly<Record<string, ExceljsPart>> = {
  '_rels/.rels': { role: 'parsed' },
  'xl/workbook.xml': { role: 'parsed' },
  'xl/_rels/workbook.xml.rels': { role: 'parsed' },
  'xl/sharedStrings.xml': { role: 'sharedStrings' },
  'xl/styles.xml': { role: 'parsed' },
  'docProps/app.xml': { role: 'parsed' },
  'docProps/core.xml': { role: 'parsed' },
};
const EXCELJS_WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const EXCELJS_OTHER_PARTS: readonly [RegExp, ExceljsPart['role']][] = [
  [/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/, 'parsed'],
  [/xl\/theme\/([a-zA-Z0-9]+)[.]xml/, 'unparsed'], // kept as text
  [/xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/, 'unparsed'], // kept as bytes
  [/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, 'parsed'],
  [/xl\/(comments\d+)[.]xml/, 'parsed'],
  [/xl\/tables\/(table\d+)[.]xml/, 'parsed'],
  [/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/, 'parsed'],
  [/xl\/drawings\/(vmlDrawing\d+)[.]vml/, 'parsed'],
];

/** JSZip's `utils.resolve`, which `loadAsync` applies to every name. */
function resolveZipPath(name: string): string {
  const parts = name.split('/');
  const result: string[] = [];
  parts.forEach((part, index) => {
    if (part === '.' || (part === '' && index !== 0 && index !== parts.length - 1)) return;
    if (part === '..') result.pop();
    else result.push(part);
  });
  return result.join('/');
}

export function exceljsPartName(zipName: string): string {
  const resolved = resolveZipPath(zipName);
  return resolved.startsWith('/') ? resolved.slice(1) : resolved;
}

export function exceljsPart(partName: string): ExceljsPart {
  const exact = EXCELJS_EXACT_PARTS[partName];
  if (exact) return exact;
  const worksheet = EXCELJS_WORKSHEET.exec(partName);
  if (worksheet) return { role: 'worksheet', sheetNo: Number(worksheet[1]) };
  for (const [pattern, role] of EXCELJS_OTHER_PARTS) if (pattern.test(partName)) return { role } as ExceljsPart;
  return { role: 'unparsed' };
}

/**
 * Sheet XML, shared strings and the other XML exceljs builds objects from, each against its limit.
 * Each is what exceljs reads by name together with what the workbook's relationships name (what
 * Excel, and the streaming reader meant to replace exceljs, read), a part counted once. A part that
 * could be read twice, or be either of two parts, is refused: then no count can be trusted.
 */
function checkPartSizes(buffer: Buffer, fileName: string, entries: readonly ZipEntry[], limits: ContainerLimits): void {
  const files = entries.filter((entry) => !entry.name.endsWith('/'));
  const byPartName = new Map<string, ZipEntry>();
  const sheetNumbers = new Set<number>();
  const roles = new Map<ZipEntry, ExceljsPart['role']>();
  for (const entry of files) {
    const partName = exceljsPartName(entry.name);
    // Part names are case-insensitive (ECMA-376 part 2); JSZip keeps the last of two equal names.
    const key = partName.toLowerCase();
    if (byPartName.has(key)) throw new FileRejectedError('xlsx_ambiguous_part', fileName, { part: partName });
    byPartName.set(key, entry);
    const part = exceljsPart(partName);
    if (part.role === 'worksheet') {
      if (sheetNumbers.has(part.sheetNo)) throw new FileRejectedError('xlsx_ambiguous_part', fileName, { part: partName });
      sheetNumbers.add(part.sheetNo);
    }
    roles.set(entry, part.role);
  }
  const rels = byPartName.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    for (const { type, target } of workbookRelationships(buffer, fileName, rels)) {
      const role = type === 'worksheet' ? 'worksheet' : type === 'sharedStrings' ? 'sharedStrings' : null;
      const entry = role && byPartName.get(target.toLowerCase());
      if (role && entry) roles.set(entry, role);
    }
  }
  const sizes = { worksheet: 0, sharedStrings: 0, parsed: 0, unparsed: 0 };
  for (const [entry, role] of roles) sizes[role] += entry.uncompressedSize;
  const over = (size: number, limit: number, code: 'xlsx_too_large' | 'xlsx_strings_too_large' | 'xlsx_parts_too_large') => {
    if (size > limit) throw new FileRejectedError(code, fileName, { sizeMb: roundMb(size), limitMb: roundMb(limit) });
  };
  over(sizes.worksheet, limits.maxSheetXmlBytes, 'xlsx_too_large');
  over(sizes.sharedStrings, limits.maxSharedStringsXmlBytes ?? defaultMaxSharedStringsXmlBytes, 'xlsx_strings_too_large');
  over(sizes.parsed, limits.maxOtherXmlBytes ?? defaultMaxOtherXmlBytes, 'xlsx_parts_too_large');
}

/** Megabytes for a message; a size under half a megabyte is not "0 MB". */
function roundMb(bytes: number): number {
  return bytes < MIB / 2 ? Math.round((bytes / MIB) * 100) / 100 : Math.round(bytes / MIB);
}

const RELATIONSHIP_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*)>/g;
const XML_ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const RELATIONSHIP_TYPE_PREFIXES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/',
];

/** The internal relationships of `xl/workbook.xml`: type (the last part of its URI) and target part name. */
function workbookRelationships(buffer: Buffer, fileName: string, rels: ZipEntry): { type: string; target: string }[] {
  if (rels.uncompressedSize > MAX_WORKBOOK_RELS_BYTES) {
    throw new FileRejectedError('xlsx_parts_too_large', fileName, { sizeMb: roundMb(rels.uncompressedSize), limitMb: roundMb(MAX_WORKBOOK_RELS_BYTES) });
  }
  let xml: string;
  try {
    const data = entryData(buffer, rels);
    const bytes = rels.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, rels.uncompressedSize) });
    xml = bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FileRejectedError('zip_size_mismatch', fileName);
    throw new FileRejectedError('zip_broken', fileName);
  }
  const relationships: { type: string; target: string }[] = [];
  for (const [, attributeText] of xml.matchAll(RELATIONSHIP_ELEMENT)) {
    const attributes = new Map<string, string>();
    for (const [, name, double, single] of attributeText!.matchAll(XML_ATTRIBUTE)) attributes.set(name!, decodeXmlText(double ?? single ?? ''));
    const typeUri = attributes.get('Type') ?? '';
    const target = attributes.get('Target');
    if (target === undefined || attributes.get('TargetMode') === 'External') continue;
    const prefix = RELATIONSHIP_TYPE_PREFIXES.find((p) => typeUri.startsWith(p));
    const type = prefix ? typeUri.slice(prefix.length) : typeUri;
    const partName = targetPartName(target);
    if (partName === null) throw new FileRejectedError('xlsx_ambiguous_part', fileName, { part: target });
    relationships.push({ type, target: partName });
  }
  return relationships;
}

/** A relationship target of `xl/workbook.xml` as a part name: relative to `xl/`, `/` from the root, percent-decoded. */
function targetPartName(target: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const absolute = decoded.startsWith('/') ? decoded.slice(1) : `xl/${decoded}`;
  const result: string[] = [];
  for (const segment of absolute.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') result.pop();
    else result.push(segment);
  }
  return result.join('/');
}

function decodeXmlText(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string, dec: string, named: string) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp']!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
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
  const namedFor = (kinds: readonly ImportKind[]) => sheets.find((sheet) => kinds.some((kind) => sheetNamesByKind[kind].includes(foldHeader(sheet.name))));
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
  const workbook = new (await import('exceljs')).default.Workbook();
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
