import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { FileRejectedError } from '../import.errors.ts';
import type { CellValue, RawRow } from '../import.types.ts';
import { isEmptyRow } from './values.ts';

export type CsvEncoding = 'utf-8' | 'windows-1250';
export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvLimits {
  maxRows: number;
  maxLineChars: number;
  maxColumns: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const REPLACEMENT_CHAR = '\uFFFD';
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const CRLF = /\r\n?/g;
const LONE_CR = /\r/g;
/** Delimiter candidates in order of preference when they score the same (`;` is Polish Excel's default). */
const DELIMITERS: readonly CsvDelimiter[] = [';', '\t', ','];
const DELIMITER_SAMPLE_LINES = 30;
const DELIMITER_SAMPLE_CHARS = 64 * 1024;
const SEP_LINE = /^sep=([;,\t])\r?(?:\n|$)/i;

/**
 * Text of a CSV file: valid UTF-8 (with or without BOM) is UTF-8, anything else is Windows-1250
 * (what Polish Excel writes as "CSV"). Bytes that Windows-1250 leaves undefined reject the file.
 */
export function decodeCsv(buffer: Buffer, fileName: string): { text: string; encoding: CsvEncoding } {
  const hasBom = buffer.length >= 3 && buffer[0] === UTF8_BOM[0] && buffer[1] === UTF8_BOM[1] && buffer[2] === UTF8_BOM[2];
  const body = hasBom ? buffer.subarray(3) : buffer;
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  const damagedUtf8 = firstInvalidUtf8IfPolishUtf8(body);
  if (damagedUtf8 >= 0) throw new FileRejectedError('mixed_encoding', fileName, { row: lineOfByte(body, damagedUtf8) });
  const text = iconv.decode(body, 'windows-1250');
  const bad = text.indexOf(REPLACEMENT_CHAR);
  if (bad >= 0) throw new FileRejectedError('undecodable', fileName, { row: lineOf(text, bad) });
  return { text, encoding: 'windows-1250' };
}

/**
 * A file that is not valid UTF-8 but holds Polish letters written as UTF-8 (`ł` as C5 82) is UTF-8
 * with some damage (a stray byte, two files pasted together), not Windows-1250: read as Windows-1250
 * every Polish letter would turn into two wrong ones (`ł` → `Ĺ‚`), which Windows-1250 text never
 * contains. Returns the offset of the first byte that is not UTF-8, or -1 when the file shows no
 * UTF-8 Polish letters. Native `indexOf` scans: Windows-1250 Polish text rarely holds 0xC3–0xC5.
 */
function firstInvalidUtf8IfPolishUtf8(body: Buffer): number {
  if (!hasPolishUtf8Letter(body)) return -1;
  const text = body.toString('utf8');
  const bad = text.indexOf(REPLACEMENT_CHAR);
  return bad < 0 ? -1 : Buffer.byteLength(text.slice(0, bad), 'utf8');
}

function isPolishUtf8Pair(lead: number, next: number): boolean {
  switch (lead) {
    case 0xc3: // ó Ó
      return next === 0xb3 || next === 0x93;
    case 0xc4: // Ą ą Ć ć Ę ę
      return (next >= 0x84 && next <= 0x87) || next === 0x98 || next === 0x99;
    case 0xc5: // Ł ł Ń ń Ś ś Ź ź Ż ż
      return (next >= 0x81 && next <= 0x84) || next === 0x9a || next === 0x9b || (next >= 0xb9 && next <= 0xbc);
    default:
      return false;
  }
}

function hasPolishUtf8Letter(body: Buffer): boolean {
  for (const lead of [0xc5, 0xc4, 0xc3]) {
    for (let at = body.indexOf(lead); at >= 0 && at + 1 < body.length; at = body.indexOf(lead, at + 1)) {
      if (isPolishUtf8Pair(lead, body[at + 1])) return true;
    }
  }
  return false;
}

function lineOfByte(buffer: Buffer, offset: number): number {
  let line = 1;
  for (let at = buffer.indexOf(LF); at >= 0 && at < offset; at = buffer.indexOf(LF, at + 1)) line++;
  return line;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * The delimiter among `;`, tab and `,`: as declared by a first line `sep=;`, else, for each, the most common non-zero count per line (outside
 * quotes) in the first lines; the one that many lines agree on wins, then the one with more columns.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const declared = SEP_LINE.exec(text.slice(0, 8)); // Excel's own hint line, `sep=;`
  if (declared) return declared[1] as CsvDelimiter;
  const counts = DELIMITERS.map(() => [] as number[]);
  const perLine = [0, 0, 0];
  const end = Math.min(text.length, DELIMITER_SAMPLE_CHARS);
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < end && lines < DELIMITER_SAMPLE_LINES; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === LF || c === CR) {
      if (perLine[0] + perLine[1] + perLine[2] > 0) {
        for (let k = 0; k < 3; k++) counts[k].push(perLine[k]);
        lines++;
      }
      perLine.fill(0);
    } else if (c === 0x3b) perLine[0]++;
    else if (c === 0x09) perLine[1]++;
    else if (c === 0x2c) perLine[2]++;
  }
  if (perLine[0] + perLine[1] + perLine[2] > 0) for (let k = 0; k < 3; k++) counts[k].push(perLine[k]);

  let best: CsvDelimiter = ';';
  let bestAgreeing = 0;
  let bestMode = 0;
  DELIMITERS.forEach((delimiter, k) => {
    const frequency = new Map<number, number>();
    for (const count of counts[k]) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let mode = 0;
    let agreeing = 0;
    for (const [count, lineCount] of frequency) {
      if (lineCount > agreeing || (lineCount === agreeing && count > mode)) {
        mode = count;
        agreeing = lineCount;
      }
    }
    if (agreeing > bestAgreeing || (agreeing === bestAgreeing && mode > bestMode)) {
      best = delimiter;
      bestAgreeing = agreeing;
      bestMode = mode;
    }
  });
  return best;
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && value.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/**
 * Rows of a CSV text. A quoted field may hold delimiters, doubled quotes and line breaks; text after
 * a closing quote is kept literally (as Excel does) rather than failing. Rows may have any number of
 * cells. `rowNumber` is the record's number, the row Excel and LibreOffice show: a quoted line break
 * stays inside its row, and Excel's `sep=;` first line is no row. Messages about the text itself
 * (a line too long, an unclosed quote) name the physical line instead, as a text editor shows it.
 * Empty cells are null; trailing empty rows are dropped.
 *
 * Hand-written instead of csv-parse: with the line numbers a report needs, csv-parse took ~5 s for a
 * million attendance rows (1.7 s without them); this loop takes about as long as `String.split`.
 */
