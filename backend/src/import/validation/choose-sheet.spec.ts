import { describe, expect, it } from 'vitest';
import { brief, csvTable, testConfig, workbookTable } from '../fixtures/import-fixtures.ts';
import { FileRejectedError } from '../import.errors.ts';
import type { ImportKind, Lang, RawTable } from '../import.types.ts';
import { chooseSheet, noDataRowsIssue } from './choose-sheet.ts';

const config = testConfig();

const attendanceRows = [['LISTA OBECNOŚCI'], ['Nr działania', 'Kod uczestnika'], ['A-1', 'WZG-0001'], ['A-1', 'WZG-0002']];
const attendanceHeaderOnly = [['Nr działania', 'Kod uczestnika']];
const instructions = [['Wpisz dane w arkuszu „Lista”.'], ['Jeden wiersz to jedna osoba na jednym działaniu.']];
const registerRows = [
  ['Kod uczestnika', 'Społeczność'],
  ['WZG-0001', 'WZG'],
];

function rejection(table: RawTable, kind?: ImportKind, lang: Lang = 'pl'): FileRejectedError {
  try {
    chooseSheet(table, kind, config, lang);
  } catch (error) {
    if (error instanceof FileRejectedError) return error;
    throw error;
  }
  throw new Error('expected the table to be refused');
}

