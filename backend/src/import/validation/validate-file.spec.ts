import { describe, expect, it } from 'vitest';
import { foldName } from '../parsing/values.ts';
import { brief, csvTable, testContext, workbookTable } from '../fixtures/import-fixtures.ts';
import { FileRejectedError } from '../import.errors.ts';
import { validateTable } from './validate-file.ts';

const activityHeader = ['activity_id', 'date', 'community', 'type', 'title', 'duration_h', 'led_by', 'location', 'headcount_anonymous', 'resident_initiative'];

describe('validateTable: activities', () => {
  it('skips empty rows and totals rows with a warning, and warns about unknown columns', () => {
    const table = csvTable([
      ['activity_id', 'date', 'community', 'type', 'title', 'Uwagi'],
      ['A-1', '2022-03-05', 'WZG', 'AKCJA', 'Sprzątanie', ''],
      ['', '', '', '', '', ''],
      ['A-2', '2022-03-06', 'WZG', 'AKCJA', 'Sprzątanie', ''],
      ['', '', '', '', '', ''],
      ['', '  ', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['Suma', '', '', '', '', '2'],
    ]);
    const result = validateTable(table, testContext());
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => r.row)).toEqual([2, 4]);
    expect(result.warnings).toEqual([
      { row: 1, column: 'Uwagi', value: 'Uwagi', code: 'unknown_column', message: 'Nieznana kolumna „Uwagi” (kolumna F) — zostanie pominięta.' },
      { row: 3, column: null, value: null, code: 'empty_row_skipped', message: 'Pominięto pusty wiersz.' },
      { row: 5, column: null, value: null, code: 'empty_rows_skipped', message: 'Pominięto puste wiersze 5–7.' },
      { row: 8, column: null, value: 'Suma', code: 'totals_row_skipped', message: 'Pominięto wiersz podsumowania („Suma”).' },
    ]);
  });

  it('does not check rows when the header has errors', () => {
    const table = csvTable([
      ['activity_id', 'date', 'title'],
      ['A-1', 'zła data', ''],
    ]);
    const result = validateTable(table, testContext({}, { kind: 'activities' }));
    expect(brief(result.errors)).toEqual([
      { row: 1, column: 'Społeczność', value: null, code: 'missing_column' },
      { row: 1, column: 'Typ działania', value: null, code: 'missing_column' },
    ]);
    expect(result.rowsRead).toBe(1);
    expect(result.records).toEqual([]);
  });

  it('refuses a header with no data rows below it (empty and totals rows do not count)', () => {
    const onlyHeader = validateTable(csvTable([['LISTA DZIAŁAŃ'], activityHeader]), testContext());
    expect(onlyHeader.errors).toEqual([
      {
        row: null,
        column: null,
        value: null,
        code: 'no_data_rows',
        message:
          'Plik nie zawiera żadnych danych: pod nagłówkiem (wiersz 2) nie ma ani jednego wiersza do zaimportowania. Sprawdź, czy to właściwy plik lub arkusz.',
      },
    ]);
    const blankAndTotals = validateTable(csvTable([activityHeader, [''], ['Razem', '', '', '', '', '0']]), testContext({}, { lang: 'en' }));
    expect(brief(blankAndTotals.errors)).toEqual([{ row: null, column: null, value: null, code: 'no_data_rows' }]);
    expect(blankAndTotals.errors[0].message).toBe(
      'The file holds no data: there is not a single row to import below the header (row 1). Check that this is the right file or sheet.',
    );
    expect(blankAndTotals.warnings.map((w) => w.code)).toEqual(['empty_row_skipped', 'totals_row_skipped']);
  });

  it('rejects a file without a header', () => {
    expect(() => validateTable(csvTable([['x', 'y']]), testContext())).toThrow(FileRejectedError);
  });
});

describe('validateTable: workbooks', () => {
  const seed = {
    activities: { 'A-1': { date: '2022-03-05', communityCode: 'WZG' } },
    participants: {
      'WZG-0001': { communityCode: 'WZG', nameKey: foldName('Anna', 'Kowalska') },
      'WZG-0002': { communityCode: 'WZG', nameKey: foldName('Jan', 'Nowak') },
    },
  };

  it('reads the data from the sheet that has them, and says so before any other warning', () => {
    const table = workbookTable([
      { name: 'Instrukcja', rows: [['Wpisz dane w arkuszu „Lista”.']] },
      { name: 'Lista', rows: [['Nr działania', 'Kod uczestnika', 'Uwagi'], ['A-1', 'WZG-0001', ''], [], ['A-1', 'WZG-0002', '']] },
    ]);
    const result = validateTable(table, testContext(seed));
    expect(result.kind).toBe('attendance');
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => r.row)).toEqual([2, 4]);
    expect(brief(result.warnings)).toEqual([
      { row: null, column: null, value: null, code: 'sheet_read_instead_of_no_header' },
      { row: 1, column: 'Uwagi', value: 'Uwagi', code: 'unknown_column' },
      { row: 3, column: null, value: null, code: 'empty_row_skipped' },
    ]);
  });

  it('a paper-style list with a two-row header, its data rows checked below the lower row', () => {
    const table = workbookTable([
      {
        name: 'Lista',
        rows: [
          ['Lista obecności', 'Lista obecności', 'Lista obecności', 'Lista obecności'],
          ['Lp.', 'Uczestnik', 'Uczestnik', 'Nr działania'],
          ['', 'Imię', 'Nazwisko', ''],
          [1, 'Anna', 'Kowalska', 'A-1'],
          [2, 'Jan', 'Nowak', 'A-1'],
        ],
      },
    ]);
    const result = validateTable(table, testContext(seed));
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([
      { row: 4, activityExternalId: 'A-1', participantCode: 'WZG-0001' },
      { row: 5, activityExternalId: 'A-1', participantCode: 'WZG-0002' },
    ]);
    expect(brief(result.warnings).map((w) => [w.row, w.code])).toEqual([
      [2, 'header_two_rows'],
      [2, 'unknown_column'],
    ]);
  });

  it('a sheet with a header and no data: the error names the sheet', () => {
    const table = workbookTable([{ name: 'Dziennik', rows: [activityHeader] }]);
    const result = validateTable(table, testContext({}, { lang: 'en' }));
    expect(result.errors).toEqual([
      {
        row: null,
        column: null,
        value: null,
        code: 'no_data_rows',
        message: 'The sheet "Dziennik" holds no data: there is not a single row to import below the header (row 1). Check that this is the right file.',
      },
    ]);
  });

  it('no sheet with a header: refused as a whole, naming the sheets', () => {
    const table = workbookTable([
      { name: 'Arkusz1', rows: [] },
      {
        name: 'Dane',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
    ]);
    expect(() => validateTable(table, testContext({}, { kind: 'activities' }))).toThrow(
      'Arkusz „Arkusz1” jest pusty. Dane wyglądają na zapisane w arkuszu „Dane”, ale w jego pierwszych 20 wierszach nie ma wiersza nagłówka. Oczekiwane kolumny: Nr działania, Data, Społeczność, Typ działania, Tytuł.',
    );
  });
});
