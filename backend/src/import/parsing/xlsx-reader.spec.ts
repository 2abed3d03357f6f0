import { describe, expect, it } from 'vitest';
import { handMadeWorkbook, MAIN_NS, xlsxBytes, zipBytes } from '../fixtures/import-fixtures.ts';
import { FileRejectedError } from '../import.errors.ts';
import type { CellValue, RawTable } from '../import.types.ts';
import { readTableInThisThread } from './table-reader.ts';
import { readXlsx, type XlsxLimits } from './xlsx-reader.ts';

// Workbooks written part by part (handMadeWorkbook), as Excel, LibreOffice, Google Sheets, Numbers and
// web tools write them, quirks included; the parts no tool makes on demand are written by hand.

const limits: XlsxLimits = { maxRows: 1_000_000, maxColumns: 1000, maxUncompressedBytes: 256 * 1024 * 1024, maxSheetXmlBytes: 64 * 1024 * 1024 };
const read = (buffer: Buffer, kind?: Parameters<typeof readXlsx>[3]) => readXlsx(buffer, 'w.xlsx', limits, kind);
const cells = (table: RawTable): CellValue[][] => table.rows.map((row) => row.cells);

function rejection(run: () => unknown): FileRejectedError {
  try {
    run();
  } catch (error) {
    if (error instanceof FileRejectedError) return error;
    throw error;
  }
  throw new Error('the workbook was accepted');
}

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>kod</t></is></c><c r="B1" t="inlineStr"><is><t>data</t></is></c></row>';

describe('readXlsx: values exactly as the cells hold them', () => {
  it('keeps cached formula results of every type: FALSE, 0, strings, errors', () => {
    const table = read(
      handMadeWorkbook({
        sheets: [
          {
            name: 'Ankieta',
            xml: `<sheetData>${header}<row r="2"><c r="A2" t="b"><f>IF(B2&gt;1,TRUE,FALSE)</f><v>0</v></c><c r="B2"><f>1-1</f><v>0</v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="b"><v>1</v></c></row></sheetData>`,
          },
        ],
      }),
    );
    expect(cells(table)[1]).toEqual([false, 0, 'ab', '#DIV/0!', true]);
  });

  it('reads ISO dates of t="d" cells as the dates they write, and a date-time as its date', () => {
    const table = read(
      handMadeWorkbook({
        sheets: [
          {
            name: 'S',
            xml: `<sheetData><row><c t="d"><v>2023-06-07</v></c><c t="d"><v>2022-03-05T23:30:00</v></c><c t="d"><v>2021-02-30</v></c></row></sheetData>`,
          },
        ],
      }),
    );
    expect(cells(table)[0]).toEqual([{ date: '2023-06-07' }, { date: '2022-03-05' }, '2021-02-30']);
  });

  it('turns date-formatted serials into civil dates in either date system; a time alone stays a number', () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-415]d\\ mmmm\\ yyyy;@"/><numFmt numFmtId="165" formatCode="hh:mm"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs>';
    const row = '<row><c s="1"><v>44992</v></c><c s="2"><v>44992.75</v></c><c s="3"><v>0.5</v></c><c s="4"><v>44992</v></c><c><v>44992</v></c></row>';
    const in1900 = read(handMadeWorkbook({ styles, sheets: [{ name: 'S', xml: `<sheetData>${row}</sheetData>` }] }));
    expect(cells(in1900)[0]).toEqual([{ date: '2023-03-07' }, { date: '2023-03-07' }, 0.5, 44992, 44992]);
    const in1904 = read(handMadeWorkbook({ styles, date1904: true, sheets: [{ name: 'S', xml: `<sheetData>${row}</sheetData>` }] }));
    expect(cells(in1904)[0]!.slice(0, 2)).toEqual([{ date: '2027-03-08' }, { date: '2027-03-08' }]);
  });

  it('reads shared strings with rich-text runs and no phonetic guides, inline strings, and _xHHHH_ escapes', () => {
    const table = read(
      handMadeWorkbook({
        sharedStrings:
          '<si><t>Kowalska</t></si><si><r><rPr><b/></rPr><t>Anna </t></r><r><t>Maria</t></r><rPh sb="0" eb="1"><t>アンナ</t></rPh></si><si><t>wiersz_x000D_\ndrugi_x005F_x0041_</t></si>',
        sheets: [
          {
            name: 'S',
            xml: '<sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="inlineStr"><is><r><t>Ja</t></r><r><t>n</t></r></is></c><c t="str"><v>A&amp;B_x0009_C</v></c></row></sheetData>',
          },
        ],
      }),
    );
    expect(cells(table)[0]).toEqual(['Kowalska', 'Anna Maria', 'wiersz\r\ndrugi_x0041_', 'Jan', 'A&B\tC']);
  });

  it('reads cells and rows without coordinates, x:-prefixed XML, and a workbook without styles', () => {
    const p = 'x:';
    const xml = `<${p}sheetData><${p}row><${p}c t="inlineStr"><${p}is><${p}t>a</${p}t></${p}is></${p}c><${p}c><${p}v>1</${p}v></${p}c></${p}row><${p}row><${p}c r="C2"><${p}v>3</${p}v></${p}c></${p}row></${p}sheetData>`;
    const table = read(handMadeWorkbook({ prefix: p, sheets: [{ name: 'S', xml }] }));
    expect(table.rows).toEqual([
      { rowNumber: 1, cells: ['a', 1] },
      { rowNumber: 2, cells: [null, null, 3] },
    ]);
  });

  it('says how many formulas have no saved result (a writer that does not calculate)', () => {
    const table = read(
      handMadeWorkbook({
        sheets: [{ name: 'Lista', xml: `<sheetData>${header}<row r="2"><c r="A2"><f>SUM(1,2)</f></c><c r="B2"><v>1</v></c></row></sheetData>` }],
      }),
    );
    expect(table.readWarnings?.map((w) => [w.code, w.message])).toEqual([
      ['xlsx_formulas_without_values', expect.stringContaining('W arkuszu „Lista” 1 komórek ma formuły bez obliczonych wartości')],
    ]);
  });
});

