import { describe, expect, it } from 'vitest';
import { brief, csvTable, testConfig } from '../fixtures/import-fixtures.ts';
import { FileRejectedError } from '../import.errors.ts';
import { columnLetter, columnSpecs, expectedColumns, foldHeader, locateHeader } from './columns.ts';

const config = testConfig();

describe('foldHeader', () => {
  it('matches case-, diacritics- and separator-insensitively', () => {
    expect(foldHeader('Kod uczestnika')).toBe('kod uczestnika');
    expect(foldHeader('KOD_UCZESTNIKA')).toBe('kod uczestnika');
    expect(foldHeader('kod-uczestnika')).toBe('kod uczestnika');
    expect(foldHeader('  Kod  __ uczestnika ')).toBe('kod uczestnika');
    expect(foldHeader('Społeczność')).toBe('spolecznosc');
    expect(foldHeader('Płeć')).toBe('plec');
    expect(foldHeader('DATA DZIAŁANIA*')).toBe('data dzialania');
    expect(foldHeader('Imię:')).toBe('imie');
    expect(foldHeader('Data\u00a0wypełnienia')).toBe('data wypelnienia');
    expect(foldHeader('Czas trwania (h)')).toBe('czas trwania h');
    expect(foldHeader('Nr. działania')).toBe('nr dzialania');
    expect(foldHeader('[Kod uczestnika]')).toBe('kod uczestnika');
  });
});

