import { formatImportMessage, type ImportMessageKey, type MessageParams } from '../import.messages.ts';
import type { CellValue, ImportIssue, RawRow, RawTable, ValidationContext } from '../import.types.ts';
import type { HeaderLocation } from '../parsing/columns.ts';
import { cellText, isValueError, parseDate, parseDecimal, parseWholeNumber, parseYesNo, textOrNull, type ValueError } from '../parsing/values.ts';
import type { CodeOrNameLookup } from './config-lookup.ts';
import { codeSuggester } from './suggestions.ts';

/** How many of the rows repeating one error its message lists (it also says how many in all). */
export const ROWS_LISTED = 5;

/**
 * The column an issue is about: its canonical name (the checker finds the header the file gives
 * it), or the canonical name with the header as written (a survey's question columns).
 */
export type ColumnRef = string | { field?: string; header: string };

/** An error reported once for every row naming the same value: its issue, and the rows so far. */
interface RepeatedError {
  issue: ImportIssue;
  manyRows: ImportMessageKey;
  params: MessageParams;
  rows: number[];
  count: number;
}

/**
 * Reads typed values out of a row and reports what is wrong. `ok` turns false on the first error of
 * the current row (reset by `startRow`), so a row with errors yields no record.
 */
export class RowChecker {
  readonly errors: ImportIssue[];
  readonly warnings: ImportIssue[];
  ok = true;
  row = 0;
  private readonly lang: ValidationContext['lang'];
  private readonly today: string;
  /** project.json's importLimits.earliestDate. */
  private readonly earliest: string;
  private readonly headers: readonly string[];
  /** Canonical column name → its header as written in the file. */
  private readonly written: ReadonlyMap<string, string>;
  private readonly repeated = new Map<string, RepeatedError>();

  /** Rows below the header: an upper bound on the records, to size tables once. */
  readonly dataRows: number;

  constructor(table: RawTable, header: HeaderLocation, ctx: ValidationContext) {
    this.dataRows = table.rows.length - header.headerIndex - 1;
    this.errors = header.errors;
    this.warnings = header.warnings;
    this.lang = ctx.lang;
    this.today = ctx.today;
    this.earliest = ctx.config.project.importLimits.earliestDate;
    this.headers = header.headers;
    this.written = new Map([...header.columns].map(([name, index]) => [name, header.headers[index] || name]));
  }

  /** Where an issue is: the column as the file names it, and its canonical name. */
  private where(column: ColumnRef | null): Pick<ImportIssue, 'column' | 'field'> {
    if (column === null) return { column: null };
    if (typeof column !== 'string') return column.field === undefined ? { column: column.header } : { column: column.header, field: column.field };
    return { column: this.written.get(column) ?? column, field: column };
  }

  startRow(row: RawRow): void {
    this.ok = true;
    this.row = row.rowNumber;
  }

  error(column: ColumnRef | null, value: string | null, code: ImportMessageKey, params: MessageParams): void {
    this.ok = false;
    this.errors.push({ row: this.row, ...this.where(column), value, code, message: formatImportMessage(code, this.lang, params) });
  }

  /**
   * An error that many rows may repeat for one value (an activity id missing from the log): each
   * such row is refused, and the error is reported once, on the first row, with `oneRow`'s message;
   * from a second row on, `finish` gives it `manyRows`'s, which names the first rows and the count.
   */
  errorOncePerValue(column: string, value: string, oneRow: ImportMessageKey, manyRows: ImportMessageKey, params: MessageParams): void {
    this.ok = false;
    const key = `${column}\u0000${value}`;
    const seen = this.repeated.get(key);
    if (seen) {
      seen.count += 1;
      if (seen.rows.length < ROWS_LISTED) seen.rows.push(this.row);
      return;
    }
    const issue: ImportIssue = { row: this.row, ...this.where(column), value, code: oneRow, message: formatImportMessage(oneRow, this.lang, params) };
    this.errors.push(issue);
    this.repeated.set(key, { issue, manyRows, params, rows: [this.row], count: 1 });
  }

  /** After the last row: the errors repeated on several rows say on which. */
  finish(): void {
    for (const { issue, manyRows, params, rows, count } of this.repeated.values()) {
      if (count === 1) continue;
      const listed = count > rows.length ? `${rows.join(', ')}, …` : rows.join(', ');
      issue.code = manyRows;
      issue.message = formatImportMessage(manyRows, this.lang, { ...params, count, rows: listed });
    }
  }

  /** A problem of the whole file, not of one row. */
  fileError(code: ImportMessageKey, params: MessageParams): void {
    this.errors.push({ row: null, column: null, value: null, code, message: formatImportMessage(code, this.lang, params) });
  }

  warning(row: number | null, column: ColumnRef | null, value: string | null, code: ImportMessageKey, params: MessageParams): void {
    this.warnings.push({ row, ...this.where(column), value, code, message: formatImportMessage(code, this.lang, params) });
  }

  headerOf(index: number, canonical: string): string {
    return this.headers[index] || canonical;
  }

  /** Trimmed text; for a required column an empty cell is an error. */
  text(cells: readonly CellValue[], index: number, column: string, required: boolean): string | null {
    const text = index < 0 ? null : textOrNull(cells[index]);
    if (text === null && required) this.error(column, null, 'value_required', { column: this.headerOf(index, column) });
    return text;
  }

  /**
   * Text that is stored and shown again later (titles, places, ids, survey comments): kept exactly as
   * written, and a warning when it looks like a spreadsheet formula, since it is never evaluated.
   */
  storedText(cells: readonly CellValue[], index: number, column: string, required: boolean): string | null {
    const text = this.text(cells, index, column, required);
    if (text !== null) this.warnIfFormulaLike(column, text);
    return text;
  }

