import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { brief, testContext, testLimits } from '../fixtures/import-fixtures.ts';
import { FileRejectedError } from '../import.errors.ts';
import type { RawTable } from '../import.types.ts';
import { validateTable } from '../validation/validate-file.ts';
import { decodeCsv } from './csv-encoding.ts';
import { readCsv } from './csv-reader.ts';
import { readWarningsIn } from './read-warnings.ts';
import { readTable } from './table-reader.ts';

const limits = { maxRows: 1000, maxLineChars: 10_000, maxColumns: 100 };

/** The CSV reader over lines joined by `\r\n`, as UTF-8 unless bytes are given. */
function read(content: readonly string[] | Buffer) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content.join('\r\n') + '\r\n', 'utf8');
  return readCsv(buffer, 'test.csv', limits);
}

const cells = (table: RawTable) => table.rows.map((row) => row.cells);
const warnings = (table: RawTable) => brief(table.readWarnings ?? []);
const codes = (table: RawTable) => (table.readWarnings ?? []).map((w) => [w.row, w.code]);

describe('readCsv: malformed quotes are read as Excel reads them, with a warning naming the line', () => {
  it('text after a closing quote: kept, the quotes dropped', () => {
    const table = read(['kod,nazwa', 'A1,"b"c', 'A2,"d"']);
    expect(cells(table)).toEqual([
      ['kod', 'nazwa'],
      ['A1', 'bc'],
      ['A2', 'd'],
    ]);
    expect(warnings(table)).toEqual([{ row: 2, column: null, value: null, code: 'csv_text_after_closing_quote' }]);
    expect(table.readWarnings?.[0].message).toContain('Odczytano to pole bez cudzysłowów, jako jeden tekst');
  });

  it('a quoted field then a line end (CR LF, or CR at the end of the file) is no text after the quote', () => {
    expect(read(['a;b', '1;"x"', '2;"y"']).readWarnings).toEqual([]);
    expect(read(Buffer.from('a;b\r\n1;"x"\r', 'utf8')).readWarnings).toEqual([]);
  });

  it('a quote inside an unquoted field: read literally; once per line', () => {
    const table = read(['kod;nazwa', 'A1;Klub "Senior"', 'A2;a"b;c"d', 'A3;zwykły']);
    expect(cells(table)[1]).toEqual(['A1', 'Klub "Senior"']);
    expect(cells(table)[2]).toEqual(['A2', 'a"b', 'c"d']);
    expect(codes(table)).toEqual([
      [2, 'csv_quote_inside_field'],
      [3, 'csv_quote_inside_field'],
    ]);
  });

  it('a quote never closed: an ordinary character, and the rows below stay rows', () => {
    const table = read(['kod;nazwa', 'A1;"Tytuł bez końca', 'A2;drugi', 'A3;trzeci']);
    expect(cells(table)).toEqual([
      ['kod', 'nazwa'],
      ['A1', '"Tytuł bez końca'],
      ['A2', 'drugi'],
      ['A3', 'trzeci'],
    ]);
    expect(codes(table)).toEqual([[2, 'csv_quote_never_closed']]);
  });

  it('a quote never closed with more than a record’s limit after it is still refused as a line too long', () => {
    const long = ['kod;nazwa', 'A1;"bez końca', ...Array.from({ length: 1000 }, (_, i) => `A${i};${'x'.repeat(20)}`)];
    expect(() => read(long)).toThrow(expect.objectContaining({ code: 'line_too_long', params: { row: 2, limit: 10_000 } }) as FileRejectedError);
  });

  it('a quote left open that swallows rows up to the next quote: the lines it spans, and the text after it', () => {
    const table = read(['kod;uwagi', 'A1;"zaczęte', 'A2;tekst', 'A3;tekst', 'A4;"dobre"', 'A5;x']);
    expect(cells(table)).toEqual([
      ['kod', 'uwagi'],
      ['A1', 'zaczęte\nA2;tekst\nA3;tekst\nA4;dobre"'],
      ['A5', 'x'],
    ]);
    expect(warnings(table)).toEqual([
      { row: 2, column: null, value: null, code: 'csv_quoted_field_spans_lines' },
      { row: 5, column: null, value: null, code: 'csv_text_after_closing_quote' },
    ]);
    expect(table.readWarnings?.[0].message).toContain('kończy dopiero w linii 5');
  });

  it('a quoted address or comment over a few lines is no problem', () => {
    expect(read(['kod;miejsce', 'A1;"ul. Długa 5', 'Świetlica; sala 2"', 'A2;"a;b', 'c', 'd"']).readWarnings).toEqual([]);
  });

  it('names the first five lines and counts the rest in one more warning', () => {
    const table = read(['kod;nazwa', ...Array.from({ length: 8 }, (_, i) => `A${i};Klub "${i}"`)]);
    expect(codes(table)).toEqual([
      [2, 'csv_quote_inside_field'],
      [3, 'csv_quote_inside_field'],
      [4, 'csv_quote_inside_field'],
      [5, 'csv_quote_inside_field'],
      [6, 'csv_quote_inside_field'],
      [7, 'csv_more_quote_problems'],
    ]);
    expect(table.readWarnings?.[5].message).toContain('(liczba linii: 3; pierwsza z nich to ta)');
  });

  it('well-formed quoting gives no warning', () => {
    expect(read(['kod;nazwa;uwagi', 'A1;"Klub ""Senior""";"a;b"', 'A2;"";x']).readWarnings).toEqual([]);
  });
});

