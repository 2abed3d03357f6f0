/**
 * Reads an XLSX workbook into rows of cells: linear in the size of the parts it reads, never expanding
 * a drop-down list or a merge cell by cell, exact about values (cached formula results of every type,
 * inline strings, ISO dates, `_xHHHH_` escapes, both date systems). Sheets are found through the
 * workbook's relationships, whatever their parts are called.
 */
import { FileRejectedError } from '../import.errors.ts';
import type { CellValue, ImportIssue, ImportKind, RawRow, RawSheet, RawTable } from '../import.types.ts';
import { isoCellToCivilDate, isDateFormat, serialToCivilDate } from './excel-dates.ts';
import { readWarning } from './read-warnings.ts';
import { foldHeader } from './fold.ts';
import { XmlScanner, type XmlAttributes } from './xml-scanner.ts';
import { megabytes } from './megabytes.ts';
import { scanXml, scanXmlBytes, WorkbookPackage } from './xlsx-package.ts';

export interface XlsxLimits {
  maxRows: number;
  maxColumns: number;
  maxUncompressedBytes: number;
  /** Most bytes of worksheet XML read, all sheets read together. */
  maxSheetXmlBytes: number;
  /** Most bytes of shared-strings XML (default `defaultMaxSharedStringsXmlBytes`). */
  maxSharedStringsXmlBytes?: number;
  /** Most bytes of each other part read: the workbook, its relationships, the styles (default `defaultMaxOtherXmlBytes`). */
  maxOtherXmlBytes?: number;
}

/** Sheet names (folded) that say which kind of data a sheet holds. */
export const sheetNamesByKind: Readonly<Record<ImportKind, readonly string[]>> = {
  activities: ['activities', 'dzialania', 'dziennik dzialan', 'dziennik'],
  attendance: ['attendance', 'obecnosci', 'lista obecnosci', 'listy obecnosci'],
  participants: ['participants', 'uczestnicy', 'rejestr', 'rejestr uczestnikow'],
  survey: ['survey', 'surveys', 'ankieta', 'ankiety'],
};

const MIB = 1024 * 1024;
/** Worksheet XML read, all sheets together (bench:import: 16 MB of sheet XML, 100,000 rows, peaked at 377 MB in the built command). */
export const defaultMaxSheetXmlBytes = 256 * MIB;
export const defaultMaxSharedStringsXmlBytes = 128 * MIB;
/** The workbook, relationships and styles: a real workbook has a few megabytes of them at most. */
export const defaultMaxOtherXmlBytes = 32 * MIB;
/** Besides the sheet chosen, this many more visible sheets are read, so that the one with data can be found. */
export const otherSheetsRead = 5;

/** Ten times the file size limit, at least 256 MiB, at most 1 GiB: a real 50 MB workbook inflates to far less. */
export function defaultMaxUncompressedBytes(maxFileBytes: number): number {
  return Math.min(1024 * MIB, Math.max(256 * MIB, 10 * maxFileBytes));
}

interface SheetEntry {
  name: string;
  part: string;
}

interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

/** `_x000D_` and the like: characters XML cannot hold, as Excel writes them in text; `_x005F_` escapes an underscore. */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function workbookInfo(workbook: WorkbookPackage, fileName: string, maxOther: number): WorkbookInfo {
  const part = workbook.officeDocument(maxOther);
  if (!part) throw new FileRejectedError('not_spreadsheet', fileName, { detected: 'ZIP' });
  const size = workbook.sizeOf(part)!;
  if (size > maxOther) throw new FileRejectedError('xlsx_parts_too_large', fileName, { sizeMb: megabytes(size), limitMb: megabytes(maxOther) });
  const relationships = new Map(workbook.relationships(part, maxOther).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(workbook.read(part)!, fileName, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      if (attributes.state === 'hidden' || attributes.state === 'veryHidden') return;
      const relationship = relationships.get(attributes.id ?? '');
      // Chart sheets, dialog and macro sheets hold no table.
      if (!relationship?.target || relationship.type !== 'worksheet' || !workbook.has(relationship.target)) return;
      sheets.push({ name: attributes.name ?? '', part: relationship.target });
    },
  });
  const targetOf = (type: string, fallback: string) => {
    const found = [...relationships.values()].find((r) => r.type === type && r.target && workbook.has(r.target))?.target;
    return found ?? (workbook.has(fallback) ? fallback : null);
  };
  return { sheets, date1904, sharedStringsPart: targetOf('sharedStrings', 'xl/sharedStrings.xml'), stylesPart: targetOf('styles', 'xl/styles.xml') };
}

