import type { CellValue } from '../import.types.ts';
import { foldText } from './fold.ts';

/**
 * Why a cell could not be parsed. The parsers return one of the shared constants below instead of
 * allocating a result object per cell: a million-row file parses without garbage.
 */
export interface ValueError {
  readonly error: 'date_invalid' | 'date_impossible' | 'date_us_order' | 'number_invalid' | 'number_negative' | 'number_not_whole' | 'yes_no_invalid';
}

const DATE_INVALID: ValueError = Object.freeze({ error: 'date_invalid' });
const DATE_IMPOSSIBLE: ValueError = Object.freeze({ error: 'date_impossible' });
const DATE_US_ORDER: ValueError = Object.freeze({ error: 'date_us_order' });
const NUMBER_INVALID: ValueError = Object.freeze({ error: 'number_invalid' });
const NUMBER_NEGATIVE: ValueError = Object.freeze({ error: 'number_negative' });
const NUMBER_NOT_WHOLE: ValueError = Object.freeze({ error: 'number_not_whole' });
const YES_NO_INVALID: ValueError = Object.freeze({ error: 'yes_no_invalid' });

export function isValueError(value: unknown): value is ValueError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

// ------------------------------------------------------------------------------------------ text

/** The cell as text, trimmed, as a person would read it in the file ('' for an empty cell). */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  switch (typeof cell) {
    case 'string':
      return cell.trim();
    case 'number':
      return String(cell);
    case 'boolean':
      return cell ? 'TRUE' : 'FALSE';
    default:
      return cell.date;
  }
}

/** Trimmed text, or null for an empty cell. Text starting with `=`, `+`, `-`, `@` stays plain text. */
export function textOrNull(cell: CellValue | undefined): string | null {
  const text = cellText(cell);
  return text === '' ? null : text;
}

export function isEmptyCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === 'string' && cell.trim() === '';
}

export function isEmptyRow(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isEmptyCell(cells[i])) return false;
  return true;
}

const TOTALS_LABEL = /^(razem|suma|ogolem)(\s*:.*|\s.*)?$/;

/**
 * A totals row: its first non-empty cell is `Razem`, `Suma` or `Ogółem` (optionally `Razem: 45`),
 * and every other non-empty cell is a number. The second condition keeps a person whose surname is
 * Suma (`Suma; Jan; WZG-0007`) from being taken for a totals row.
 */
export function isTotalsRow(cells: readonly CellValue[]): boolean {
  let labelSeen = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (isEmptyCell(cell)) continue;
    if (!labelSeen) {
      if (typeof cell !== 'string') return false;
      const text = cell.trim();
      const initial = text.charCodeAt(0) | 0x20; // r, s, o in either case: skips the fold for ordinary rows
      if ((initial !== 0x72 && initial !== 0x73 && initial !== 0x6f) || !TOTALS_LABEL.test(foldText(text))) return false;
      labelSeen = true;
    } else if (typeof cell !== 'number' && (typeof cell !== 'string' || typeof parseDecimal(cell) !== 'number')) {
      return false;
    }
  }
  return labelSeen;
}

// ------------------------------------------------------------------------------------------ dates

const TIME_SUFFIX = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME_SUFFIX}$`);
const DAY_FIRST_DATE = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:\s*r\.?)?${TIME_SUFFIX}$`);
const SERIAL_TEXT = /^\d{5}(?:[.,]\d+)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01 (serials count days from 1899-12-30, after Excel's 1900 leap-year bug). */
const EXCEL_UNIX_EPOCH = 25_569;
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function civilDate(year: number, month: number, day: number): string | ValueError {
  if (month < 1 || month > 12 || day < 1) return DATE_IMPOSSIBLE;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > days) return DATE_IMPOSSIBLE;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -1_000_000; // any non-digit makes the sum negative
}

/** Fast path for the commonest form, `YYYY-MM-DD`: no regex, and the text itself is the result. */
function plainIsoDate(text: string): string | ValueError | null {
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (year < 0 || month < 0 || day < 0) return null;
  const valid = civilDate(year, month, day);
  return typeof valid === 'string' ? text : valid;
}

/** The civil date of an Excel serial number (the fraction is a time of day and is dropped). */
export function excelSerialToDate(serial: number): string | ValueError {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) return DATE_INVALID;
  let days = Math.floor(serial);
  if (days === 60) return DATE_IMPOSSIBLE; // Excel's fictitious 1900-02-29
  if (days < 60) days += 1;
  const date = new Date((days - EXCEL_UNIX_EPOCH) * MS_PER_DAY);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/**
 * A civil date `YYYY-MM-DD` from `YYYY-MM-DD`, `DD.MM.YYYY`, `D.M.YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY`
 * (a time after the date is ignored), an Excel date cell or an Excel serial number. Day-first only:
 * `02/31/2022` is reported as US order, never guessed. Null for an empty cell.
 */