describe('chooseSheet', () => {
  it('reads a CSV as it is, with the messages of a file', () => {
    const choice = chooseSheet(csvTable(attendanceRows), undefined, config);
    expect(choice.header.headerRow).toBe(2);
    expect(choice.warnings).toEqual([]);
    const error = rejection(csvTable(instructions), 'attendance');
    expect(error.code).toBe('header_not_found');
    expect(error.message).toBe(
      'W pierwszych 20 wierszach nie znaleziono wiersza nagłówka. Oczekiwane kolumny: Nr działania, Kod uczestnika / Imię + Nazwisko.',
    );
  });

  it('reads the sheet the reader chose when it has a header and data, without a word', () => {
    const table = workbookTable([
      { name: 'Lista', rows: attendanceRows },
      { name: 'Notatki', rows: instructions },
    ]);
    const choice = chooseSheet(table, undefined, config);
    expect(choice.table.sheetName).toBe('Lista');
    expect(choice.table.rows).toBe(table.rows);
    expect(choice.header.kind).toBe('attendance');
    expect(choice.warnings).toEqual([]);
  });

  it('else the first sheet with a header, saying which sheet was read and why not the first', () => {
    const table = workbookTable([
      { name: 'Instrukcja', rows: instructions },
      { name: 'Arkusz2', rows: [] },
      { name: 'Lista', rows: attendanceRows },
    ]);
    const choice = chooseSheet(table, undefined, config);
    expect(choice.table.sheetName).toBe('Lista');
    expect(choice.table.rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(choice.header.headerRow).toBe(2);
    expect(choice.warnings).toEqual([
      {
        row: null,
        column: null,
        value: null,
        code: 'sheet_read_instead_of_no_header',
        message: 'Dane odczytano z arkusza „Lista”; arkusz „Instrukcja” nie ma nagłówka.',
      },
    ]);
  });

  it('reads data from another sheet when the sheet read is empty', () => {
    const table = workbookTable([
      { name: 'Arkusz1', rows: [] },
      { name: 'Lista obecności', rows: attendanceRows },
    ]);
    const choice = chooseSheet(table, 'attendance', config, 'en');
    expect(choice.table.sheetName).toBe('Lista obecności');
    expect(choice.warnings.map((w) => w.message)).toEqual(['The data were read from the sheet "Lista obecności"; the sheet "Arkusz1" is empty.']);
  });

  it('prefers a sheet with data below its header to an earlier one with the header only', () => {
    const table = workbookTable([
      { name: 'Styczeń', rows: attendanceHeaderOnly },
      { name: 'Luty', rows: attendanceRows },
    ]);
    const choice = chooseSheet(table, undefined, config);
    expect(choice.table.sheetName).toBe('Luty');
    expect(choice.warnings.map((w) => w.message)).toEqual(['Dane odczytano z arkusza „Luty”; arkusz „Styczeń” ma nagłówek, ale nie ma pod nim danych.']);
  });

  it('says which other sheets hold data of the same kind that is not read', () => {
    const table = workbookTable([
      { name: 'Styczeń', rows: attendanceRows },
      { name: 'Luty', rows: attendanceRows },
      { name: 'Rejestr', rows: registerRows }, // another kind: not this file's data
      { name: 'Marzec', rows: attendanceRows },
    ]);
    const choice = chooseSheet(table, undefined, config);
    expect(choice.table.sheetName).toBe('Styczeń');
    expect(choice.warnings).toEqual([
      {
        row: null,
        column: null,
        value: null,
        code: 'sheets_also_have_data',
        message:
          'Arkusze „Luty”, „Marzec” też zawierają dane tego rodzaju, ale odczytano tylko arkusz „Styczeń”. Aby je zaimportować, zapisz każdy z tych arkuszy jako osobny plik.',
      },
    ]);
    const two = workbookTable([
      { name: 'Styczeń', rows: attendanceRows },
      { name: 'Luty', rows: attendanceRows },
    ]);
    expect(chooseSheet(two, 'attendance', config, 'en').warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'sheet_also_has_data',
        'The sheet "Luty" also holds data of this kind, but only the sheet "Styczeń" was read. To import them, save that sheet as a separate file.',
      ],
    ]);
  });

  it('never reads the template’s example sheet in place of the sheet read', () => {
    const example = [
      ['activity_id', 'participant_code'],
      ['WZG/PRZYKLAD/001', 'WZG-0001'],
    ];
    const headerOnly = workbookTable([
      { name: 'obecnosci', rows: [['activity_id', 'participant_code']] },
      { name: 'przyklad', rows: example },
    ]);
    const choice = chooseSheet(headerOnly, undefined, config);
    expect(choice.table.sheetName).toBe('obecnosci');
    expect(choice.warnings).toEqual([]);
    expect(noDataRowsIssue(choice, 'pl')).toEqual({
      row: null,
      column: null,
      value: null,
      code: 'no_data_rows',
      message:
        'Arkusz „obecnosci” nie zawiera żadnych danych: pod nagłówkiem (wiersz 1) nie ma ani jednego wiersza do zaimportowania. Sprawdź, czy to właściwy plik.',
    });
    const empty = rejection(
      workbookTable([
        { name: 'obecnosci', rows: [] },
        { name: 'Przykład', rows: example },
      ]),
    );
    expect(empty.code).toBe('file_empty');
    expect(empty.message).toBe('Arkusz „obecnosci” jest pusty.');
    expect(empty.messageEn).toBe('The sheet "obecnosci" is empty.');
  });

  it('when no sheet has a header: names the sheet read and the sheet that looks like data', () => {
    const table = workbookTable([
      { name: 'Arkusz1', rows: [] },
      { name: 'Notatki', rows: [['tylko jedna kolumna'], ['i tu też']] }, // not a table: not named
      {
        name: 'Lista obecności',
        rows: [
          ['Działanie', 'Osoba'],
          ['A-1', 'Anna'],
        ],
      },
    ]);
    const error = rejection(table, 'attendance');
    expect(error.code).toBe('header_not_found');
    expect(error.fileName).toBe('test.xlsx');
    expect(error.message).toBe(
      'Arkusz „Arkusz1” jest pusty. Dane wyglądają na zapisane w arkuszu „Lista obecności”, ale w jego pierwszych 20 wierszach nie ma wiersza nagłówka. Oczekiwane kolumny: Nr działania, Kod uczestnika / Imię + Nazwisko.',
    );
    expect(error.messageIn('en')).toBe(
      'The sheet "Arkusz1" is empty. The data seem to be on the sheet "Lista obecności", but its first 20 rows hold no header row. Expected columns: Nr działania, Kod uczestnika / Imię + Nazwisko.',
    );
  });

  it('names every sheet that looks like data, and a header of another kind does not count', () => {
    const table = workbookTable([
      { name: 'Instrukcja', rows: instructions },
      { name: 'Rejestr', rows: registerRows },
      { name: 'Lista', rows: [['Działanie', 'Osoba'], ['A-1', 'Anna'], []] },
    ]);
    const error = rejection(table, 'attendance');
    expect(error.code).toBe('header_not_found');
    expect(error.message).toBe(
      'W pierwszych 20 wierszach arkusza „Instrukcja” nie znaleziono wiersza nagłówka. Dane wyglądają na zapisane w arkuszach „Rejestr”, „Lista”, ale w żadnym z nich w pierwszych 20 wierszach nie ma wiersza nagłówka. Oczekiwane kolumny: Nr działania, Kod uczestnika / Imię + Nazwisko.',
    );
    expect(error.messageEn).toBe(
      'No header row found in the first 20 rows of the sheet "Instrukcja". The data seem to be on the sheets "Rejestr", "Lista", but none of them has a header row in its first 20 rows. Expected columns: Nr działania, Kod uczestnika / Imię + Nazwisko.',
    );
  });

  it('when no sheet has a header and none looks like data', () => {
    const alone = rejection(workbookTable([{ name: 'Arkusz1', rows: instructions }]), 'participants');
    expect(alone.code).toBe('header_not_found');
    expect(alone.message).toBe('W pierwszych 20 wierszach arkusza „Arkusz1” nie znaleziono wiersza nagłówka. Oczekiwane kolumny: Kod uczestnika, Społeczność.');
    const emptyFirst = rejection(
      workbookTable([
        { name: 'Arkusz1', rows: [[]] },
        { name: 'Arkusz2', rows: instructions },
      ]),
      'participants',
    );
    expect(emptyFirst.code).toBe('header_not_found');
    expect(emptyFirst.message).toBe(
      'Arkusz „Arkusz1” jest pusty. W pozostałych arkuszach nie znaleziono wiersza nagłówka. Oczekiwane kolumny: Kod uczestnika, Społeczność.',
    );
    const allEmpty = rejection(
      workbookTable([
        { name: 'Arkusz1', rows: [] },
        { name: 'Arkusz2', rows: [[], ['']] },
      ]),
    );
    expect(allEmpty.code).toBe('file_empty');
    expect(allEmpty.message).toBe('Arkusz „Arkusz1” jest pusty.');
  });
});