describe('columnSpecs', () => {
  it('lists the columns of input-formats.md', () => {
    expect(columnSpecs.activities.filter((c) => c.required).map((c) => c.name)).toEqual(['activity_id', 'date', 'community', 'type', 'title']);
    expect(columnSpecs.participants.filter((c) => c.required).map((c) => c.name)).toEqual(['participant_code', 'community']);
    expect(columnSpecs.survey.filter((c) => c.required).map((c) => c.name)).toEqual(['survey_code', 'date', 'community']);
    expect(columnSpecs.attendance.find((c) => c.name === 'activity_id')?.synonyms).toEqual(['id_dzialania', 'nr_dzialania']);
  });

  it('columnLetter', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('locateHeader', () => {
  it('skips title rows and maps synonyms to canonical columns', () => {
    const table = csvTable([
      ['LISTA OBECNOŚCI', '', ''],
      ['Data: 05.03.2022', '', ''],
      ['', '', ''],
      ['ID działania', 'Kod uczestnika', 'Data'],
      ['A-1', 'WZG-1', '05.03.2022'],
    ]);
    const header = locateHeader(table, undefined, config);
    expect(header.kind).toBe('attendance');
    expect(header.headerIndex).toBe(3);
    expect(header.headerRow).toBe(4);
    expect(Object.fromEntries(header.columns)).toEqual({ activity_id: 0, participant_code: 1, date: 2 });
    expect(header.errors).toEqual([]);
    expect(header.warnings).toEqual([]);
  });

  it.each([
    ['activities', ['id', 'data', 'spolecznosc', 'typ', 'tytul', 'czas_h']],
    ['activities', ['Nr działania', 'Data działania', 'Społeczność', 'Rodzaj', 'Temat']],
    ['attendance', ['nr_dzialania', 'imie', 'nazwisko']],
    ['attendance', ['activity_id', 'participant_code']],
    ['participants', ['kod', 'spolecznosc', 'plec', 'rok_urodzenia', 'imie', 'nazwisko']],
    ['participants', ['kod_uczestnika', 'spolecznosc']],
    ['survey', ['Ankieta', 'Data wypełnienia', 'Społeczność', 'JAKOSC_ZYCIA']],
    ['survey', ['kod_ankiety', 'kod_uczestnika', 'data', 'spolecznosc']],
  ])('detects %s from %j', (kind, headers) => {
    expect(locateHeader(csvTable([headers]), undefined, config).kind).toBe(kind);
  });

  it('uses the kind it is given', () => {
    const header = locateHeader(csvTable([['kod', 'imie', 'nazwisko', 'spolecznosc']]), 'attendance', config);
    expect(header.kind).toBe('attendance');
    // A missing column is named as the template heads it, with its canonical name beside it.
    expect(header.errors.map((e) => [e.code, e.column, e.field])).toEqual([['missing_column', 'Nr działania', 'activity_id']]);
    expect(header.warnings.map((w) => w.column)).toEqual(['spolecznosc']);
  });

  it('lists the expected columns by their template headers, each kind named in the reader’s language', () => {
    expect(expectedColumns('participants')).toBe('Kod uczestnika, Społeczność');
    expect(expectedColumns(undefined, 'pl')).toMatch(
      /^dziennik działań: Nr działania, Data, .*; lista obecności: Nr działania, Kod uczestnika \/ Imię \+ Nazwisko; /,
    );
    expect(expectedColumns(undefined, 'en')).toMatch(/^activity log: Nr działania, .*; participant register: Kod uczestnika, Społeczność; surveys: Ankieta, /);
  });

  it('names every missing required column', () => {
    const header = locateHeader(csvTable([['activity_id', 'tytul', 'miejsce']]), 'activities', config);
    expect(header.errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual([
      { row: 1, column: 'Data', code: 'missing_column' },
      { row: 1, column: 'Społeczność', code: 'missing_column' },
      { row: 1, column: 'Typ działania', code: 'missing_column' },
    ]);
    expect(header.errors[0].message).toBe('Brak wymaganej kolumny „Data” (może się też nazywać: date, data, data_dzialania).');
  });

  it('attendance needs a participant code or a first and last name', () => {
    const header = locateHeader(csvTable([['id_dzialania', 'imie', 'data']]), undefined, config);
    expect(header.kind).toBe('attendance');
    expect(header.errors.map((e) => e.code)).toEqual(['missing_participant_columns']);
    expect(header.errors[0].message).toBe(
      'Brak kolumny „Kod uczestnika” albo pary kolumn „Imię” i „Nazwisko”. Dodaj jedną z nich (nagłówki mogą też brzmieć: participant_code, first_name, last_name).',
    );
  });

  it('reports two columns meaning the same as an error', () => {
    const header = locateHeader(csvTable([['kod', 'Kod uczestnika', 'spolecznosc']]), 'participants', config);
    expect(header.errors).toEqual([
      {
        row: 1,
        column: 'Kod uczestnika',
        field: 'participant_code',
        value: 'Kod uczestnika',
        code: 'duplicate_column',
        message: 'Kolumna „Kod uczestnika” występuje dwa razy: „kod” (kolumna A) i „Kod uczestnika” (kolumna B). Zostaw jedną.',
      },
    ]);
  });

  it('warns about unknown columns and gives English messages when asked', () => {
    const header = locateHeader(csvTable([['Lp.', 'kod', 'spolecznosc', 'Telefon']]), undefined, config, 'en');
    expect(header.warnings).toEqual([
      { row: 1, column: 'Lp.', value: 'Lp.', code: 'unknown_column', message: 'Unknown column "Lp." (column A) will be ignored.' },
      { row: 1, column: 'Telefon', value: 'Telefon', code: 'unknown_column', message: 'Unknown column "Telefon" (column D) will be ignored.' },
    ]);
  });

  it('survey: question codes of the surveys named in the file are question columns', () => {
    const table = csvTable([
      ['survey_code', 'date', 'community', 'Jakość życia', 'q_ocena', 'UWAGI', 'ZAUFANIE', 'Inne'],
      ['ANK-ROCZNA', '2022-05-01', 'WZG', '4', '', 'ok', '3', ''],
    ]);
    const header = locateHeader(table, undefined, config);
    expect(header.kind).toBe('survey');
    expect(header.questionColumns.map((q) => q.header)).toEqual(['Jakość życia', 'UWAGI', 'ZAUFANIE']);
    // OCENA belongs to ANK-PO, which the file does not name
    expect(header.warnings.map((w) => w.column)).toEqual(['q_ocena', 'Inne']);
  });

  it('survey: questions of every named survey, by code or name', () => {
    const table = csvTable([
      ['ankieta', 'data', 'spolecznosc', 'OCENA', 'JAKOSC_ZYCIA'],
      ['Ankieta po działaniu', '2022-05-01', 'WZG', '5', ''],
      ['ank-roczna', '2022-05-01', 'WZG', '', '4'],
    ]);
    expect(locateHeader(table, undefined, config).questionColumns.map((q) => q.header)).toEqual(['OCENA', 'JAKOSC_ZYCIA']);
  });

  it('rejects a file without a recognisable header in the first 20 rows', () => {
    const rows = [...Array.from({ length: 20 }, () => ['tytuł']), ['activity_id', 'date', 'community', 'type', 'title']];
    let error: unknown;
    try {
      locateHeader(csvTable(rows, 'dziennik.csv'), 'activities', config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as FileRejectedError).code).toBe('header_not_found');
    expect((error as FileRejectedError).message).toBe(
      'W pierwszych 20 wierszach nie znaleziono wiersza nagłówka. Oczekiwane kolumny: Nr działania, Data, Społeczność, Typ działania, Tytuł.',
    );
    expect(() =>
      locateHeader(
        csvTable([
          ['a', 'b'],
          ['1', '2'],
        ]),
        undefined,
        config,
      ),
    ).toThrow(FileRejectedError);
  });

  it('needs two known columns in one row, so a title cell "Data:" is not a header', () => {
    const header = locateHeader(
      csvTable([
        ['Data:', '05.03.2022'],
        ['activity_id', 'participant_code'],
      ]),
      undefined,
      config,
    );
    expect(header.headerRow).toBe(2);
  });

  it('reads a paper-style header split over two rows: a merged group cell above "Imię | Nazwisko"', () => {
    const table = csvTable([
      ['LISTA OBECNOŚCI', 'LISTA OBECNOŚCI', 'LISTA OBECNOŚCI', 'LISTA OBECNOŚCI', 'LISTA OBECNOŚCI'], // a merged title, filled
      ['Lp.', 'Uczestnik', 'Uczestnik', 'Nr działania', 'Data'],
      ['', 'Imię', 'Nazwisko', '', ''],
      ['1', 'Anna', 'Kowalska', 'A-1', '05.03.2022'],
    ]);
    const header = locateHeader(table, undefined, config);
    expect(header.kind).toBe('attendance');
    expect(header.headerIndex).toBe(2);
    expect(header.headerRow).toBe(3);
    expect(header.headers).toEqual(['Lp.', 'Imię', 'Nazwisko', 'Nr działania', 'Data']);
    expect(Object.fromEntries(header.columns)).toEqual({ first_name: 1, last_name: 2, activity_id: 3, date: 4 });
    expect(header.errors).toEqual([]);
    expect(header.warnings).toEqual([
      {
        row: 2,
        column: null,
        value: null,
        code: 'header_two_rows',
        message: 'Nagłówek tabeli zajmuje ten wiersz i wiersz 3; nazwy kolumn odczytano z obu wierszy.',
      },
      // reported on the row it is written in
      { row: 2, column: 'Lp.', value: 'Lp.', code: 'unknown_column', message: 'Nieznana kolumna „Lp.” (kolumna A) — zostanie pominięta.' },
    ]);
  });

  it('takes the lower row of a two-row header whose merged cells fill it completely', () => {
    const table = csvTable([
      ['Nr działania', 'Uczestnik', 'Uczestnik', 'Data'],
      ['Nr działania', 'Imię', 'Nazwisko', 'Data'], // merged down from the row above
      ['A-1', 'Anna', 'Kowalska', '05.03.2022'],
    ]);
    const header = locateHeader(table, 'attendance', config);
    expect(header.headerRow).toBe(2);
    expect(Object.fromEntries(header.columns)).toEqual({ activity_id: 0, first_name: 1, last_name: 2, date: 3 });
    expect(header.errors).toEqual([]);
    expect(header.warnings).toEqual([]); // the row above is part of the header, nothing was skipped
  });

  it('a group label repeated over columns of its own names none of them (no duplicate "date")', () => {
    const table = csvTable([
      ['Nr działania', 'Uczestnik', 'Uczestnik', 'Data', 'Data'],
      ['', 'Imię', 'Nazwisko', 'od', 'do'],
    ]);
    const header = locateHeader(table, 'attendance', config, 'en');
    expect(header.headers).toEqual(['Nr działania', 'Imię', 'Nazwisko', 'od', 'do']);
    expect(header.errors).toEqual([]);
    expect(brief(header.warnings)).toEqual([
      { row: 1, column: null, value: null, code: 'header_two_rows' },
      { row: 2, column: 'od', value: 'od', code: 'unknown_column' },
      { row: 2, column: 'do', value: 'do', code: 'unknown_column' },
    ]);
    expect(header.warnings[0].message).toBe('The table header spans this row and row 2; the column names were read from both rows.');
  });

  it('takes the row with the most known columns, not the first naming two, and says so', () => {
    const table = csvTable([
      ['Data:', '05.03.2022', 'Społeczność:', 'WZG'],
      ['Prowadząca:', 'A. Nowak', '', ''],
      ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł'],
      ['A-1', '05.03.2022', 'WZG', 'AKCJA', 'Sprzątanie'],
    ]);
    const header = locateHeader(table, undefined, config);
    expect(header.kind).toBe('activities');
    expect(header.headerRow).toBe(3);
    expect(header.errors).toEqual([]);
    expect(header.warnings).toEqual([
      {
        row: 1,
        column: null,
        value: null,
        code: 'header_row_not_chosen',
        message: 'Ten wiersz też wygląda na nagłówek, ale za nagłówek uznano wiersz 3, który lepiej pasuje do oczekiwanych kolumn; wiersze nad nim pominięto.',
      },
    ]);
  });

  it('of two rows naming as many known columns, takes the one missing fewer required columns, else the upper one', () => {
    const fewerMissing = csvTable([
      ['Data', '05.03.2022', 'Kod', 'x'], // date and participant_code: activity_id missing
      [],
      ['Nr działania', 'Kod uczestnika'],
    ]);
    expect(locateHeader(fewerMissing, 'attendance', config).headerRow).toBe(3);
    const same = csvTable([['activity_id', 'participant_code'], ['A-1', 'WZG-1'], [], ['activity_id', 'participant_code']]);
    const header = locateHeader(same, 'attendance', config);
    expect(header.headerRow).toBe(1);
    expect(header.warnings).toEqual([]);
  });
});