describe('readCsv: lines whose columns could not be told apart', () => {
  it('every line quoted as a whole: read as one column, with one warning for the file', () => {
    const table = read(['"kod;imię;nazwisko"', '"WZG-1;Anna;Kowalska"', '"WZG-2;Jan;Nowak"']);
    expect(cells(table)[1]).toEqual(['WZG-1;Anna;Kowalska']);
    expect(warnings(table)).toEqual([{ row: null, column: null, value: null, code: 'csv_single_column' }]);
    expect(table.readWarnings?.[0].message).toBe(
      'W 3 z 3 linii pliku nie udało się rozdzielić kolumn: każdą z nich odczytano jako jedną komórkę, choć kolumny wydają się rozdzielone znakiem „;”. Tak bywa, gdy każda linia jest w całości ujęta w cudzysłów albo gdy linie mają różne separatory. Otwórz plik w Excelu, sprawdź, czy dane są w osobnych kolumnach, i zapisz go jako „CSV UTF-8 (rozdzielany przecinkami)”.',
    );
    const commas = read(['"kod,imie,nazwisko"', '"WZG-1,Anna,Kowalska"']);
    expect(commas.readWarnings?.[0].params).toEqual({ separator: ',', count: 2, total: 2 });
  });

  it('the delimiter on the header only: most lines read as one column', () => {
    const table = read(['kod;imie;nazwisko', 'WZG-1 Anna Kowalska', 'WZG-2 Jan Nowak']);
    expect(table.delimiter).toBe(';');
    expect(table.readWarnings?.map((w) => [w.code, w.params])).toEqual([['csv_single_column', { separator: ';', count: 2, total: 3 }]]);
  });

  it('one column with nothing that could split it: no warning (validation names the missing columns)', () => {
    expect(read(['kod', 'WZG-1', 'WZG-2']).readWarnings).toEqual([]);
  });

  it('a header written with another separator than the data, read as one cell', () => {
    const table = read(['kod,imię,nazwisko', 'WZG-1;Anna;Kowalska', 'WZG-2;Jan;Nowak']);
    expect(table.delimiter).toBe(';');
    expect(table.readWarnings?.map((w) => [w.row, w.code, w.params])).toEqual([[1, 'csv_line_one_cell', { separator: ',', columns: 3 }]]);
  });

  it('a line quoted as a whole among good lines', () => {
    const table = read(['kod;imię;nazwisko', '"WZG-1;Anna;Kowalska"', 'WZG-2;Jan;Nowak']);
    expect(table.readWarnings?.map((w) => [w.row, w.code, w.params])).toEqual([[2, 'csv_line_one_cell', { separator: ';', columns: 3 }]]);
  });

  it('title rows and lines with empty cells only are no such lines', () => {
    expect(read(['Lista obecności, 5 marca', 'activity_id;participant_code', 'A1;WZG-1', 'A1;WZG-2']).readWarnings).toEqual([]);
    expect(read(['DZIENNIK DZIAŁAŃ;;;', ';;;', 'a;b;c;d', 'A1;;;', 'A2;;;', 'A3;x;y;z']).readWarnings).toEqual([]);
  });

  it('names the first five lines and counts the rest', () => {
    const table = read([
      'kod;imię;nazwisko',
      ...Array.from({ length: 7 }, (_, i) => `"WZG-${i};Anna;Kowalska"`),
      'WZG-9;a;b',
      'WZG-10;a;b',
      'WZG-11;a;b',
      'WZG-12;a;b',
      'WZG-13;a;b',
      'WZG-14;a;b',
      'WZG-15;a;b',
    ]);
    expect(codes(table)).toEqual([
      [2, 'csv_line_one_cell'],
      [3, 'csv_line_one_cell'],
      [4, 'csv_line_one_cell'],
      [5, 'csv_line_one_cell'],
      [6, 'csv_line_one_cell'],
      [7, 'csv_more_lines_one_cell'],
    ]);
    expect(table.readWarnings?.[5].params).toEqual({ count: 2 });
  });
});

