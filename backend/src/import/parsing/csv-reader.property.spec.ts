// The CSV reader against csv-parse on generated files: random fields with both delimiters, quotes
// (doubled), line breaks inside quotes, empty fields, Polish letters; CR, LF or CR LF line ends;
// UTF-8 with and without BOM, and Windows-1250. A fixed seed makes every run the same files.
import { mulberry32 } from '@osl/data/demo';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../import.types.ts';
import { decodeCsv } from './csv-encoding.ts';
import { parseCsvText, type CsvDelimiter } from './csv-reader.ts';
import { isEmptyRow } from './values.ts';

const CASES = 600;
const SEED = 0x0c5e13;
const limits = { maxRows: 1000, maxLineChars: 1_000_000, maxColumns: 1000 };

type LineEnd = '\n' | '\r\n' | '\r';

interface GeneratedFile {
  text: string;
  delimiter: CsvDelimiter;
  lineEnd: LineEnd;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1250';
}

function generateFile(random: () => number): GeneratedFile {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const delimiter = pick<CsvDelimiter>([';', ',']);
  const lineEnd = pick<LineEnd>(['\n', '\r\n', '\r']);
  // A file with CR line ends is read as such only when it holds no LF at all, so its quoted line breaks are CRs too.
  const breaks = lineEnd === '\r' ? ['\r'] : ['\n', '\r\n', '\r'];
  const pieces = ['a', 'b', 'Z', '7', ' ', '-', 'ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż', 'Ą', 'Ł', 'Ś', 'Ź', 'Ż', ',', ';', '"', '""', 'Kowalska', 'Łódź'];
  const field = (): string => {
    const length = random() < 0.2 ? 0 : Math.floor(random() * 8);
    let value = '';
    for (let i = 0; i < length; i++) value += random() < 0.06 ? pick(breaks) : pick(pieces);
    const mustQuote = /[;,"\r\n]/.test(value);
    return mustQuote || random() < 0.15 ? `"${value.replaceAll('"', '""')}"` : value;
  };
  const records = 1 + Math.floor(random() * 12);
  const lines: string[] = [];
  for (let r = 0; r < records; r++) {
    const fields = 1 + Math.floor(random() * 6);
    lines.push(Array.from({ length: fields }, field).join(delimiter));
  }
  const text = lines.join(lineEnd) + (random() < 0.7 ? lineEnd : '');
  return { text, delimiter, lineEnd, encoding: pick(['utf-8', 'utf-8-bom', 'windows-1250'] as const) };
}

function bytesOf(file: GeneratedFile): Buffer {
  if (file.encoding === 'windows-1250') return iconv.encode(file.text, 'windows-1250');
  const body = Buffer.from(file.text, 'utf8');
  return file.encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/**
 * csv-parse's records as our reader gives them, where it differs on purpose: an empty field is
 * null (the importer's "no value"); a line break inside a field is `\n` whatever the file wrote
 * (a cell shows the same text from any editor); trailing records of empty or blank cells are
 * dropped (Excel's padding below the data; a blank cell is empty to the importer). The reader does
 * not trim otherwise: values are trimmed later, by the validators.
 */
function asOurReaderReads(records: string[][]): CellValue[][] {
  const cells = records.map((record) => record.map((value) => (value === '' ? null : value.replace(/\r\n?/g, '\n'))));
  while (cells.length > 0 && isEmptyRow(cells[cells.length - 1])) cells.pop();
  return cells;
}

describe('the CSV reader reads what csv-parse reads', () => {
  const random = mulberry32(SEED); // the demo data's seeded generator
  const files = Array.from({ length: CASES }, () => generateFile(random));

  it(`${CASES} generated files: the same cells, rows numbered as records, no quote problem`, () => {
    for (const [index, file] of files.entries()) {
      const context = `file ${index}: ${JSON.stringify(file)}`;
      // csv-parse cannot decode Windows-1250: it gets the same text as UTF-8 (the decoding is compared on its own).
      const source = file.encoding === 'windows-1250' ? Buffer.from(file.text, 'utf8') : bytesOf(file);
      const expected = parse(source, { bom: true, delimiter: file.delimiter, record_delimiter: file.lineEnd, relax_column_count: true }) as string[][];

      const decoded = decodeCsv(bytesOf(file), 'generated.csv');
      expect(decoded.text, context).toBe(file.text);
      expect(decoded.encoding, context).toBe(file.encoding === 'windows-1250' ? 'windows-1250' : 'utf-8');
      expect(decoded.doubt, context).toBeNull();

      const { rows, quoteProblems } = parseCsvText(decoded.text, file.delimiter, limits, 'generated.csv');
      const cells = asOurReaderReads(expected);
      expect(
        rows.map((row) => row.cells),
        context,
      ).toEqual(cells);
      expect(
        rows.map((row) => row.rowNumber),
        context,
      ).toEqual(cells.map((_, i) => i + 1));
      // Well-formed quoting is never a problem. (A quoted field whose later lines hold the delimiter is
      // reported on purpose, as a likely quote left open: such fields are generated by chance here.)
      expect(
        quoteProblems.filter((p) => p.kind !== 'quoted_field_spans_lines'),
        context,
      ).toEqual([]);
    }
  });
});
