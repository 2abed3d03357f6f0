import { FileRejectedError } from '../import.errors.ts';
import type { CellValue, RawRow, RawTable } from '../import.types.ts';
import { decodeCsv } from './csv-encoding.ts';
import { columnSplitWarnings, encodingWarnings, quoteWarnings } from './csv-read-warnings.ts';
import type { ReadWarning } from './read-warnings.ts';
import { isEmptyRow } from './values.ts';

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvLimits {
  maxRows: number;
  maxLineChars: number;
  maxColumns: number;
}

/** A quote the reader had to guess about; `line` is the physical line, as a text editor shows it. */
export interface CsvQuoteProblem {
  line: number;
  kind: CsvQuoteProblemKind;
  /** `quoted_field_spans_lines`: the line on which the field ends. */
  endLine?: number;
}

export type CsvQuoteProblemKind =
  /** `"b"c`: kept as `bc`. */
  | 'text_after_closing_quote'
  /** `ab"c`: kept as it stands. */
  | 'quote_inside_field'
  /** `"abc` with no quote after it in the whole file: the quote is kept as a character. */
  | 'quote_never_closed'
  /** A quoted field running over lines that look like rows of their own (a quote closed much later than meant). */
  | 'quoted_field_spans_lines';

/** A CSV file read: its read warnings keep their parameters (see `ReadWarning`). */
export interface CsvTable extends RawTable {
  readWarnings: ReadWarning[];
}

export interface ParsedCsv {
  rows: RawRow[];
  quoteProblems: CsvQuoteProblem[];
}

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

/**
 * A CSV file's rows (see `parseCsvText`), with what the reader had to guess about (`readWarnings`):
 * a doubtful code page, malformed quotes, lines whose columns could not be told apart.
 */
export function readCsv(buffer: Buffer, fileName: string, limits: CsvLimits): CsvTable {
  const { text, encoding, doubt } = decodeCsv(buffer, fileName);
  const delimiter = detectDelimiter(text);
  const { rows, quoteProblems } = parseCsvText(text, delimiter, limits, fileName);
  const readWarnings = [...encodingWarnings(encoding, doubt), ...columnSplitWarnings(rows, delimiter), ...quoteWarnings(quoteProblems)];
  return { fileName, format: 'csv', encoding, delimiter, rows, readWarnings };
}

/**
 * Rows of a CSV text. A quoted field may hold delimiters, doubled quotes and line breaks. Malformed
 * quotes are read as Excel reads them and noted in `quoteProblems`: text after a closing quote is
 * kept literally (`"b"c` → `bc`), so is a quote inside an unquoted field (`ab"c`), and a quote never
 * closed is an ordinary character. Rows may have any number of cells. `rowNumber` is the record's
 * number, the row Excel and LibreOffice show: a quoted line break stays inside its row, and Excel's
 * `sep=;` first line is no row. Messages about the text itself (a line too long, a quote) name the
 * physical line instead, as a text editor shows it. Empty cells are null; trailing empty rows are dropped.
 *
 * Hand-written instead of csv-parse: with the line numbers a report needs, csv-parse took ~5 s for a
 * million attendance rows (1.7 s without them); this loop takes about as long as `String.split`.
 */
export function parseCsvText(text: string, delimiter: CsvDelimiter, limits: CsvLimits, fileName: string): ParsedCsv {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') >= 0) text = text.replace(LONE_CR, '\n'); // old Mac line ends
  const rows: RawRow[] = [];
  const quoteProblems: CsvQuoteProblem[] = [];
  const note = (line: number, kind: CsvQuoteProblemKind, endLine?: number) => {
    const last = quoteProblems[quoteProblems.length - 1];
    if (last?.line === line && last.kind === kind) return; // once per line and kind
    quoteProblems.push(endLine === undefined ? { line, kind } : { line, kind, endLine });
  };
  const n = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  const maxRecords = limits.maxRows + 1; // the header row is not a data row
  let nonEmptyRecords = 0;
  let i = 0;
  let line = 1;
  let record = 0;
  let nextDelimiter = -1;
  let nextLineFeed = -1;
  let nextQuote = -1;
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
      let value: string | null = null;
      let literalFrom = i; // where an unquoted field's own quotes would start
      if (text.charCodeAt(i) === QUOTE) {
        const fieldStart = i;
        const quoteLine = line;
        i++;
        let start = i;
        let quoted = '';
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            // By CSV's rules the field runs to the end of the file: refused past a record's limit, as any field would be.
            if (n - recordStart > limits.maxLineChars) throw new FileRejectedError('line_too_long', fileName, { row: startLine, limit: limits.maxLineChars });
            // Within it, the quote is read as a character, so that the rows below stay rows.
            note(quoteLine, 'quote_never_closed');
            i = fieldStart;
            literalFrom = fieldStart + 1;
            break;
          }
          if (quote - recordStart > limits.maxLineChars) throw new FileRejectedError('line_too_long', fileName, { row: startLine, limit: limits.maxLineChars });
          if (text.charCodeAt(quote + 1) === QUOTE) {
            quoted += text.slice(start, quote + 1);
            i = quote + 2;
            start = i;
          } else {
            quoted += text.slice(start, quote);
            i = quote + 1;
            value = quoted;
            break;
          }
        }
        if (value !== null) {
          const breaks = countLineBreaks(value);
          if (breaks > 0) {
            line += breaks;
            value = value.replace(CRLF, '\n');
            if (holdsRowsOfTheirOwn(value, delimiter)) note(quoteLine, 'quoted_field_spans_lines', line);
          }
          if (i < n && text.charCodeAt(i) !== delimiterCode && text.charCodeAt(i) !== LF) {
            // Text after the closing quote, up to the end of the field: kept as it stands.
            if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiter, i);
            if (nextLineFeed < i) nextLineFeed = indexOrEnd(text, '\n', i);
            const end = nextDelimiter < nextLineFeed ? nextDelimiter : nextLineFeed;
            const stop = end === nextLineFeed && text.charCodeAt(end - 1) === CR ? end - 1 : end;
            if (stop > i) {
              value += text.slice(i, stop);
              note(line, 'text_after_closing_quote');
            }
            i = end;
          }
        }
      }
      if (value === null) {
        if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiter, i);
        if (nextLineFeed < i) nextLineFeed = indexOrEnd(text, '\n', i);
        const end = nextDelimiter < nextLineFeed ? nextDelimiter : nextLineFeed;
        const stop = end === nextLineFeed && end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end;
        if (nextQuote < literalFrom) nextQuote = indexOrEnd(text, '"', literalFrom);
        if (nextQuote < stop) note(line, 'quote_inside_field');
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
  return { rows, quoteProblems };
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
 * A quoted field over three lines or more whose later lines hold the delimiter, as rows do: most
 * likely a quote left open, swallowing rows up to the next quote. (An address or a comment over a
 * few lines rarely holds the delimiter on two of them.)
 */
function holdsRowsOfTheirOwn(value: string, delimiter: CsvDelimiter): boolean {
  let rowLike = 0;
  for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) {
    const next = value.indexOf('\n', at + 1);
    const lineEnd = next < 0 ? value.length : next;
    const hit = value.indexOf(delimiter, at + 1);
    if (hit >= 0 && hit < lineEnd && ++rowLike >= 2) return true;
  }
  return false;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}
