/**
 * Excel keeps dates as serial numbers of days and marks them only by the cell's number format. These
 * say which formats are dates and which civil date a serial is, in either of Excel's date systems.
 */

/** Built-in number formats (ECMA-376 part 1, 18.8.30) that show a date, with or without a time. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/**
 * Whether a number format shows a date: it has a day or year part (`d`, `y`, or the East Asian
 * `e`/`g` eras) outside quoted text, escapes, `[...]` sections and colours. A time alone (`hh:mm`) is
 * not a date: its value stays a number.
 */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return BUILT_IN_DATE_FORMATS.has(numFmtId);
  // Only the first section (positive numbers) matters for how a value is shown.
  const code = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  if (/^\s*(general|@)?\s*$/i.test(code)) return false;
  return /[dDyYeg]/.test(code) || /B[12]/.test(code);
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of the 1900 system is 1899-12-30 once Excel's 29 February 1900 (serial 60) is accounted for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The civil date (YYYY-MM-DD) of a serial number, its time of day dropped; null for a serial that is
 * no date Excel can show (negative, or past 9999-12-31). In the 1900 system serials below 61 are a
 * day later than the plain count because Excel (after Lotus 1-2-3) counts a 29 February 1900.
 */
export function serialToCivilDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const days = Math.floor(serial + 1e-9); // a time of 23:59:59.9999 is still that day
  // A sheet repeats few dates many times: each is worked out once.
  const cache = date1904 ? cache1904 : cache1900;
  let date = cache.get(days);
  if (date === undefined) {
    date = civilDateOfDays(days, date1904);
    if (cache.size < 100_000) cache.set(days, date);
  }
  return date;
}

const cache1900 = new Map<number, string | null>();
const cache1904 = new Map<number, string | null>();

function civilDateOfDays(days: number, date1904: boolean): string | null {
  let ms: number;
  if (date1904) ms = EPOCH_1904 + days * MS_PER_DAY;
  else if (days === 0)
    return null; // Excel's "0 January 1900" is no real date
  else if (days < 60) ms = EPOCH_1900 + (days + 1) * MS_PER_DAY;
  else if (days === 60)
    return null; // 29 February 1900 never was
  else ms = EPOCH_1900 + days * MS_PER_DAY;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year > 9999) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The civil date of a `t="d"` cell (ISO 8601 as the cell holds it: a date, a date-time or a time).
 * A date-time keeps its written date (no time zone is applied); a time alone is no date.
 */
export function isoCellToCivilDate(text: string): string | null {
  const match = /^\s*(-?\d{4,})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month}-${day}`;
}