  warnIfFormulaLike(column: ColumnRef, text: string): void {
    if (looksLikeFormula(text)) this.warning(this.row, column, text, 'formula_like_text', { value: text });
  }

  /** A civil date between the earliest accepted date (project.json) and today. */
  date(cells: readonly CellValue[], index: number, column: string, required: boolean): string | null {
    if (index < 0) return null;
    const cell = cells[index];
    const date = parseDate(cell);
    if (date === null) {
      if (required) this.error(column, null, 'value_required', { column: this.headerOf(index, column) });
      return null;
    }
    if (isValueError(date)) {
      const value = cellText(cell);
      this.error(column, value, date.error, { value });
      return null;
    }
    if (date > this.today) {
      this.error(column, cellText(cell), 'date_in_future', { date, today: this.today });
      return null;
    }
    if (date < this.earliest) {
      this.error(column, cellText(cell), 'date_before_2000', { date, earliest: this.earliest });
      return null;
    }
    return date;
  }

  /** A decimal number ≥ 0, or null when empty. */
  decimal(cells: readonly CellValue[], index: number, column: string): number | null {
    const value = this.parsed(cells, index, column, parseDecimal);
    if (value !== undefined && value !== null && value < 0) {
      this.error(column, cellText(cells[index]), 'number_negative', { value: cellText(cells[index]) });
      return null;
    }
    return value ?? null;
  }

  /** A whole number ≥ 0, or null when empty. */
  wholeNumber(cells: readonly CellValue[], index: number, column: string): number | null {
    return this.parsed(cells, index, column, parseWholeNumber) ?? null;
  }

  /** An optional yes/no flag: empty is no. */
  flag(cells: readonly CellValue[], index: number, column: string): boolean {
    return this.parsed(cells, index, column, parseYesNo) ?? false;
  }

  /** A cell read by a parser: null when empty or the column is absent, undefined when the parser refused it (reported). */
  private parsed<T>(
    cells: readonly CellValue[],
    index: number,
    column: string,
    parse: (cell: CellValue | undefined) => T | null | ValueError,
  ): T | null | undefined {
    if (index < 0) return null;
    const cell = cells[index];
    const value = parse(cell);
    if (isValueError(value)) {
      this.error(column, cellText(cell), value.error, { value: cellText(cell) });
      return undefined;
    }
    return value;
  }

  /**
   * A participant code not in the register the uploader may use; suggests the one code of that
   * register it is one edit from (`ost 0005` → `OST-0005`). For an uploader limited to some
   * communities the message is the same whether the code is registered elsewhere or nowhere.
   */
  unknownParticipant(code: string, register: UploaderRegister): void {
    const near = register.suggest(code);
    if (near !== null) this.error('participant_code', code, 'participant_not_found_suggestion', { value: code, code: near });
    else if (register.communities)
      this.error('participant_code', code, 'participant_not_in_your_register', { value: code, allowed: register.communities.join(', ') || '—' });
    else this.error('participant_code', code, 'participant_not_found', { value: code });
  }

  /** A configured community or activity type, by code or name, with a "did you mean" on a typo. */
  reference(
    cells: readonly CellValue[],
    index: number,
    column: string,
    lookup: CodeOrNameLookup,
    codes: { unknown: ImportMessageKey; suggestion: ImportMessageKey },
  ): string | null {
    const text = this.text(cells, index, column, true);
    if (text === null) return null;
    const found = lookup.resolve(text);
    if (found) return found.code;
    const near = lookup.suggest(text);
    if (near) this.error(column, text, codes.suggestion, { value: text, name: near.name, code: near.code });
    else this.error(column, text, codes.unknown, { value: text, allowed: lookup.describeAll() });
    return null;
  }
}

const FORMULA_LIKE = /^=.|^[+\-@][A-Za-z_][\w.]*\(|^[+\-@][^\s|]*\|/;

/**
 * `=HYPERLINK("http://x","klik")`, `@SUM(A1)`, `+cmd|'/c calc'!A0`: what a spreadsheet would run as a
 * formula if the text were pasted back into one. Plain text starting with `-` or `+` (`- brak -`,
 * `+48 600 000 000`) is not.
 */
export function looksLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40) return false;
  return FORMULA_LIKE.test(text);
}

/** The participant codes a file may name: the whole register, or an organizer's communities' part of it. */
export interface UploaderRegister {
  has(code: string): boolean;
  /** The one code of this register a mistyped code is one edit from, or null. */
  suggest(code: string): string | null;
  /** The uploader's communities, or null for every community. */
  communities: readonly string[] | null;
}

export function uploaderRegister(lookups: ValidationContext['lookups']): UploaderRegister {
  const { participants, uploaderCommunities } = lookups;
  const has = uploaderCommunities
    ? (code: string) => uploaderCommunities.includes(participants.get(code)?.communityCode ?? '')
    : (code: string) => participants.has(code);
  // Only codes the uploader may name are suggested: a "did you mean" must not show another
  // community's register, nor be withheld because of it (a tie with one of its codes).
  const suggest = codeSuggester(function* () {
    for (const code of participants.keys()) if (has(code)) yield code;
  });
  return { has, suggest, communities: uploaderCommunities ?? null };
}

export const communityCodes = { unknown: 'unknown_community', suggestion: 'unknown_community_suggestion' } as const;
export const activityTypeCodes = { unknown: 'unknown_activity_type', suggestion: 'unknown_activity_type_suggestion' } as const;

/** The cell index of a canonical column, or -1 when the file does not have it. */
export function columnIndex(header: HeaderLocation, name: string): number {
  return header.columns.get(name) ?? -1;
}