/** The shared strings table: each `<si>`'s text, its runs joined, phonetic guides (`<rPh>`) left out. */
function readSharedStrings(bytes: Buffer, fileName: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(bytes, fileName, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(decodeExcelEscapes(current.join('')));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

/** For each cell format (`cellXfs`), whether it shows a date. */
function readDateStyles(bytes: Buffer, fileName: string): boolean[] {
  const formats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  const xfFormats: number[] = [];
  scanXml(bytes, fileName, {
    open(name, attributes) {
      if (name === 'numFmt' && attributes.numFmtId !== undefined) formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of xfFormats) dateStyles.push(isDateFormat(id, formats.get(id)));
  return dateStyles;
}

/** `AB12` → column 28 (1-based); 0 when there are no letters. */
function columnOfReference(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column;
}

function rowOfReference(reference: string): number {
  const digits = /\d+$/.exec(reference);
  return digits ? Number(digits[0]) : 0;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(reference: string): MergeRange | null {
  const [from, to = from] = reference.split(':');
  const top = rowOfReference(from!);
  const left = columnOfReference(from!);
  const bottom = rowOfReference(to);
  const right = columnOfReference(to);
  if (!top || !left || !bottom || !right || bottom < top || right < left) return null;
  return { top, left, bottom, right };
}

interface SheetContext {
  fileName: string;
  sheetName: string;
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: XlsxLimits;
}

interface SheetRead {
  rows: RawRow[];
  /** Cells whose formula has no saved result (written by a program that does not calculate). */
  uncalculatedFormulas: number;
}

/** Reads one worksheet's cells, row by row, as the scanner goes. */
class SheetReader {
  readonly rows: RawRow[] = [];
  readonly merges: MergeRange[] = [];
  uncalculatedFormulas = 0;
  private rowNumber = 0;
  private cells: CellValue[] | null = null;
  private column = 0;
  private cellType = 'n';
  private cellStyle = 0;
  private cellText: string[] | null = null;
  private hasFormula = false;
  private inValue = false;
  private inInline = false;
  private phonetic = 0;
  private valueRows = 0;
  private sorted = true;
  /** The last column with a value in the current row, once past the column limit. */
  private widest = 0;

  constructor(private readonly context: SheetContext) {}

  open(name: string, attributes: XmlAttributes): void {
    switch (name) {
      case 'row': {
        const written = attributes.r !== undefined ? Number(attributes.r) : NaN;
        this.rowNumber = Number.isInteger(written) && written > 0 ? written : this.rowNumber + 1;
        this.cells = [];
        this.column = 0;
        return;
      }
      case 'c': {
        const reference = attributes.r;
        const written = reference ? columnOfReference(reference) : 0;
        this.column = written > 0 ? written : this.column + 1;
        this.cellType = attributes.t ?? 'n';
        this.cellStyle = attributes.s !== undefined ? Number(attributes.s) : 0;
        this.cellText = null;
        this.hasFormula = false;
        return;
      }
      case 'v':
        this.inValue = true;
        this.cellText ??= [];
        return;
      case 'f':
        this.hasFormula = true;
        return;
      case 'is':
        this.inInline = true;
        this.cellText ??= [];
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'mergeCell': {
        const range = attributes.ref ? parseRange(attributes.ref) : null;
        if (range) this.merges.push(range);
        return;
      }
      default:
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.inValue = false;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'c':
        this.endCell();
        return;
      case 'row':
        this.endRow();
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.cellText && (this.inValue || (this.inInline && this.phonetic === 0))) this.cellText.push(text);
  }

  private endCell(): void {
    if (!this.cells) return;
    const value = this.cellValue();
    if (value === null) return;
    // A row too wide is read to its end first, so that the message gives its real width.
    if (this.column > this.context.limits.maxColumns) this.widest = Math.max(this.widest, this.column);
    else this.cells[this.column - 1] = value;
  }

  /** The cell's value as the importer sees it: what Excel shows, from what the file holds. */
  private cellValue(): CellValue {
    const text = this.cellText?.join('') ?? null;
    if (text === null) {
      if (this.hasFormula) this.uncalculatedFormulas++;
      return null;
    }
    switch (this.cellType) {
      case 's': {
        const index = Number(text);
        const string = Number.isInteger(index) ? this.context.strings[index] : undefined;
        if (string === undefined) throw new FileRejectedError('xlsx_unreadable', this.context.fileName);
        return string === '' ? null : string;
      }
      case 'str':
      case 'inlineStr': {
        const string = decodeExcelEscapes(text);
        return string === '' ? null : string;
      }
      case 'b':
        return text.trim() === '1' || text.trim().toLowerCase() === 'true';
      case 'e':
        return text.trim() === '' ? null : text.trim();
      case 'd':
        return text.trim() === '' ? null : isoCellToCivilDate(text) !== null ? { date: isoCellToCivilDate(text)! } : text.trim();
      default: {
        const trimmed = text.trim();
        if (trimmed === '') return null;
        const number = Number(trimmed);
        // A "number" some web tools write as text stays text rather than being lost.
        if (!Number.isFinite(number)) return decodeExcelEscapes(text);
        if (this.context.dateStyles[this.cellStyle]) {
          const date = serialToCivilDate(number, this.context.date1904);
          if (date !== null) return { date };
        }
        return number;
      }
    }
  }

  private endRow(): void {
    const cells = this.cells;
    this.cells = null;
    if (this.widest > 0) {
      const { limits, fileName } = this.context;
      throw new FileRejectedError('too_many_columns', fileName, { row: this.rowNumber, count: this.widest, limit: limits.maxColumns });
    }
    if (!cells || cells.length === 0) return;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    const last = this.rows[this.rows.length - 1];
    if (last && last.rowNumber >= this.rowNumber) this.sorted = false;
    this.valueRows++;
    if (this.valueRows > this.context.limits.maxRows + 1)
      throw new FileRejectedError('too_many_rows', this.context.fileName, { limit: this.context.limits.maxRows });
    this.rows.push({ rowNumber: this.rowNumber, cells });
  }

  /** The rows in order, merged areas filled with their first cell's value, gaps kept as empty rows. */
  finish(): SheetRead {
    let rows = this.rows;
    if (!this.sorted) rows = mergeRowsOfOneNumber(rows);
    rows = fillMerges(rows, this.merges, this.context.limits);
    return { rows: withEmptyGaps(rows, this.context.limits.maxRows), uncalculatedFormulas: this.uncalculatedFormulas };
  }
}

/** Rows written out of order, or one row number written twice: sorted, the later cells winning. */
function mergeRowsOfOneNumber(rows: RawRow[]): RawRow[] {
  const byNumber = new Map<number, CellValue[]>();
  for (const row of rows) {
    const cells = byNumber.get(row.rowNumber);
    if (!cells) byNumber.set(row.rowNumber, row.cells);
    else row.cells.forEach((cell, i) => cell !== null && cell !== undefined && (cells[i] = cell));
  }
  return [...byNumber].sort((a, b) => a[0] - b[0]).map(([rowNumber, cells]) => ({ rowNumber, cells: Array.from(cells, (c) => c ?? null) }));
}

/**
 * Each merged area shows its first cell's value in all of its cells, as exceljs and a person's eye
 * read it. Only areas whose first cell has a value, clipped to the rows and columns that hold data:
 * a merge over a whole sheet costs what the data costs, and the total work is capped besides.
 */
function fillMerges(rows: RawRow[], merges: readonly MergeRange[], limits: XlsxLimits): RawRow[] {
  if (merges.length === 0 || rows.length === 0) return rows;
  // Only the rows merges cover are looked at (a title merged over a 100,000-row list touches one).
  const lastRow = rows[rows.length - 1]!.rowNumber;
  let widest = 0;
  let budget = 100_000;
  for (const row of rows) {
    widest = Math.max(widest, row.cells.length);
    budget += 4 * row.cells.length;
  }
  widest = Math.min(limits.maxColumns, widest);
  const added: RawRow[] = [];
  for (const merge of merges) {
    const first = firstRowAtOrAfter(rows, merge.top);
    const master = rows[first]?.rowNumber === merge.top ? rows[first]!.cells[merge.left - 1] : undefined;
    if (master === null || master === undefined) continue;
    const bottom = Math.min(merge.bottom, lastRow);
    const right = Math.min(merge.right, widest);
    const area = (bottom - merge.top + 1) * (right - merge.left + 1);
    if (area > budget) break;
    budget -= area;
    let index = first;
    for (let rowNumber = merge.top; rowNumber <= bottom; rowNumber++) {
      let row: RawRow;
      if (rows[index]?.rowNumber === rowNumber) row = rows[index++]!;
      else {
        // A row with nothing but the merged value: made, and put in its place below.
        row = { rowNumber, cells: [] };
        added.push(row);
      }
      for (let column = merge.left; column <= right; column++) {
        while (row.cells.length < column - 1) row.cells.push(null);
        if (row.cells[column - 1] === null || row.cells[column - 1] === undefined) row.cells[column - 1] = master;
      }
    }
  }
  if (added.length === 0) return rows;
  const byNumber = new Map(added.map((row) => [row.rowNumber, row]));
  return [...rows, ...byNumber.values()].sort((x, y) => x.rowNumber - y.rowNumber);
}

/** The index of the first row numbered `rowNumber` or later (rows are in order). */
function firstRowAtOrAfter(rows: readonly RawRow[], rowNumber: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.rowNumber < rowNumber) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Rows missing between two rows with data are empty rows a person sees: kept, so they are reported, as long as the rows stay within the limit. */
function withEmptyGaps(rows: RawRow[], maxRows: number): RawRow[] {
  let total = rows.length;
  const out: RawRow[] = [];
  for (const row of rows) {
    const previous = out[out.length - 1];
    if (previous) {
      const gap = row.rowNumber - previous.rowNumber - 1;
      if (gap > 0 && total + gap <= maxRows + 1) {
        for (let missing = previous.rowNumber + 1; missing < row.rowNumber; missing++) out.push({ rowNumber: missing, cells: [] });
        total += gap;
      }
    }
    out.push(row);
  }
  return out;
}

function readSheet(workbook: WorkbookPackage, sheet: SheetEntry, context: Omit<SheetContext, 'sheetName'>): SheetRead {
  const reader = new SheetReader({ ...context, sheetName: sheet.name });
  const scanner = new XmlScanner(reader);
  try {
    scanXmlBytes(workbook.read(sheet.part)!, scanner);
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    throw new FileRejectedError('xlsx_unreadable', context.fileName);
  }
  return reader.finish();
}

/** The sheet to read first: one named after the kind (or any kind, without a hint), else the first visible sheet. */
function chooseSheet(sheets: readonly SheetEntry[], kindHint: ImportKind | undefined): number {
  const kinds = kindHint ? [kindHint] : (Object.keys(sheetNamesByKind) as ImportKind[]);
  const named = sheets.findIndex((sheet) => kinds.some((kind) => sheetNamesByKind[kind].includes(foldHeader(sheet.name))));
  return named >= 0 ? named : 0;
}

export function readXlsx(buffer: Buffer, fileName: string, limits: XlsxLimits, kindHint?: ImportKind): RawTable {
  const maxOther = limits.maxOtherXmlBytes ?? defaultMaxOtherXmlBytes;
  const maxStrings = limits.maxSharedStringsXmlBytes ?? defaultMaxSharedStringsXmlBytes;
  const workbook = WorkbookPackage.open(buffer, fileName, limits);
  const info = workbookInfo(workbook, fileName, maxOther);
  if (info.sheets.length === 0) throw new FileRejectedError('xlsx_no_sheet', fileName);

  const chosen = chooseSheet(info.sheets, kindHint);
  const order = [chosen, ...info.sheets.map((_, i) => i).filter((i) => i !== chosen)].slice(0, 1 + otherSheetsRead);
  const chosenSize = workbook.sizeOf(info.sheets[chosen]!.part)!;
  if (chosenSize > limits.maxSheetXmlBytes) {
    throw new FileRejectedError('xlsx_too_large', fileName, { sizeMb: megabytes(chosenSize), limitMb: megabytes(limits.maxSheetXmlBytes) });
  }

  let strings: string[] = [];
  if (info.sharedStringsPart) {
    const size = workbook.sizeOf(info.sharedStringsPart)!;
    if (size > maxStrings) throw new FileRejectedError('xlsx_strings_too_large', fileName, { sizeMb: megabytes(size), limitMb: megabytes(maxStrings) });
    strings = readSharedStrings(workbook.read(info.sharedStringsPart)!, fileName);
  }
  let dateStyles: boolean[] = [];
  if (info.stylesPart) {
    const size = workbook.sizeOf(info.stylesPart)!;
    if (size > maxOther) throw new FileRejectedError('xlsx_parts_too_large', fileName, { sizeMb: megabytes(size), limitMb: megabytes(maxOther) });
    dateStyles = readDateStyles(workbook.read(info.stylesPart)!, fileName);
  }

  const context = { fileName, strings, dateStyles, date1904: info.date1904, limits };
  let sheetBytes = 0;
  const read: { sheet: SheetEntry; result: SheetRead }[] = [];
  for (const index of order) {
    const sheet = info.sheets[index]!;
    const size = workbook.sizeOf(sheet.part)!;
    // Other sheets are read while the sheet XML limit allows; one too large to read is left out.
    if (read.length > 0 && sheetBytes + size > limits.maxSheetXmlBytes) continue;
    sheetBytes += size;
    read.push({ sheet, result: readSheet(workbook, sheet, context) });
  }
  const [first, ...others] = read;
  const readWarnings: ImportIssue[] = [];
  if (first!.result.uncalculatedFormulas > 0) {
    readWarnings.push(readWarning(null, 'xlsx_formulas_without_values', { count: first!.result.uncalculatedFormulas, sheet: first!.sheet.name }));
  }
  const otherSheets: RawSheet[] = others.map(({ sheet, result }) => ({ name: sheet.name, rows: result.rows }));
  return {
    fileName,
    format: 'xlsx',
    sheetName: first!.sheet.name,
    rows: first!.result.rows,
    otherSheets,
    ...(readWarnings.length > 0 ? { readWarnings } : {}),
  };
}
