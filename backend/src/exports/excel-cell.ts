// One cell of an export for Polish Excel: what it is (a number, a percentage, a date, a moment, a
// text) and how each writer puts it down. XLSX gets real numbers and dates with a number format;
// CSV gets the text Polish Excel reads back as the same (decimal comma, dd.mm.yyyy, Warsaw time);
// the PDF gets the text a reader expects. Pure: no I/O, no clock.
import type { Lang } from '../lib/message-template.ts';

export type ExcelCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `decimals`: the most decimal places shown (a whole number shows none); `plain`: no thousands grouping (a year). */
  | { kind: 'number'; value: number; decimals: number; plain?: boolean }
  /** A fraction (0.699) shown as a percentage (69,9%) with `decimals` places. */
  | { kind: 'percent'; fraction: number; decimals: number }
  /** A civil date, YYYY-MM-DD. */
  | { kind: 'date'; date: string }
  /** A moment, shown as the clock in Europe/Warsaw showed it. */
  | { kind: 'datetime'; at: Date };

const empty: ExcelCell = { kind: 'empty' };

/** Cut to `decimals` places toward zero, float noise aside (0.29 × 100 is 28.999…, and stays 29). */
export function truncateTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.trunc(value * factor + Math.sign(value) * 1e-6) / factor;
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

export const cell = {
  empty,
  text: (text: string | null | undefined): ExcelCell => (text === null || text === undefined || text === '' ? empty : { kind: 'text', text }),
  number: (value: number | null | undefined, decimals = 0): ExcelCell =>
    finite(value) ? { kind: 'number', value: Math.round(value * 10 ** decimals) / 10 ** decimals, decimals } : empty,
  /** A year (or another whole number read as a name): a number, never grouped as 2 022. */
  year: (value: number | null | undefined): ExcelCell => (finite(value) ? { kind: 'number', value: Math.trunc(value), decimals: 0, plain: true } : empty),
  /** A fraction as a percentage, rounded to the places shown. */
  percent: (fraction: number | null | undefined, decimals = 1): ExcelCell =>
    finite(fraction) ? { kind: 'percent', fraction: Math.round(fraction * 10 ** (decimals + 2)) / 10 ** (decimals + 2), decimals } : empty,
  /**
   * Achievement (value / target) truncated, never rounded up (docs/spec/indicators.md): 69.9 of 70
   * is 99,8%, not 100%. Whole percent, one place within a point below the target.
   */
  achievement: (fraction: number | null | undefined): ExcelCell => {
    if (!finite(fraction)) return empty;
    const decimals = fraction < 1 && fraction * 100 >= 99 ? 1 : 0;
    return { kind: 'percent', fraction: truncateTo(fraction * 100, decimals) / 100, decimals };
  },
  date: (date: string | null | undefined): ExcelCell => {
    if (!date) return empty;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
    return { kind: 'date', date };
  },
  dateTime: (at: Date | string | null | undefined): ExcelCell => {
    if (at === null || at === undefined || at === '') return empty;
    const moment = typeof at === 'string' ? new Date(at) : at;
    if (Number.isNaN(moment.getTime())) throw new Error(`not a moment: ${String(at)}`);
    return { kind: 'datetime', at: moment };
  },
};

const warsawClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The calendar and clock in Europe/Warsaw at a moment. */
export function warsawTime(at: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(warsawClock.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** 14.01.2022 */
export function dateText(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** 07.12.2026 16:05 (Europe/Warsaw) */
export function dateTimeText(at: Date): string {
  const t = warsawTime(at);
  return `${two(t.day)}.${two(t.month)}.${t.year} ${two(t.hour)}:${two(t.minute)}`;
}

/** Digits with a decimal comma and no grouping: what Polish Excel parses back as the number. */
function plainNumber(value: number, decimals: number): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(decimals).replace(/0+$/, '').replace(/\.$/, '');
  return text.replace('.', ',');
}

/** The number format code of a cell in XLSX (the file's codes use '.', Excel shows the reader's separator). */
export function numberFormat(c: ExcelCell): string | undefined {
  switch (c.kind) {
    case 'number':
      if (c.plain) return '0';
      return Number.isInteger(c.value) || c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals)}`;
    case 'percent':
      return c.decimals === 0 ? '0%' : `0.${'0'.repeat(c.decimals)}%`;
    case 'date':
      return 'dd.mm.yyyy';
    case 'datetime':
      return 'dd.mm.yyyy hh:mm';
    default:
      return undefined;
  }
}

/**
 * The value exceljs writes for a cell: numbers as numbers, dates and moments as dates (a Date whose
 * UTC fields are the Warsaw calendar and clock, since a spreadsheet date has no zone), texts as text.
 */
export function xlsxValue(c: ExcelCell): string | number | Date | null {
  switch (c.kind) {
    case 'empty':
      return null;
    case 'text':
      return c.text;
    case 'number':
      return c.value;
    case 'percent':
      return c.fraction;
    case 'date': {
      const [year, month, day] = c.date.split('-').map(Number);
      return new Date(Date.UTC(year!, month! - 1, day!));
    }
    case 'datetime': {
      const t = warsawTime(c.at);
      return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
    }
  }
}

/** The cell as a person reads it (the PDF, and for column widths): 1 234,5 · 69,9% · 14.01.2022 · 07.12.2026 16:05. */
export function displayText(c: ExcelCell, lang: Lang): string {
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  switch (c.kind) {
    case 'empty':
      return '';
    case 'text':
      return c.text;
    case 'number':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: c.decimals, ...(c.plain ? { useGrouping: false } : {}) }).format(c.value);
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: c.decimals, maximumFractionDigits: c.decimals }).format(c.fraction);
    case 'date':
      return dateText(c.date);
    case 'datetime':
      return dateTimeText(c.at);
  }
}

/**
 * A text field of a CSV: a leading = + - @ (or tab, CR) is neutralised with an apostrophe so that a
 * spreadsheet does not run it as a formula; quoted when it holds `;`, a quote or a line break.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The cell as a field of a `;`-separated CSV that Polish Excel reads back as the same value
 * (decimal comma, dd.mm.yyyy, Warsaw time), whatever the language of the words.
 */
export function csvValue(c: ExcelCell): string {
  switch (c.kind) {
    case 'empty':
      return '';
    case 'text':
      return csvText(c.text);
    case 'number':
      return plainNumber(c.value, c.decimals);
    case 'percent':
      return `${plainNumber(Math.round(c.fraction * 10 ** (c.decimals + 2)) / 10 ** c.decimals, c.decimals)}%`;
    case 'date':
      return dateText(c.date);
    case 'datetime':
      return dateTimeText(c.at);
  }
}

/** One CSV line: fields joined by `;`. */
export function csvLine(cells: readonly ExcelCell[]): string {
  return cells.map(csvValue).join(';');
}