export function parseCsvText(text: string, delimiter: CsvDelimiter, limits: CsvLimits, fileName: string): RawRow[] {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') >= 0) text = text.replace(LONE_CR, '\n'); // old Mac line ends
  const rows: RawRow[] = [];
  const n = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  const maxRecords = limits.maxRows + 1; // the header row is not a data row
  let nonEmptyRecords = 0;
  let i = 0;
  let line = 1;
  let record = 0;
  let nextDelimiter = -1;
  let nextLineFeed = -1;
  const sepLine = SEP_LINE.exec(text.slice(0, 8));
  if (sepLine && sepLine[1] === delimiter) {
    i = sepLine[0].length;
    if (text.charCodeAt(i - 1) === LF) line++;
  }

  while (i < n) {
    const rowNumber = ++record;
    const startLine = line;
    const recordStart = i;
    const cells: CellValue[] = [];
    let hasValue = false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        i++;
        let start = i;
        value = '';
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            if (n - recordStart > limits.maxLineChars) throw new FileRejectedError('line_too_long', fileName, { row: startLine, limit: limits.maxLineChars });
            throw new FileRejectedError('unclosed_quote', fileName, { row: quoteLine });
          }
          if (quote - recordStart > limits.maxLineChars) throw new FileRejectedError('line_too_long', fileName, { row: startLine, limit: limits.maxLineChars });
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(start, quote + 1);
            i = quote + 2;
            start = i;
          } else {
            value += text.slice(start, quote);
            i = quote + 1;
            break;
          }
        }
        const breaks = countLineBreaks(value);
        if (breaks > 0) {
          line += breaks;
          value = value.replace(CRLF, '\n');
        }
        if (i < n && text.charCodeAt(i) !== delimiterCode && text.charCodeAt(i) !== LF) {
          // Text after the closing quote, up to the end of the field: kept as it stands.
          if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiter, i);
          if (nextLineFeed < i) nextLineFeed = indexOrEnd(text, '\n', i);
          const end = nextDelimiter < nextLineFeed ? nextDelimiter : nextLineFeed;
          const stop = end === nextLineFeed && text.charCodeAt(end - 1) === CR ? end - 1 : end;
          if (stop > i) value += text.slice(i, stop);
          i = end;
        }
      } else {
        if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiter, i);
        if (nextLineFeed < i) nextLineFeed = indexOrEnd(text, '\n', i);
        const end = nextDelimiter < nextLineFeed ? nextDelimiter : nextLineFeed;
        const stop = end === nextLineFeed && end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end;
        value = stop > i ? text.slice(i, stop) : '';
        i = end;
      }
      if (value === '') cells.push(null);
      else {
        cells.push(value);
        hasValue = true;
      }
      if (i - recordStart > limits.maxLineChars) throw new FileRejectedError('line_too_long', fileName, { row: startLine, limit: limits.maxLineChars });
      if (i >= n) break;
      if (text.charCodeAt(i) === delimiterCode) {
        i++;
        continue;
      }
      i++; // the line feed ending the record
      line++;
      break;
    }
    if (cells.length > limits.maxColumns) {
      // Empty cells after the last value (Excel writes `;;;;` up to the sheet's used range) are not columns.
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    }
    if (cells.length > limits.maxColumns) {
      throw new FileRejectedError('too_many_columns', fileName, { row: rowNumber, count: cells.length, limit: limits.maxColumns });
    }
    if (hasValue && ++nonEmptyRecords > maxRecords) throw new FileRejectedError('too_many_rows', fileName, { limit: limits.maxRows });
    rows.push({ rowNumber, cells });
  }
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1].cells)) rows.pop();
  return rows;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}