describe('noDataRowsIssue', () => {
  it('names the sheet read and the sheets that look like data but have no header', () => {
    const table = workbookTable([
      { name: 'Wzór listy', rows: [['LISTA'], ['Nr działania', 'Kod uczestnika'], ['Razem', 0]] },
      {
        name: 'Lista',
        rows: [
          ['Działanie', 'Osoba'],
          ['A-1', 'Anna'],
        ],
      },
    ]);
    const choice = chooseSheet(table, undefined, config);
    expect(choice.table.sheetName).toBe('Wzór listy');
    expect(choice.dataSheetsWithoutHeader).toEqual(['Lista']);
    expect(brief([noDataRowsIssue(choice, 'pl')])).toEqual([{ row: null, column: null, value: null, code: 'no_data_rows' }]);
    expect(noDataRowsIssue(choice, 'pl').message).toBe(
      'Arkusz „Wzór listy” nie zawiera żadnych danych: pod nagłówkiem (wiersz 2) nie ma ani jednego wiersza do zaimportowania. Dane wyglądają na zapisane w arkuszu „Lista”, ale w jego pierwszych 20 wierszach nie ma wiersza nagłówka. Oczekiwane kolumny: Nr działania, Kod uczestnika / Imię + Nazwisko.',
    );
    expect(noDataRowsIssue(choice, 'en').message).toBe(
      'The sheet "Wzór listy" holds no data: there is not a single row to import below the header (row 2). The data seem to be on the sheet "Lista", but its first 20 rows hold no header row. Expected columns: Nr działania, Kod uczestnika / Imię + Nazwisko.',
    );
  });

  it('keeps the message of a file for a CSV', () => {
    const choice = chooseSheet(csvTable(attendanceHeaderOnly), undefined, config);
    expect(noDataRowsIssue(choice, 'pl').message).toBe(
      'Plik nie zawiera żadnych danych: pod nagłówkiem (wiersz 1) nie ma ani jednego wiersza do zaimportowania. Sprawdź, czy to właściwy plik lub arkusz.',
    );
  });
});