describe('readCsv: the 8-bit code page', () => {
  const register = ['kod;imię;nazwisko;uwagi', 'WZG-1;Łucja;Żółkiewska;świetlica', 'WZG-2;Jadwiga;Ślązak;źródło, gęś', 'WZG-3;Mściwój;Wąsik;Ąę Źź Ćń'];
  const bytes = (encoding: string, lines = register) => iconv.encode(lines.join('\r\n') + '\r\n', encoding);

  it.each([
    ['windows-1250', 'windows-1250'],
    ['iso-8859-2', 'iso-8859-2'],
    ['cp852', 'cp852'],
  ])('%s: read right, without a warning', (encoding, expected) => {
    const table = read(bytes(encoding));
    expect(table.encoding).toBe(expected);
    expect(cells(table)).toEqual(register.map((line) => line.split(';')));
    expect(table.readWarnings).toEqual([]);
  });

  it('Windows-1250 with lines pasted from an ISO-8859-2 file: Windows-1250, and a warning naming the odd characters and the first line', () => {
    const mixed = Buffer.concat([bytes('windows-1250'), iconv.encode('WZG-4;Jolanta;Wąs;ąś\r\n', 'iso-8859-2')]);
    const table = read(mixed);
    expect(table.encoding).toBe('windows-1250');
    expect(cells(table)[4]).toEqual(['WZG-4', 'Jolanta', 'W±s', '±¶']);
    expect(table.readWarnings?.map((w) => [w.row, w.code, w.params])).toEqual([[5, 'csv_encoding_doubtful', { encoding: 'Windows-1250', characters: '± ¶' }]]);
  });

  it('ISO-8859-2 on the strength of a single letter: read so, with a warning', () => {
    const table = read(iconv.encode('kod;nazwa\r\nA1;Mąka\r\n', 'iso-8859-2'));
    expect(table.encoding).toBe('iso-8859-2');
    expect(cells(table)[1]).toEqual(['A1', 'Mąka']);
    expect(table.readWarnings?.map((w) => [w.row, w.code, w.params])).toEqual([[2, 'csv_encoding_doubtful', { encoding: 'ISO-8859-2', characters: 'ą' }]]);
    expect(table.readWarnings?.[0].message).toContain('Odczytano go jako ISO-8859-2, ale niektóre znaki mogą być przekłamane: ą');
  });

  it('letters common to Windows-1250 and ISO-8859-2 (ć ę ł ń ó ż) are Windows-1250 without a doubt', () => {
    const table = read(iconv.encode('kod;nazwa\r\nA1;Łódź? nie: Żółć, ręce\r\n', 'windows-1250'));
    expect(table.encoding).toBe('windows-1250');
    expect(table.readWarnings).toEqual([]);
  });

  it('bytes Windows-1250 leaves undefined: another code page only with Polish letters to show for it', () => {
    expect(decodeCsv(iconv.encode('a;b\r\nłoś;pięść\r\n', 'cp852'), 'd.csv')).toMatchObject({ encoding: 'cp852', text: 'a;b\r\nłoś;pięść\r\n', doubt: null });
    // One letter could be chance: refused as before.
    const single = Buffer.concat([Buffer.from('a;b\r\n1;2\r\nx;'), Buffer.from([0x98, 0x81]), Buffer.from('\r\n')]);
    expect(() => decodeCsv(single, 'd.csv')).toThrow(expect.objectContaining({ code: 'undecodable', params: { row: 3 } }) as FileRejectedError);
  });

  it('UTF-8 is UTF-8, with no doubt', () => {
    expect(decodeCsv(Buffer.from('a;b\r\nąś±;¶\r\n', 'utf8'), 'u.csv')).toMatchObject({ encoding: 'utf-8', doubt: null });
  });
});

describe('read warnings in a report', () => {
  it('come first among the warnings, in the report’s language, without their parameters', async () => {
    const file = Buffer.from(['kod uczestnika;społeczność;rok urodzenia', 'WZG-0101;WZG;"1980"x', ''].join('\r\n'), 'utf8');
    const table = await readTable(file, 'rejestr.csv', testLimits);
    const result = validateTable(table, testContext({}, { lang: 'en' }));
    expect(result.warnings[0]).toEqual({
      row: 2,
      column: null,
      value: null,
      code: 'csv_text_after_closing_quote',
      message:
        'There is text after the quote that closes a field (as in "abc"def). The field was read without its quotes, as one text (abcdef). Check this value. A text holding a quote must be quoted as a whole, with the quote inside written twice: "abc""def". Excel writes it so when saving as "CSV UTF-8 (Comma delimited)".',
    });
    expect(readWarningsIn(table, 'pl')[0].message).toMatch(/^Po cudzysłowie zamykającym pole jest jeszcze tekst/);
  });
});