describe('readXlsx: bounded work, whatever the sheet declares', () => {
  it('a drop-down list over the whole sheet costs nothing', () => {
    const validations =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"tak,nie"</formula1></dataValidation></dataValidations>';
    const started = performance.now();
    const table = read(handMadeWorkbook({ sheets: [{ name: 'S', xml: `<sheetData>${header}</sheetData>${validations}` }] }));
    expect(cells(table)).toEqual([['kod', 'data']]);
    expect(performance.now() - started).toBeLessThan(2_000); // exceljs: 1.5 GB and over 120 s
  });

  it('50,000 merged ranges are read, never expanded cell by cell; a merge with a value fills its cells within the data', () => {
    const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="A${2 * i + 10}:XFD${2 * i + 11}"/>`).join('');
    const data = `<sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c></row><row r="3"><c r="B3"><v>5</v></c></row></sheetData>`;
    const started = performance.now();
    const table = read(handMadeWorkbook({ sheets: [{ name: 'S', xml: `${data}<mergeCells count="50001"><mergeCell ref="A2:A3"/>${merges}</mergeCells>` }] }));
    expect(cells(table)).toEqual([['kod', 'data'], ['A-1'], ['A-1', 5]]);
    expect(performance.now() - started).toBeLessThan(5_000); // exceljs: over 590 s
  });

  it('a styled cell far to the right or below holds no value and widens nothing', () => {
    const table = read(
      handMadeWorkbook({
        sheets: [{ name: 'S', xml: `<sheetData>${header}<row r="2"><c r="XFD2" s="1"/></row><row r="1048576"><c r="A1048576" s="1"/></row></sheetData>` }],
      }),
    );
    expect(cells(table)).toEqual([['kod', 'data']]);
  });

  it('refuses too many columns and too many rows with the limits', () => {
    const wide = handMadeWorkbook({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="ALM1"><v>1</v></c></row></sheetData>' }] });
    expect(rejection(() => readXlsx(wide, 'w.xlsx', { ...limits, maxColumns: 1000 })).code).toBe('too_many_columns');
    const rows = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('');
    const tall = handMadeWorkbook({ sheets: [{ name: 'S', xml: `<sheetData>${rows}</sheetData>` }] });
    expect(rejection(() => readXlsx(tall, 'w.xlsx', { ...limits, maxRows: 3 })).code).toBe('too_many_rows');
  });

  it('refuses sheet XML over its limit, naming the sizes', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('');
    const error = rejection(() =>
      readXlsx(handMadeWorkbook({ sheets: [{ name: 'S', xml: `<sheetData>${rows}</sheetData>` }] }), 'w.xlsx', { ...limits, maxSheetXmlBytes: 1000 }),
    );
    expect(error.code).toBe('xlsx_too_large');
  });
});

describe('readXlsx: sheets found through the relationships, whatever their parts are called', () => {
  const rows = `<sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c></row></sheetData>`;

  it('reads a first sheet called sheet.xml (Apple Numbers), Sheet1.xml, or outside xl/worksheets/', () => {
    for (const part of ['xl/worksheets/sheet.xml', 'xl/worksheets/Sheet1.xml', 'xl/dane/arkusz główny.xml', 'arkusze/dane.xml']) {
      const table = read(handMadeWorkbook({ sheets: [{ name: 'Tabela 1', xml: rows, part }] }));
      expect([table.sheetName, cells(table)[1]], part).toEqual(['Tabela 1', ['A-1']]);
    }
  });

  it('skips hidden sheets and chart sheets; reads the sheet named after the kind first, the others after it', () => {
    const workbook = handMadeWorkbook({
      sheets: [
        { name: 'Wykres', xml: '<chartsheet/>', type: 'chartsheet' },
        { name: 'Słowniki', xml: rows, state: 'hidden' },
        { name: 'Instrukcja', xml: '<sheetData><row><c t="inlineStr"><is><t>Wpisz dane w arkuszu obok</t></is></c></row></sheetData>' },
        { name: 'Lista obecności', xml: rows },
      ],
    });
    const table = read(workbook, 'attendance');
    expect(table.sheetName).toBe('Lista obecności');
    expect(table.otherSheets?.map((s) => s.name)).toEqual(['Instrukcja']);
    const unnamed = read(workbook, 'activities');
    expect([unnamed.sheetName, unnamed.otherSheets?.map((s) => s.name)]).toEqual(['Instrukcja', ['Lista obecności']]);
  });

  it('with the data on the second sheet and the first empty, returns both (the choice is validation’s)', () => {
    const table = readTableInThisThread(
      handMadeWorkbook({
        sheets: [
          { name: 'Arkusz1', xml: '<sheetData/>' },
          { name: 'Dane', xml: rows },
        ],
      }),
      'w.xlsx',
      { maxFileBytes: 1e7, maxRows: 1000 },
    );
    expect(table.rows).toEqual([]);
    expect(table.otherSheets?.[0]).toMatchObject({ name: 'Dane', rows: [{ rowNumber: 1 }, { rowNumber: 2 }] });
  });

  it('a workbook whose every sheet is empty is refused naming its sheets', () => {
    const error = rejection(() =>
      readTableInThisThread(
        handMadeWorkbook({
          sheets: [
            { name: 'Arkusz1', xml: '<sheetData/>' },
            { name: 'Arkusz2', xml: '<sheetData><row r="3"/></sheetData>' },
          ],
        }),
        'w.xlsx',
        {
          maxFileBytes: 1e7,
          maxRows: 1000,
        },
      ),
    );
    expect([error.code, error.message]).toEqual([
      'xlsx_all_sheets_empty',
      'Skoroszyt nie zawiera danych: „Arkusz1”, „Arkusz2” — wszystkie arkusze są puste. Sprawdź, czy to właściwy plik.',
    ]);
  });

  it('a workbook with only hidden sheets says so', () => {
    const error = rejection(() => read(handMadeWorkbook({ sheets: [{ name: 'S', xml: rows, state: 'veryHidden' }] })));
    expect(error.code).toBe('xlsx_no_sheet');
  });
});

describe('readXlsx: clear refusals', () => {
  it('an .xlsb workbook: save it as .xlsx', () => {
    const xlsb = zipBytes([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) },
      { name: 'xl/worksheets/sheet1.bin', data: Buffer.from([0x81, 0x01, 0x00]) },
    ]);
    const error = rejection(() => read(xlsb));
    expect([error.code, error.messageIn('en')]).toEqual(['xlsb_format', expect.stringContaining('Excel binary workbook (.xlsb)')]);
  });

  it('two entries of one name (which one a program reads differs): refused, naming the part', () => {
    const workbook = handMadeWorkbook({
      sheets: [{ name: 'S', xml: `<sheetData>${header}</sheetData>` }],
      extra: [{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`) }],
    });
    const error = rejection(() => read(workbook));
    expect([error.code, error.params]).toEqual(['zip_duplicate_entry', { part: 'xl/worksheets/sheet1.xml' }]);
    for (const other of ['/xl/worksheets/sheet1.xml', 'xl/worksheets/./SHEET1.xml']) {
      const renamed = handMadeWorkbook({
        sheets: [{ name: 'S', xml: `<sheetData>${header}</sheetData>` }],
        extra: [{ name: other, data: Buffer.from('<worksheet/>') }],
      });
      expect(rejection(() => read(renamed)).code, other).toBe('zip_duplicate_entry');
    }
  });

  it('an OpenDocument spreadsheet (.ods) and an Apple Numbers file each say how to export', () => {
    const ods = zipBytes([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    expect(rejection(() => read(ods)).code).toBe('ods_format');
    const numbers = zipBytes([
      { name: 'Index/Document.iwa', data: Buffer.from([0, 1, 2]) },
      { name: 'Metadata/Properties.plist', data: Buffer.from('<plist/>') },
    ]);
    const error = rejection(() => read(numbers));
    expect([error.code, error.message]).toEqual(['numbers_format', expect.stringContaining('Plik → Eksportuj do → Excel')]);
  });

  it('a zip that is no workbook at all', () => {
    expect(rejection(() => read(zipBytes([{ name: 'zdjecie.jpg', data: Buffer.from([0xff, 0xd8, 0xff]) }]))).code).toBe('not_spreadsheet');
  });

  it('a workbook made by exceljs (as Excel writes it) reads as before', async () => {
    const normal = await xlsxBytes([
      {
        name: 'Dziennik',
        rows: [
          ['id', 'data'],
          ['A-1', new Date(Date.UTC(2024, 0, 5))],
          ['A-2', 0],
        ],
      },
      { name: 'Inne', rows: [['x']] },
    ]);
    const table = read(normal);
    expect([table.sheetName, cells(table)]).toEqual([
      'Dziennik',
      [
        ['id', 'data'],
        ['A-1', { date: '2024-01-05' }],
        ['A-2', 0],
      ],
    ]);
  });
});
