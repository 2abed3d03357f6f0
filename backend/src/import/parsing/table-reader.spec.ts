import { describe, expect, it } from 'vitest';
import { csvBytes, fileRejection, handMadeWorkbook, oleBytes, testLimits, xlsxBytes, zipBytes } from '../fixtures/import-fixtures.ts';
import { readTable } from './table-reader.ts';
import { detectDelimiter } from './csv-reader.ts';
import type { RawTable } from '../import.types.ts';

const rejection = fileRejection;

const cells = (table: RawTable) => table.rows.map((row) => row.cells);
const rowNumbers = (table: RawTable) => table.rows.map((row) => row.rowNumber);

describe('readTable: CSV', () => {
  const polish = 'Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ';

  it.each(['utf-8', 'utf-8-bom', 'windows-1250'] as const)('decodes %s without mangling Polish letters', async (encoding) => {
    const table = await readTable(csvBytes(['kod;nazwisko', `WZG-1;${polish}`], encoding), 'r.csv', testLimits);
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe(encoding === 'windows-1250' ? 'windows-1250' : 'utf-8');
    expect(cells(table)).toEqual([
      ['kod', 'nazwisko'],
      ['WZG-1', polish],
    ]);
  });

  it('strips the BOM from the first header', async () => {
    const table = await readTable(csvBytes(['activity_id;date'], 'utf-8-bom'), 'a.csv', testLimits);
    expect(table.rows[0].cells[0]).toBe('activity_id');
  });

  it.each([
    [';', 'a;b;c\n1;2,5;3\n4;5,5;6'],
    [',', 'a,b,c\n1,"2,5",3\n4,5,6'],
    ['\t', 'a\tb\tc\n1\t2,5\t3'],
    [';', 'LISTA OBECNOŚCI;;\na;b;c\n1;Kowalska, Anna;3'],
    [',', 'title "x; y"\na,b\n"p;q",2\n"r;s",3'],
    [',', 'sep=,\r\na;b;c;d\n1;2;3;4'],
  ])('detects the delimiter %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks; row numbers are records, as Excel numbers its rows', async () => {
    const text = [
      'activity_id;title;location',
      'A-1;"Warsztaty; kulinarne";"ul. Długa 5',
      'Świetlica"',
      'A-2;"Klub ""Senior""";',
      '',
      'A-3;"a\r\nb\r\nc";x',
      'A-4;tekst "w środku";y',
    ].join('\r\n');
    const table = await readTable(Buffer.from(text, 'utf8'), 'a.csv', testLimits);
    expect(table.delimiter).toBe(';');
    expect(rowNumbers(table)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cells(table)).toEqual([
      ['activity_id', 'title', 'location'],
      ['A-1', 'Warsztaty; kulinarne', 'ul. Długa 5\nŚwietlica'],
      ['A-2', 'Klub "Senior"', null],
      [null],
      ['A-3', 'a\nb\nc', 'x'],
      ['A-4', 'tekst "w środku"', 'y'],
    ]);
  });

  it('numbers rows as Excel shows them: a quoted line break stays in its row, a sep= line is no row', async () => {
    const text = ['sep=;', 'kod;uwagi', 'A-1;"dwie', 'linie"', 'A-2;x'].join('\r\n');
    const table = await readTable(Buffer.from(text, 'utf8'), 'a.csv', testLimits);
    expect(cells(table)).toEqual([
      ['kod', 'uwagi'],
      ['A-1', 'dwie\nlinie'],
      ['A-2', 'x'],
    ]);
    expect(rowNumbers(table)).toEqual([1, 2, 3]);
    const wide = Array.from({ length: 1001 }, (_, i) => `c${i}`).join(';');
    const error = await rejection(readTable(csvBytes(['a;b', '1;"x\ny"', wide]), 'w.csv', testLimits));
    expect(error.params).toEqual({ row: 3, count: 1001, limit: 1000 });
    // Messages about the text itself still name the line a text editor shows.
    const long = await rejection(readTable(csvBytes(['a;b', '1;"x\ny"', `3;${'x'.repeat(2000)}`]), 'l.csv', { ...testLimits, maxLineChars: 1000 }));
    expect(long.params).toEqual({ row: 4, limit: 1000 });
  });

  it('keeps rows of any length, formula-like text as text, and drops trailing empty lines', async () => {
    const table = await readTable(csvBytes(['a;b;c', '1;=SUM(A1);-3;extra', '2', ';;', ''], 'utf-8', '\n'), 'a.csv', testLimits);
    expect(cells(table)).toEqual([['a', 'b', 'c'], ['1', '=SUM(A1)', '-3', 'extra'], ['2']]);
  });

  it('reads old Mac line ends and tab-separated text', async () => {
    const table = await readTable(Buffer.from('a\tb\r1\t2\r', 'utf8'), 'a.txt', testLimits);
    expect(table.delimiter).toBe('\t');
    expect(cells(table)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(rowNumbers(table)).toEqual([1, 2]);
  });

  it('takes the format from the content, not the name', async () => {
    const table = await readTable(csvBytes(['a;b', '1;2']), 'lista.xlsx', testLimits);
    expect(table.format).toBe('csv');
  });
});

describe('readTable: XLSX', () => {
  it('reads the first sheet: title rows, Excel dates, cached formula results, rich text, hyperlinks, Excel row numbers', async () => {
    const buffer = await xlsxBytes([
      {
        name: 'Arkusz1',
        rows: [
          ['LISTA OBECNOŚCI'],
          [],
          ['activity_id', 'participant_code', 'date', 'note'],
          ['A-1', { richText: [{ text: 'WZG-' }, { text: '0001', font: { bold: true } }] }, new Date(Date.UTC(2022, 2, 5)), 12.5],
          [
            { text: 'A-2', hyperlink: 'https://example.org' },
            { formula: 'CONCAT("WZG-","0002")', result: 'WZG-0002' },
            { formula: 'C4+1', result: new Date(Date.UTC(2022, 2, 6)) },
            true,
          ],
          [{ formula: '1/0', result: { error: '#DIV/0!' } }, '=SUM(A1)', 44625, ''],
          [],
          ['A-3', 'WZG-0003', '05.03.2022'],
        ],
        setup: (sheet) => {
          sheet.mergeCells('A1:D1');
          sheet.getCell('C6').numFmt = 'dd.mm.yyyy';
        },
      },
    ]);
    const table = await readTable(buffer, 'lista.xlsx', testLimits);
    expect(table.format).toBe('xlsx');
    expect(table.sheetName).toBe('Arkusz1');
    expect(rowNumbers(table)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(cells(table)).toEqual([
      ['LISTA OBECNOŚCI', 'LISTA OBECNOŚCI', 'LISTA OBECNOŚCI', 'LISTA OBECNOŚCI'],
      [],
      ['activity_id', 'participant_code', 'date', 'note'],
      ['A-1', 'WZG-0001', { date: '2022-03-05' }, 12.5],
      ['A-2', 'WZG-0002', { date: '2022-03-06' }, true],
      ['#DIV/0!', '=SUM(A1)', { date: '2022-03-05' }],
      [],
      ['A-3', 'WZG-0003', '05.03.2022'],
    ]);
  });

  it('never shifts an Excel date by a time zone', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a local-time conversion would move the day
    try {
      const buffer = await xlsxBytes([{ name: 'S', rows: [['date'], [new Date(Date.UTC(2023, 0, 1))], [new Date(Date.UTC(2022, 11, 31, 23, 59))]] }]);
      const table = await readTable(buffer, 'd.xlsx', testLimits);
      expect(cells(table).slice(1)).toEqual([[{ date: '2023-01-01' }], [{ date: '2022-12-31' }]]);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('picks the sheet named after the kind, skipping hidden sheets', async () => {
    const buffer = await xlsxBytes([
      { name: 'Instrukcja', rows: [['Wpisz dane w arkuszu Obecności']] },
      { name: 'Ukryty', state: 'hidden', rows: [['x']] },
      { name: 'Uczestnicy', rows: [['kod', 'spolecznosc']] },
      { name: 'Obecności', rows: [['activity_id', 'participant_code']] },
    ]);
    expect((await readTable(buffer, 'w.xlsx', testLimits, 'attendance')).sheetName).toBe('Obecności');
    expect((await readTable(buffer, 'w.xlsx', testLimits, 'participants')).sheetName).toBe('Uczestnicy');
    expect((await readTable(buffer, 'w.xlsx', testLimits)).sheetName).toBe('Uczestnicy'); // first sheet named after a kind
    expect((await readTable(buffer, 'w.xlsx', testLimits, 'survey')).sheetName).toBe('Instrukcja'); // none: the first sheet
  });
});

describe('readTable: files rejected as a whole', () => {
  it('an empty file', async () => {
    const error = await rejection(readTable(Buffer.alloc(0), 'e.csv', testLimits));
    expect(error.code).toBe('file_empty');
    expect(error.message).toBe('Plik jest pusty.');
    expect(error.messageEn).toBe('The file is empty.');
    expect((await rejection(readTable(Buffer.from('\r\n\r\n;;\r\n'), 'e.csv', testLimits))).code).toBe('file_empty');
    expect((await rejection(readTable(Buffer.from([0xef, 0xbb, 0xbf]), 'e.csv', testLimits))).code).toBe('file_empty');
  });

  it('a file over the size limit', async () => {
    const error = await rejection(readTable(Buffer.alloc(3 * 1024 * 1024, 0x61), 'big.csv', { maxFileBytes: 2 * 1024 * 1024, maxRows: 10 }));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toBe('Plik ma 3 MB, a limit to 2 MB. Podziel dane na mniejsze pliki.');
    const small = await rejection(readTable(Buffer.alloc(30_000, 0x61), 'big.csv', { maxFileBytes: 20_000, maxRows: 10 }));
    expect(small.message).toBe('Plik ma 0,029 MB, a limit to 0,019 MB. Podziel dane na mniejsze pliki.');
  });

  it('too many rows: the header is not counted', async () => {
    const lines = ['a;b', '1;2', '3;4', '5;6'];
    await expect(readTable(csvBytes(lines), 'r.csv', { maxFileBytes: 1e6, maxRows: 3 })).resolves.toBeDefined();
    const error = await rejection(readTable(csvBytes([...lines, '7;8']), 'r.csv', { maxFileBytes: 1e6, maxRows: 3 }));
    expect(error.code).toBe('too_many_rows');
    expect(error.message).toBe('Plik ma więcej niż 3 wierszy danych. Podziel dane na mniejsze pliki.');
    const xlsx = await xlsxBytes([{ name: 'S', rows: [['a'], [1], [2], [3], [4]] }]);
    expect((await rejection(readTable(xlsx, 'r.xlsx', { maxFileBytes: 1e6, maxRows: 3 }))).code).toBe('too_many_rows');
  });

  it.each([
    ['a renamed PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'PDF'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'PNG'],
    ['an XML file of another kind', Buffer.from('<?xml version="1.0"?><rss><channel/></rss>'), 'HTML/XML'],
    [
      'a Word document',
      zipBytes([
        { name: '[Content_Types].xml', data: Buffer.from('<x/>') },
        { name: 'word/document.xml', data: Buffer.from('<w/>') },
      ]),
      'DOCX (Word)',
    ],
  ])('%s is not a spreadsheet', async (_, buffer, detected) => {
    const error = await rejection(readTable(buffer, 'lista.csv', testLimits));
    expect(error.code).toBe('not_spreadsheet');
    expect(error.params).toEqual({ detected });
    expect(error.message).toContain(`rozpoznano: ${detected}`);
  });

  it('a binary file of no known format, in plain words', async () => {
    for (const bytes of [Buffer.from([0x41, 0x00, 0x42, 0x43, 0x01, 0x02]), Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 7) % 32))]) {
      const error = await rejection(readTable(bytes, 'lista.csv', testLimits));
      expect(error.code).toBe('binary_file');
      expect(error.message).toContain('plik binarny');
    }
  });

  it('an HTML table saved as .xls by a web tool, and an XML Spreadsheet 2003: save as .xlsx or CSV', async () => {
    const html = await rejection(readTable(Buffer.from('<html><body><table><tr><td>a</td></tr></table></body></html>'), 'raport.xls', testLimits));
    expect([html.code, html.message]).toEqual(['html_as_spreadsheet', expect.stringContaining('To strona internetowa (HTML) z tabelą')]);
    const spreadsheetMl = Buffer.from(
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
    );
    expect((await rejection(readTable(spreadsheetMl, 'lista.xml', testLimits))).code).toBe('xml_spreadsheet_2003');
  });

  it('an old .xls file, by its version: save as .xlsx or CSV', async () => {
    const biff2 = Buffer.from([0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00, 0x01, 0x02]);
    const old = await rejection(readTable(biff2, 'stary.xls', testLimits));
    expect([old.code, old.params]).toEqual(['xls_version', { version: 'Excel 2.x (.xls)' }]);
    const error = await rejection(readTable(oleBytes(false), 'lista.xls', testLimits));
    expect(error.code).toBe('xls_version');
    expect(error.message).toContain('zapisz jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”');
  });

  it('a password-protected workbook', async () => {
    expect((await rejection(readTable(oleBytes(true), 'lista.xlsx', testLimits))).code).toBe('xlsx_encrypted');
    const zipCrypto = zipBytes([
      { name: '[Content_Types].xml', data: Buffer.from('<x/>'), encrypted: true },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), encrypted: true },
    ]);
    expect((await rejection(readTable(zipCrypto, 'lista.xlsx', testLimits))).code).toBe('xlsx_encrypted');
  });

  it('a broken zip', async () => {
    const good = await xlsxBytes([{ name: 'S', rows: [['a', 'b']] }]);
    expect((await rejection(readTable(good.subarray(0, good.length - 40), 'x.xlsx', testLimits))).code).toBe('zip_broken');
    expect((await rejection(readTable(good.subarray(0, 200), 'x.xlsx', testLimits))).code).toBe('zip_broken');
    const damaged = Buffer.from(good);
    damaged.fill(0x55, 60, 400); // compressed data of the first entries
    expect(['xlsx_unreadable', 'zip_broken']).toContain((await rejection(readTable(damaged, 'x.xlsx', testLimits))).code);
  });

  it('a zip bomb, judged from the central directory before anything is inflated', async () => {
    const bomb = zipBytes([
      { name: '[Content_Types].xml', data: Buffer.from('<x/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) },
    ]);
    const error = await rejection(readTable(bomb, 'bomb.xlsx', testLimits));
    expect(error.code).toBe('zip_bomb');
    const lying = zipBytes([
      { name: '[Content_Types].xml', data: Buffer.from('<x/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 0xfffffff0 },
    ]);
    expect((await rejection(readTable(lying, 'bomb.xlsx', testLimits))).code).toBe('zip_bomb');
    const zip64 = zipBytes([
      { name: '[Content_Types].xml', data: Buffer.from('<x/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), zip64Size: 2 ** 42 },
    ]);
    expect((await rejection(readTable(zip64, 'bomb.xlsx', testLimits))).code).toBe('zip_bomb');
    const understated = handMadeWorkbook({ sheets: [{ name: 'S', xml: `<sheetData/>${' '.repeat(8 * 1024 * 1024)}` }], firstSheetDeclaredSize: 1000 });
    const hidden = await rejection(readTable(understated, 'bomb.xlsx', testLimits));
    expect(hidden.code).toBe('zip_size_mismatch'); // refused after inflating 1000 bytes, not 8 MiB
    const normal = await xlsxBytes([{ name: 'S', rows: [['a', 'b']] }]);
    const capped = await rejection(readTable(normal, 'x.xlsx', { ...testLimits, maxUncompressedBytes: 1000 }));
    expect(capped.code).toBe('zip_bomb');
  });

  it('a workbook whose sheets are larger than can be read: save as CSV', async () => {
    const normal = await xlsxBytes([
      {
        name: 'S',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    ]);
    const error = await rejection(readTable(normal, 'x.xlsx', { ...testLimits, maxSheetXmlBytes: 10 }));
    expect(error.code).toBe('xlsx_too_large');
    expect(error.message).toContain('Zapisz arkusz w Excelu jako „CSV UTF-8”');
  });

  it('a UTF-16 text file', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\r\n', 'utf16le')]);
    expect((await rejection(readTable(utf16, 'u.txt', testLimits))).code).toBe('utf16_encoding');
  });

  it('bytes that are neither UTF-8 nor Windows-1250', async () => {
    const bytes = Buffer.concat([Buffer.from('a;b\r\n1;2\r\nx;'), Buffer.from([0x98, 0x81]), Buffer.from('\r\n')]);
    const error = await rejection(readTable(bytes, 'u.csv', testLimits));
    expect(error.code).toBe('undecodable');
    expect(error.params).toEqual({ row: 3 });
  });

  it('a line longer than the limit, with the line it starts on', async () => {
    const error = await rejection(readTable(csvBytes(['a;b', '1;2', `3;${'x'.repeat(2000)}`]), 'l.csv', { ...testLimits, maxLineChars: 1000 }));
    expect(error.code).toBe('line_too_long');
    expect(error.params).toEqual({ row: 3, limit: 1000 });
  });

  it('UTF-8 with a stray byte in another encoding: refused at that line instead of read as Windows-1250', async () => {
    const bytes = Buffer.concat([
      Buffer.from('kod;społeczność;imię;nazwisko\r\nWZG-1;WZG;Zośka;Wójcik\r\nWZG-2;WZG;Ren', 'utf8'),
      Buffer.from([0xe9]), // é in Latin-1
      Buffer.from(';Dupont\r\n'),
    ]);
    const error = await rejection(readTable(bytes, 'u.csv', testLimits));
    expect(error.code).toBe('mixed_encoding');
    expect(error.params).toEqual({ row: 3 });
    // Windows-1250 Polish text is still Windows-1250.
    const cp1250 = csvBytes(['kod;społeczność;imię;nazwisko', 'WZG-1;WZG;Zośka;Wójcik', 'WZG-2;WZG;Łucja;Żółć'], 'windows-1250');
    const table = await readTable(cp1250, 'w.csv', testLimits);
    expect(table.encoding).toBe('windows-1250');
    expect(cells(table)[2]).toEqual(['WZG-2', 'WZG', 'Łucja', 'Żółć']);
  });

  it('too many columns', async () => {
    const wide = Array.from({ length: 1001 }, (_, i) => `c${i}`).join(';');
    const error = await rejection(readTable(csvBytes(['a;b', wide]), 'w.csv', testLimits));
    expect(error.code).toBe('too_many_columns');
    expect(error.params).toEqual({ row: 2, count: 1001, limit: 1000 });
    const trailing = await readTable(csvBytes(['a;b', `1;2${';'.repeat(5000)}`]), 't.csv', testLimits);
    expect(cells(trailing)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]); // empty cells after the last value are not columns
    const xlsx = await xlsxBytes([{ name: 'S', rows: [['a'], Array.from({ length: 30 }, (_, i) => i)] }]);
    expect((await rejection(readTable(xlsx, 'w.xlsx', { ...testLimits, maxColumns: 20 }))).code).toBe('too_many_columns');
  });
});
