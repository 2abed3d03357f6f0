import { describe, expect, it } from 'vitest';
import { cell } from '../exports/excel-cell.ts';
import { columnWidth, csvField, exportCsv, exportHtml, exportXlsx, headingLines, sheetName, type ExportTable } from './export-format.ts';

const table: ExportTable = {
  lang: 'pl',
  sheetName: 'Wskaźniki: 2022/2023',
  title: 'Wskaźniki <P1>',
  exportedBy: 'audytor@x.pl',
  exportedAt: new Date('2026-11-27T12:00:00Z'),
  dataAsOf: '2026-06-27T11:00:00Z',
  columns: [
    { key: 'name', header: 'Nazwa' },
    { key: 'value', header: 'Wartość' },
    { key: 'share', header: 'Odsetek' },
    { key: 'day', header: 'Data' },
  ],
  rows: [
    { name: cell.text('<script>alert(1)</script>'), value: cell.number(1234.5, 1), share: cell.percent(0.699), day: cell.date('2022-01-14') },
    { name: cell.text('=SUM(A1)'), value: cell.text('<3'), share: cell.empty, day: cell.empty },
  ],
};

describe('exports', () => {
  it('prints an HTML page with everything escaped and numbers right-aligned, as Polish text', () => {
    const html = exportHtml(table);
    expect(html).toContain('<h1>Wskaźniki &#60;P1&#62;</h1>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td class="num">1234,5</td>');
    expect(html).toContain('<td class="num">69,9%</td>');
    expect(html).toContain('14.01.2022');
    expect(html).toContain('audytor@x.pl');
  });

  it('writes CSV for Polish Excel: BOM, heading lines, ; and decimal comma, dates dd.mm.yyyy, formulas neutralised', () => {
    const csv = exportCsv(table).toString('utf8');
    expect(csv.startsWith('\uFEFF# Wskaźniki <P1>')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('# Stan danych na: 27.06.2026 13:00');
    expect(lines[2]).toBe('# Eksport: audytor@x.pl, 27.11.2026 13:00');
    expect(lines[3]).toBe('Nazwa;Wartość;Odsetek;Data');
    expect(lines[4]).toBe('<script>alert(1)</script>;1234,5;69,9%;14.01.2022');
    expect(lines[5]).toBe("'=SUM(A1);<3;;");
    expect(csvField('a;b')).toBe('"a;b"');
  });

  it('heads the table in English when asked', () => {
    expect(headingLines({ ...table, lang: 'en', dataAsOf: null })).toEqual([
      'Wskaźniki <P1>',
      'Data as of: no published data',
      'Exported by: audytor@x.pl, 27.11.2026 13:00',
    ]);
  });

  it('fits columns to their longest cell and header, and names sheets as Excel allows', () => {
    expect(columnWidth('Kod', [cell.text('P1')], 'pl')).toBe(10);
    expect(columnWidth('Wskaźnik', [cell.text('Liczba osób objętych działaniami animacyjnymi')], 'pl')).toBe(47);
    expect(columnWidth('Oczekiwane na dziś', [cell.number(3)], 'pl')).toBe(20);
    expect(columnWidth('x', [cell.text('y'.repeat(200))], 'pl')).toBe(60);
    expect(sheetName(table.sheetName)).toBe('Wskaźniki  2022 2023');
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
  });

  it('writes XLSX with typed cells, number formats, a bold frozen header row', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Wskaźniki  2022 2023');
    expect(sheet.getCell('A1').value).toBe('Wskaźniki <P1>');
    expect(sheet.getCell('A2').value).toBe('Stan danych na: 27.06.2026 13:00');
    const header = 5;
    expect(sheet.getRow(header).values).toEqual([undefined, 'Nazwa', 'Wartość', 'Odsetek', 'Data']);
    expect(sheet.getCell(header, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(sheet.getCell(header + 1, 2).value).toBe(1234.5);
    expect(sheet.getCell(header + 1, 2).numFmt).toBe('#,##0.0');
    expect(sheet.getCell(header + 1, 3).value).toBe(0.699);
    expect(sheet.getCell(header + 1, 3).numFmt).toBe('0.0%');
    expect(sheet.getCell(header + 1, 4).value).toEqual(new Date(Date.UTC(2022, 0, 14)));
    expect(sheet.getCell(header + 1, 4).numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell(header + 2, 1).value).toBe('=SUM(A1)');
    expect(sheet.getCell(header + 2, 1).formula).toBeUndefined();
    expect(sheet.getCell(header + 2, 2).value).toBe('<3');
  });
});
