import type { ImportMessageKey } from '../import.messages.ts';
import type { RawRow } from '../import.types.ts';
import type { CsvEncoding, EncodingDoubt } from './csv-encoding.ts';
import type { CsvDelimiter, CsvQuoteProblem, CsvQuoteProblemKind } from './csv-reader.ts';
import { readWarning, type ReadWarning } from './read-warnings.ts';
import { isEmptyRow } from './values.ts';

/** Lines named one by one per kind of warning; the rest are counted in one more warning. */
const MAX_LINES_LISTED = 5;
const SEPARATORS: readonly CsvDelimiter[] = [';', ',', '\t'];

const encodingNames: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1250': 'Windows-1250',
  'iso-8859-2': 'ISO-8859-2',
  cp852: 'CP852 (DOS)',
};

const quoteMessages: Record<CsvQuoteProblemKind, ImportMessageKey> = {
  text_after_closing_quote: 'csv_text_after_closing_quote',
  quote_inside_field: 'csv_quote_inside_field',
  quote_never_closed: 'csv_quote_never_closed',
  quoted_field_spans_lines: 'csv_quoted_field_spans_lines',
};

/** A warning when the 8-bit code page the file was read in is not certain. */
export function encodingWarnings(encoding: CsvEncoding, doubt: EncodingDoubt | null): ReadWarning[] {
  if (!doubt) return [];
  return [readWarning(doubt.line, 'csv_encoding_doubtful', { encoding: encodingNames[encoding], characters: doubt.characters.join(' ') })];
}

/** One warning per line with a malformed quote, the first few; the others counted in one more. */
export function quoteWarnings(problems: readonly CsvQuoteProblem[]): ReadWarning[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const warnings = sorted
    .slice(0, MAX_LINES_LISTED)
    .map((p) => readWarning(p.line, quoteMessages[p.kind], p.endLine === undefined ? {} : { endLine: p.endLine }));
  if (sorted.length > MAX_LINES_LISTED) {
    warnings.push(readWarning(sorted[MAX_LINES_LISTED].line, 'csv_more_quote_problems', { count: sorted.length - MAX_LINES_LISTED }));
  }
  return warnings;
}

/**
 * Lines whose columns could not be told apart, each read as one cell (it holds no delimiter outside
 * quotes): when they are most of the file and it shows another way to split them (a separator inside
 * their text, as when whole lines are quoted, or the delimiter on the other lines), one warning for
 * the file; when most lines split well, each line a separator would split into as many columns as
 * the others have (a header written with another separator, a line quoted as a whole).
 */
export function columnSplitWarnings(rows: readonly RawRow[], delimiter: CsvDelimiter): ReadWarning[] {
  const filled = rows.filter((row) => !isEmptyRow(row.cells));
  const oneCell = filled.filter((row) => row.cells.length === 1);
  const split = filled.filter((row) => row.cells.length > 1);
  if (oneCell.length === 0) return [];

  if (oneCell.length > split.length) {
    const inside = mostCommonSeparatorInside(oneCell);
    const separator = inside && inside.lines * 2 >= oneCell.length ? inside.separator : split.length > 0 ? delimiter : null;
    if (separator === null) return []; // one column indeed: nothing suggests another split
    return [readWarning(null, 'csv_single_column', { separator: shown(separator), count: oneCell.length, total: filled.length })];
  }

  const columns = mostCommon(split.map((row) => row.cells.length));
  const misread: { row: RawRow; separator: CsvDelimiter }[] = [];
  for (const row of oneCell) {
    const text = row.cells[0];
    if (typeof text !== 'string') continue;
    // Another separator than the file's must split into three columns or more: "Lista, 5 marca" is a title, not a row.
    const separator = SEPARATORS.find((s) => text.split(s).length === columns && (s === delimiter || columns >= 3));
    if (separator) misread.push({ row, separator });
  }
  const warnings = misread
    .slice(0, MAX_LINES_LISTED)
    .map(({ row, separator }) => readWarning(row.rowNumber, 'csv_line_one_cell', { separator: shown(separator), columns }));
  if (misread.length > MAX_LINES_LISTED) {
    warnings.push(readWarning(misread[MAX_LINES_LISTED].row.rowNumber, 'csv_more_lines_one_cell', { count: misread.length - MAX_LINES_LISTED }));
  }
  return warnings;
}

/** The separator found in the text of the most one-cell lines, with how many. */
function mostCommonSeparatorInside(oneCell: readonly RawRow[]): { separator: CsvDelimiter; lines: number } | null {
  let best: { separator: CsvDelimiter; lines: number } | null = null;
  for (const separator of SEPARATORS) {
    const lines = oneCell.filter((row) => typeof row.cells[0] === 'string' && row.cells[0].includes(separator)).length;
    if (lines > 0 && (best === null || lines > best.lines)) best = { separator, lines };
  }
  return best;
}

function mostCommon(values: readonly number[]): number {
  const frequency = new Map<number, number>();
  for (const value of values) frequency.set(value, (frequency.get(value) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of frequency) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** A separator as a message shows it: a tab is invisible. */
function shown(separator: CsvDelimiter): string {
  return separator === '\t' ? 'Tab' : separator;
}
