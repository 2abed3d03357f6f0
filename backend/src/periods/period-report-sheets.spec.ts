import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '../services/export-format.ts';
import { frozenFixture, protectedInput, reportInput } from './period-report.fixture.ts';
import { periodReportSheets } from './period-report-sheets.ts';
import type { PeriodReportInput } from './period-report.ts';

async function workbookOf(input: PeriodReportInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exportWorkbook(periodReportSheets(input, frozenFixture.drillDown))) as unknown as ArrayBuffer);
  return workbook;
}

/** The rows below a sheet's header row (the row whose first cell is `firstHeader`), as cells. */
function body(sheet: ExcelJS.Worksheet, firstHeader: string): ExcelJS.Row[] {
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.getCell(1).value === firstHeader) header = n;
  });
  const rows: ExcelJS.Row[] = [];
  for (let n = header + 1; n <= sheet.rowCount; n++) rows.push(sheet.getRow(n));
  return rows;
}

describe('periodReportSheets', () => {
  it('gives the director figures, activities, participant and leader codes, and metadata', async () => {
    const workbook = await workbookOf(reportInput());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Wskaźniki',
      'Działania',
      'Uczestnicy (kody)',
      'Liderzy (kody)',
      'Odpowiedzi w ankiecie',
      'Metadane',
    ]);
  });

  it('gives the director the survey answers behind the share, the survey and question by their words', async () => {
    const workbook = await workbookOf(reportInput());
    const rows = body(workbook.getWorksheet('Odpowiedzi w ankiecie')!, 'Ankieta');
    expect(rows.map((r) => [1, 2, 3, 4, 5, 6].map((n) => r.getCell(n).value))).toEqual([
      ['Ankieta roczna', 'Jakość życia', 'Osiedle Północ', 'w okresie', 9, 6],
      ['Ankieta roczna', 'Jakość życia', 'Osiedle Północ', 'do końca okresu', 14, 10],
    ]);
  });

  it('writes the figures as numbers, percentages in percent format, achievement truncated, words for codes', async () => {
    const workbook = await workbookOf(reportInput());
    const rows = body(workbook.getWorksheet('Wskaźniki')!, 'Kod wskaźnika');
    const all = rows.find((r) => r.getCell(1).value === 'W1' && r.getCell(3).value === 'Cały projekt')!;
    expect([all.getCell(2).value, all.getCell(4).value, all.getCell(5).value, all.getCell(6).value, all.getCell(7).value]).toEqual([
      'Liczba uczestników',
      'osoby',
      87,
      1234,
      1500,
    ]);
    expect(all.getCell(6).numFmt).toBe('#,##0');
    expect(all.getCell(8).value).toBe(0.82);
    expect(all.getCell(8).numFmt).toBe('0%');
    expect(all.getCell(9).value).toBe('Zagrożony');
    const share = rows.find((r) => r.getCell(1).value === 'W2')!;
    expect(share.getCell(5).value).toBeCloseTo(0.699, 6);
    expect(share.getCell(5).numFmt).toBe('0.0%');
    expect(share.getCell(8).value).toBeCloseTo(0.998, 6);
    expect(share.getCell(8).numFmt).toBe('0.0%');
  });

  it('writes the activities with dates as dates and the community and type by name', async () => {
    const workbook = await workbookOf(reportInput());
    const [first] = body(workbook.getWorksheet('Działania')!, 'Data');
    expect(first!.getCell(1).value).toEqual(new Date(Date.UTC(2022, 1, 14)));
    expect(first!.getCell(1).numFmt).toBe('dd.mm.yyyy');
    expect([first!.getCell(2).value, first!.getCell(3).value, first!.getCell(4).value, first!.getCell(5).value, first!.getCell(7).value]).toEqual([
      'D-0012',
      'Osiedle Północ',
      'Warsztat',
      12,
      'tak',
    ]);
  });

  it('puts participant codes, never names, in the director’s file', async () => {
    const workbook = await workbookOf(reportInput());
    const persons = body(workbook.getWorksheet('Uczestnicy (kody)')!, 'Kod uczestnika');
    expect(persons.map((r) => [r.getCell(1).value, r.getCell(3).value, r.getCell(4).value])).toEqual([
      ['P-001', 4, 'tak'],
      ['P-002', 1, 'nie'],
    ]);
  });

  it('records the version in the metadata: period, version, data version, fingerprint, closed and printed by and at', async () => {
    const workbook = await workbookOf(reportInput());
    const items = new Map(body(workbook.getWorksheet('Metadane')!, 'Pozycja').map((r) => [String(r.getCell(1).value), r.getCell(2)]));
    expect(items.get('Okres sprawozdawczy')!.value).toBe('WNP 3');
    expect(items.get('Pierwszy dzień okresu')!.value).toEqual(new Date(Date.UTC(2022, 0, 1)));
    expect(items.get('Wersja')!.value).toBe(2);
    expect(items.get('Wersja danych (ostatni import)')!.value).toBe(41);
    expect(items.get('Odcisk danych (SHA-256)')!.value).toBe('ab'.repeat(32));
    expect(items.get('Zamknął(-ęła)')!.value).toBe('dyrektor@osl.test');
    // 10:15 UTC in July: 12:15 on the Warsaw clock, written as the spreadsheet's (zone-less) date.
    expect(items.get('Kiedy zamknięto')!.value).toEqual(new Date(Date.UTC(2022, 6, 4, 12, 15)));
    expect(items.get('Kiedy zamknięto')!.numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(items.get('Kiedy wydrukowano')!.value).toEqual(new Date(Date.UTC(2022, 6, 20, 14, 30)));
  });

  it('gives the auditor the protected figures ("<3") and no person codes', async () => {
    const workbook = await workbookOf(protectedInput());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Wskaźniki', 'Działania', 'Metadane']);
    const sheet = workbook.getWorksheet('Wskaźniki')!;
    const k1 = body(sheet, 'Kod wskaźnika').find((r) => r.getCell(3).value === 'Osiedle Północ')!;
    expect(k1.getCell(5).value).toBe('<3');
    expect(k1.getCell(6).value).toBe(640);
    let text = '';
    workbook.eachSheet((s) => s.eachRow((row) => (text += JSON.stringify(row.values))));
    expect(text).not.toContain('P-001');
    expect(text).toContain('„<3”: 1–2 osoby albo liczba ukryta');
  });

  it('is worded in English when asked', async () => {
    const workbook = await workbookOf(reportInput({ lang: 'en' }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Indicators',
      'Activities',
      'Participants (codes)',
      'Leaders (codes)',
      'Survey answers',
      'Metadata',
    ]);
    const share = body(workbook.getWorksheet('Indicators')!, 'Indicator code').find((r) => r.getCell(1).value === 'W2')!;
    expect([share.getCell(2).value, share.getCell(3).value, share.getCell(4).value, share.getCell(9).value]).toEqual([
      'Share satisfied',
      'Whole project',
      'percentage',
      'On track',
    ]);
  });
});