export function parseDate(cell: CellValue | undefined): string | null | ValueError {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return excelSerialToDate(cell);
  if (typeof cell === 'boolean') return DATE_INVALID;
  if (typeof cell !== 'string') return cell.date;
  const text = cell.trim();
  if (text === '') return null;
  if (text.length === 10) {
    const iso = plainIsoDate(text);
    if (iso !== null) return iso;
  }
  let match = ISO_DATE.exec(text);
  if (match) return civilDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DAY_FIRST_DATE.exec(text);
  if (match) {
    const day = Number(match[1]);
    const month = Number(match[3]);
    if (match[2] === '/' && month > 12 && day >= 1 && day <= 12) return DATE_US_ORDER;
    return civilDate(Number(match[4]), month, day);
  }
  if (SERIAL_TEXT.test(text)) return excelSerialToDate(Number(text.replace(',', '.')));
  return DATE_INVALID;
}

// ------------------------------------------------------------------------------------------ numbers

const PLAIN_INTEGER = /^[+-]?\d+$/;
const PLAIN_DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;
const GROUPED_DECIMAL = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;
const GROUP_SEPARATORS = /[ \u00a0\u202f\u2009]/g;

/** `1,5` and `1.5` are one and a half; `1 200` (also with a non-breaking space) is 1200. Null for an empty cell. */
export function parseDecimal(cell: CellValue | undefined): number | null | ValueError {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NUMBER_INVALID;
  if (typeof cell !== 'string') return NUMBER_INVALID;
  const text = cell.trim();
  if (text === '') return null;
  if (PLAIN_INTEGER.test(text)) return Number(text);
  if (PLAIN_DECIMAL.test(text)) return Number(text.replace(',', '.'));
  if (GROUPED_DECIMAL.test(text)) return Number(text.replace(GROUP_SEPARATORS, '').replace(',', '.'));
  return NUMBER_INVALID;
}

/** A whole number ≥ 0; negative and fractional numbers are errors. Null for an empty cell. */
export function parseWholeNumber(cell: CellValue | undefined): number | null | ValueError {
  const value = parseDecimal(cell);
  if (typeof value !== 'number') return value;
  if (value < 0) return NUMBER_NEGATIVE;
  if (!Number.isInteger(value)) return NUMBER_NOT_WHOLE;
  return value;
}

// ------------------------------------------------------------------------------------------ yes/no, gender

const YES_NO = new Map<string, boolean>([
  ['tak', true],
  ['t', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['x', true],
  ['true', true],
  ['prawda', true],
  ['nie', false],
  ['n', false],
  ['no', false],
  ['0', false],
  ['false', false],
  ['falsz', false],
]);

/**
 * `tak/nie`, `t/n`, `yes/no`, `y/n`, `1/0`, `x` (yes), Excel TRUE/FALSE. Null for an empty cell: an
 * optional flag treats it as no, a survey question as no answer.
 */
export function parseYesNo(cell: CellValue | undefined): boolean | null | ValueError {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : YES_NO_INVALID;
  if (typeof cell !== 'string') return YES_NO_INVALID;
  const text = cell.trim();
  if (text === '') return null;
  return YES_NO.get(foldText(text)) ?? YES_NO_INVALID;
}

const FEMALE = new Set(['k', 'kobieta', 'f', 'female', 'woman']);
const MALE = new Set(['m', 'mezczyzna', 'male', 'man']);
const TRAILING_DOT = /\.$/;

/** K/M (also kobieta/mężczyzna, F/M, female/male); any other non-empty value is 'other'; empty is null (unknown). */
export function parseGender(cell: CellValue | undefined): 'K' | 'M' | 'other' | null {
  const text = cellText(cell);
  if (text === '') return null;
  const folded = foldText(text).replace(TRAILING_DOT, '');
  if (FEMALE.has(folded)) return 'K';
  if (MALE.has(folded)) return 'M';
  return 'other';
}

// ------------------------------------------------------------------------------------------ names

const NAME_SEPARATORS = /[\s\u00a0-]+/;

/**
 * An order-, case- and diacritics-insensitive key for matching a person by name:
 * `foldName('Anna', 'Kowalska') === foldName('KOWALSKA', 'anna') === foldName('Kowalska Anna', '')`.
 * '' when both parts are empty.
 */
export function foldName(first: string | null | undefined, last: string | null | undefined): string {
  const tokens = foldText(`${first ?? ''} ${last ?? ''}`).split(NAME_SEPARATORS);
  const kept: string[] = [];
  for (const token of tokens) if (token !== '') kept.push(token);
  return kept.sort().join(' ');
}
