import { describe, expect, it } from 'vitest';
import { brief, csvTable, testContext } from '../fixtures/import-fixtures.ts';
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
      { row: 1, column: 'community', value: null, code: 'missing_column' },
      { row: 1, column: 'type', value: null, code: 'missing_column' },
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
