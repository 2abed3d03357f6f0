// Issue 3, "Bad input": every file a person can get wrong, through the real import path (read,
// validate, write) of an installation that already holds a small register, activity log,
// attendance lists and survey. Each must end with a clear message (Polish, English on request),
// the exact rows, columns and codes, and the recorded data exactly as it was before.
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, type FileImportReport } from '@osl/backend';
import {
  binaryBytes,
  brief,
  csv,
  excelDate,
  importOne,
  importRejected,
  passwordProtectedXlsx,
  pdfBytes,
  snapshotData,
  temporaryEnvironmentWithProject,
  xlsx,
  zipBombXlsx,
} from '../support/import-fixtures.ts';
import { openInstallation, temporaryEnvironment } from '../support/installation.ts';

const MIB = 1024 * 1024;
// 23:30 UTC on 1 March is already 2 March in Warsaw: "today" for the importer is 2024-03-02.
const environment = temporaryEnvironment('2024-03-01T23:30:00Z');
let context: INestApplicationContext;

const activityHeader = ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł', 'Czas trwania (h)', 'Liczba osób bez listy'];

beforeAll(async () => {
  context = await openInstallation(environment);
  const register = csv([
    ['Kod uczestnika', 'Społeczność', 'Płeć', 'Rok urodzenia', 'Lider', 'Lider od', 'Imię', 'Nazwisko'],
    ['WZG-0001', 'WZG', 'K', 1980, 'nie', '', 'Anna', 'Kowalska'],
    ['WZG-0002', 'WZG', 'M', 1975, 'tak', '10.05.2021', 'Jan', 'Nowak'],
    ['OST-0001', 'OST', 'M', 1990, '', '', 'Jan', 'Nowak'],
    ['LAZ-0001', 'LAZ', 'K', 1948, '', '', 'Zofia', 'Wójcik'],
  ]);
  const activities = csv([
    ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł', 'Liczba osób bez listy'],
    ['A1', '10.03.2022', 'WZG', 'WARSZTAT', 'Warsztaty kulinarne', 2],
    ['A2', '12.04.2022', 'OST', 'SPOTKANIE', 'Spotkanie mieszkańców', ''],
    ['A3', '15.05.2022', 'LAZ', 'PRELEKCJA', 'Prelekcja o zdrowiu', ''],
  ]);
  const attendance = csv([
    ['ID działania', 'Kod uczestnika'],
    ['A1', 'WZG-0001'],
    ['A1', 'WZG-0002'],
    ['A2', 'OST-0001'],
    ['A3', 'LAZ-0001'],
  ]);
  const survey = csv([
    ['Ankieta', 'Data', 'Społeczność', 'JAKOSC_ZYCIA', 'ZAUFANIE', 'POLECAM', 'UWAGI'],
    ['ANK-ROCZNA', '20.10.2022', 'WZG', 5, 4, 'tak', 'Dziękuję'],
    ['ANK-ROCZNA', '21.10.2022', 'OST', 3, '', 'nie', ''],
  ]);
  const reports = [
    await importOne(context, 'rejestr.csv', register),
    await importOne(context, 'dziennik.csv', activities),
    await importOne(context, 'obecnosci.csv', attendance),
    await importOne(context, 'ankieta.csv', survey),
  ];
  expect(reports.map((r) => [r.file, r.status, r.created, r.errors])).toEqual([
    ['rejestr.csv', 'imported', 4, []],
    ['dziennik.csv', 'imported', 3, []],
    ['obecnosci.csv', 'imported', 4, []],
    ['ankieta.csv', 'imported', 2, []],
  ]);
  expect(brief(reports[0].warnings)).toEqual([{ row: 4, column: 'Nazwisko', value: null, code: 'duplicate_name_in_register' }]);
  expect((await snapshotData(context)).counts).toEqual({ activities: 3, participants: 4, attendance: 4, surveyResponses: 2, surveyAnswers: 6 });
});

afterAll(async () => {
  await context?.close();
});

const wholeFile = (code: string) => [{ row: null, column: null, value: null, code }];

describe('files that are not what they claim to be', () => {
  it('an empty file (also one with only a BOM and blank lines)', async () => {
    const report = await importRejected(context, 'pusty.csv', Buffer.alloc(0));
    expect(brief(report.errors)).toEqual(wholeFile('file_empty'));
    expect(report.errors[0].message).toBe('Plik jest pusty.');
    expect(report.kind).toBeNull();
    const blank = await importRejected(context, 'pusty2.csv', Buffer.from('\ufeff\r\n;;\r\n\r\n', 'utf8'), { lang: 'en' });
    expect(blank.errors).toEqual([{ row: null, column: null, value: null, code: 'file_empty', message: 'The file is empty.' }]);
  });

  it('only a header: refused as "no data rows", not imported as nothing', async () => {
    const report = await importRejected(context, 'dziennik-pusty.csv', csv([activityHeader]));
    expect(report.kind).toBe('activities');
    expect(brief(report.errors)).toEqual(wholeFile('no_data_rows'));
    expect(report.errors[0].message).toBe(
      'Plik nie zawiera żadnych danych: pod nagłówkiem (wiersz 1) nie ma ani jednego wiersza do zaimportowania. Sprawdź, czy to właściwy plik lub arkusz.',
    );
    // A workbook with a title, the header, an empty row and a totals row has no data either.
    const workbook = await xlsx([{ name: 'Lista', rows: [['LISTA OBECNOŚCI'], ['Nr działania', 'Kod uczestnika'], [], ['Razem', 0]] }]);
    const fromXlsx = await importRejected(context, 'lista-pusta.xlsx', workbook, { lang: 'en' });
    expect(fromXlsx.kind).toBe('attendance');
    expect(brief(fromXlsx.errors)).toEqual(wholeFile('no_data_rows'));
    expect(fromXlsx.errors[0].message).toBe(
      'The sheet "Lista" holds no data: there is not a single row to import below the header (row 2). Check that this is the right file.',
    );
    expect(brief(fromXlsx.warnings)).toEqual([
      { row: 3, column: null, value: null, code: 'empty_row_skipped' },
      { row: 4, column: null, value: 'Razem', code: 'totals_row_skipped' },
    ]);
  });

  it('a binary file', async () => {
    const report = await importRejected(context, 'obecnosci.csv', binaryBytes());
    expect(brief(report.errors)).toEqual(wholeFile('binary_file'));
    expect(report.errors[0].message).toContain('To nie jest plik CSV ani XLSX, tylko plik binarny');
  });

  it('a PDF renamed to .xlsx or .csv', async () => {
    for (const name of ['lista-obecnosci.xlsx', 'lista-obecnosci.csv']) {
      const report = await importRejected(context, name, pdfBytes());
      expect(brief(report.errors)).toEqual(wholeFile('not_spreadsheet'));
      expect(report.errors[0].message).toBe(
        'To nie jest plik CSV ani XLSX (rozpoznano: PDF). Zapisz dane w Excelu jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
      );
    }
    const english = await importRejected(context, 'lista.xlsx', pdfBytes(), { lang: 'en' });
    expect(english.errors[0].message).toBe(
      'This is not a CSV or XLSX file (detected: PDF). Save the data from Excel as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
    );
  });

  it('an XLSX that is a zip bomb, honest or lying about its size', async () => {
    const honest = zipBombXlsx(40 * MIB); // 40 MiB of XML whitespace in about 40 KB
    expect(honest.length).toBeLessThan(200_000);
    const report = await importRejected(context, 'rejestr.xlsx', honest);
    expect(brief(report.errors)).toEqual(wholeFile('zip_bomb'));
    expect(report.errors[0].message).toBe('Plik XLSX po rozpakowaniu miałby 40 MB, czyli podejrzanie dużo (limit 500 MB). Plik odrzucono.');
    // Declares 4 KB for a sheet that inflates to 200 MiB: refused after inflating 4 KB.
    const lying = zipBombXlsx(200 * MIB, 4096);
    const started = process.hrtime.bigint();
    const hidden = await importRejected(context, 'rejestr2.xlsx', lying);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
    expect(brief(hidden.errors)).toEqual(wholeFile('zip_size_mismatch'));
    expect(hidden.errors[0].message).toContain('jego zawartość po rozpakowaniu jest większa, niż plik deklaruje');
  });

  it('a password-protected XLSX', async () => {
    const report = await importRejected(context, 'rejestr-haslo.xlsx', passwordProtectedXlsx());
    expect(brief(report.errors)).toEqual(wholeFile('xlsx_encrypted'));
    expect(report.errors[0].message).toBe(
      'Plik jest chroniony hasłem. Otwórz go w Excelu, usuń hasło (Plik → Informacje → Chroń skoroszyt → Szyfruj przy użyciu hasła) i zapisz ponownie.',
    );
    const english = await importRejected(context, 'rejestr-haslo.xlsx', passwordProtectedXlsx(), { lang: 'en' });
    expect(english.errors[0].message).toContain('The file is password-protected.');
  });

  it('bytes of an unknown encoding', async () => {
    // Windows-1250 leaves 0x98 undefined: neither UTF-8 nor Windows-1250.
    const undefinedByte = Buffer.concat([
      csv(
        [
          ['Kod uczestnika', 'Społeczność', 'Imię', 'Nazwisko'],
          ['WZG-0101', 'WZG', 'Łucja', 'Żak'],
        ],
        { encoding: 'windows-1250' },
      ),
      Buffer.from('WZG-0102;WZG;Ma'),
      Buffer.from([0x98]),
      Buffer.from('ja;Nowak\r\n'),
    ]);
    const report = await importRejected(context, 'rejestr.csv', undefinedByte);
    expect(brief(report.errors)).toEqual(wholeFile('undecodable'));
    expect(report.errors[0].message).toBe(
      'Plik zawiera znaki, których nie da się odczytać ani jako UTF-8, ani jako Windows-1250 (pierwszy w linii 3). Zapisz go w Excelu jako „CSV UTF-8”.',
    );
    // UTF-8 with one stray Latin-1 byte: refused at that line, never read as Windows-1250 (which would garble every ś and ó).
    const strayByte = Buffer.concat([
      csv([
        ['Kod uczestnika', 'Społeczność', 'Imię', 'Nazwisko'],
        ['WZG-0101', 'WZG', 'Zośka', 'Wójcik'],
      ]),
      Buffer.from('WZG-0102;WZG;Ren'),
      Buffer.from([0xe9]),
      Buffer.from(';Dupont\r\n'),
    ]);
    const mixed = await importRejected(context, 'rejestr.csv', strayByte);
    expect(brief(mixed.errors)).toEqual(wholeFile('mixed_encoding'));
    expect(mixed.errors[0].message).toContain('(pierwszy w linii 3)');
    expect(mixed.errors[0].message).toContain('polskie litery zostałyby przekłamane');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kod uczestnika\tSpołeczność\r\nWZG-0101\tWZG\r\n', 'utf16le')]);
    expect(brief((await importRejected(context, 'rejestr.txt', utf16)).errors)).toEqual(wholeFile('utf16_encoding'));
  });
});

describe('headers', () => {
  it('missing required columns: every one of them named', async () => {
    const report = await importRejected(
      context,
      'dziennik.csv',
      csv([
        ['ID działania', 'Tytuł', 'Miejsce'],
        ['A9', 'Warsztaty', 'Świetlica'],
      ]),
    );
    expect(report.kind).toBe('activities');
    expect(brief(report.errors)).toEqual([
      { row: 1, column: 'Data', value: null, code: 'missing_column' },
      { row: 1, column: 'Społeczność', value: null, code: 'missing_column' },
      { row: 1, column: 'Typ działania', value: null, code: 'missing_column' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Brak wymaganej kolumny „Data” (może się też nazywać: date, data, data_dzialania).',
      'Brak wymaganej kolumny „Społeczność” (może się też nazywać: community, spolecznosc, spolecznosc_kod).',
      'Brak wymaganej kolumny „Typ działania” (może się też nazywać: type, typ, rodzaj, typ_dzialania).',
    ]);
    const attendance = await importRejected(
      context,
      'lista.csv',
      csv([
        ['ID działania', 'Imię'],
        ['A1', 'Anna'],
      ]),
      { lang: 'en' },
    );
    expect(brief(attendance.errors)).toEqual([{ row: 1, column: 'Kod uczestnika', value: null, code: 'missing_participant_columns' }]);
    expect(attendance.errors[0].message).toBe(
      'Neither the column "Kod uczestnika" (participant code) nor the pair "Imię" and "Nazwisko" (first and last name) is present; add one of them (participant_code, first_name, last_name also do).',
    );
  });

  it('duplicate headers (spelled differently but meaning the same column)', async () => {
    const report = await importRejected(
      context,
      'rejestr.csv',
      csv([
        ['Kod uczestnika', 'KOD_UCZESTNIKA', 'Społeczność', 'Data', 'Data przystąpienia'],
        ['WZG-0101', 'WZG-0101', 'WZG', '', ''],
      ]),
    );
    expect(brief(report.errors)).toEqual([{ row: 1, column: 'KOD_UCZESTNIKA', value: 'KOD_UCZESTNIKA', code: 'duplicate_column' }]);
    expect(report.errors[0].message).toBe(
      'Kolumna „Kod uczestnika” występuje dwa razy: „Kod uczestnika” (kolumna A) i „KOD_UCZESTNIKA” (kolumna B). Zostaw jedną.',
    );
    expect(brief(report.warnings)).toEqual([{ row: 1, column: 'Data', value: 'Data', code: 'unknown_column' }]);
  });

  it('10,000 columns', async () => {
    const wide = [...activityHeader, ...Array.from({ length: 10_000 - activityHeader.length }, (_, i) => `Kolumna ${i + 1}`)];
    const report = await importRejected(context, 'szeroki.csv', csv([wide, ['A9', '01.02.2024', 'WZG', 'AKCJA', 'Sprzątanie']]));
    expect(brief(report.errors)).toEqual(wholeFile('too_many_columns'));
    expect(report.errors[0].message).toBe('Wiersz 1 ma 10000 kolumn, a limit to 1000. Sprawdź, czy plik ma właściwy separator kolumn.');
    const workbook = await xlsx([{ name: 'Dziennik', rows: [wide, ['A9', excelDate('2024-02-01'), 'WZG', 'AKCJA', 'Sprzątanie']] }]);
    const fromXlsx = await importRejected(context, 'szeroki.xlsx', workbook, { lang: 'en' });
    expect(fromXlsx.errors[0]).toMatchObject({
      code: 'too_many_columns',
      message: 'Row 1 has 10000 columns; the limit is 1000. Check that the file uses a proper column separator.',
    });
  });

  it('10,000 columns that are all empty after the data (Excel’s used range) are no columns: imported', async () => {
    const padding = ';'.repeat(10_000);
    const text = `${activityHeader.slice(0, 5).join(';')}${padding}\r\nW1;05.02.2024;WZG;AKCJA;Sprzątanie skweru${padding}\r\n`;
    const report = await importOne(context, 'dziennik-excel.csv', Buffer.from(text, 'utf8'));
    expect([report.status, report.created, report.errors]).toEqual(['imported', 1, []]);
    const stored = await context.get(DatabaseRepository).client.activity.findUniqueOrThrow({ where: { externalId: 'W1' } });
    expect(stored).toMatchObject({ date: '2024-02-05', title: 'Sprzątanie skweru' });
  });
});

describe('values', () => {
  it('unknown community and activity type, with the nearest valid name suggested', async () => {
    const file = csv([
      activityHeader,
      ['B1', '01.02.2024', 'Wzgórze', 'warsztat kulinarny', 'Gotowanie'],
      ['B2', '01.02.2024', 'Os. Łazy', 'spotkania', 'Spotkanie'],
      ['B3', '01.02.2024', 'Kraków', 'XYZ', 'Coś'],
    ]);
    const report = await importRejected(context, 'dziennik.csv', file);
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'Społeczność', value: 'Wzgórze', code: 'unknown_community_suggestion' },
      { row: 2, column: 'Typ', value: 'warsztat kulinarny', code: 'unknown_activity_type_suggestion' },
      { row: 3, column: 'Społeczność', value: 'Os. Łazy', code: 'unknown_community_suggestion' },
      { row: 3, column: 'Typ', value: 'spotkania', code: 'unknown_activity_type_suggestion' },
      { row: 4, column: 'Społeczność', value: 'Kraków', code: 'unknown_community' },
      { row: 4, column: 'Typ', value: 'XYZ', code: 'unknown_activity_type' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Nieznana społeczność „Wzgórze”. Czy chodziło o „Mieszkańcy Os. Wzgórze” (WZG)?',
      'Nieznany typ działania „warsztat kulinarny”. Czy chodziło o „warsztaty” (WARSZTAT)?',
      'Nieznana społeczność „Os. Łazy”. Czy chodziło o „Seniorzy na Os. Łazy” (LAZ)?',
      'Nieznany typ działania „spotkania”. Czy chodziło o „spotkanie tematyczne” (SPOTKANIE)?',
      'Nieznana społeczność „Kraków”. Dozwolone: Mieszkańcy Os. Wzgórze (WZG), Mieszkańcy bloków przy ul. Ostrowieckiej (OST), Seniorzy na Os. Łazy (LAZ).',
      expect.stringMatching(/^Nieznany typ działania „XYZ”\. Dozwolone: animacja kulturalna \(ANIM_KULT\), .*akcja społecznościowa \(AKCJA\)\.$/),
    ]);
    const english = await importRejected(context, 'dziennik.csv', file, { lang: 'en' });
    expect(english.errors[0].message).toBe('Unknown community "Wzgórze". Did you mean "Mieszkańcy Os. Wzgórze" (WZG)?');
  });

  it('impossible dates', async () => {
    const report = await importRejected(
      context,
      'dziennik.csv',
      csv([
        activityHeader,
        ['C1', '31.02.2022', 'WZG', 'AKCJA', 'Sprzątanie'],
        ['C2', '29.02.2023', 'WZG', 'AKCJA', 'Sprzątanie'],
        ['C3', '2022-13-01', 'WZG', 'AKCJA', 'Sprzątanie'],
        ['C4', '00.01.2022', 'WZG', 'AKCJA', 'Sprzątanie'],
        ['C5', '29.02.2024', 'WZG', 'AKCJA', 'Rok przestępny: poprawna data'],
      ]),
    );
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'Data', value: '31.02.2022', code: 'date_impossible' },
      { row: 3, column: 'Data', value: '29.02.2023', code: 'date_impossible' },
      { row: 4, column: 'Data', value: '2022-13-01', code: 'date_impossible' },
      { row: 5, column: 'Data', value: '00.01.2022', code: 'date_impossible' },
    ]);
    expect(report.errors[0].message).toBe('Data „31.02.2022” nie istnieje w kalendarzu.');
  });

  it('US-ordered dates are refused, never guessed', async () => {
    const report = await importRejected(
      context,
      'dziennik.csv',
      csv([activityHeader, ['D1', '02/13/2022', 'WZG', 'AKCJA', 'Sprzątanie'], ['D2', '12/31/2022', 'WZG', 'AKCJA', 'Sprzątanie']]),
    );
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'Data', value: '02/13/2022', code: 'date_us_order' },
      { row: 3, column: 'Data', value: '12/31/2022', code: 'date_us_order' },
    ]);
    expect(report.errors[0].message).toBe(
      '„02/13/2022” wygląda na datę w zapisie amerykańskim (miesiąc/dzień/rok). Program przyjmuje tylko dzień/miesiąc/rok; użyj DD.MM.RRRR albo RRRR-MM-DD.',
    );
    const english = await importRejected(context, 'dziennik.csv', csv([activityHeader, ['D1', '02/13/2022', 'WZG', 'AKCJA', 'Sprzątanie']]), { lang: 'en' });
    expect(english.errors[0].message).toBe(
      '"02/13/2022" looks like a US date (month/day/year). Only day/month/year is accepted; use DD.MM.YYYY or YYYY-MM-DD.',
    );
  });

  it('future dates (today in Europe/Warsaw), and dates before 2000, in every kind of file', async () => {
    const activities = await importRejected(
      context,
      'dziennik.csv',
      csv([
        activityHeader,
        ['E1', '02.03.2024', 'WZG', 'AKCJA', 'Dziś w Warszawie (w UTC jeszcze wczoraj): poprawna data'],
        ['E2', '03.03.2024', 'WZG', 'AKCJA', 'Jutro'],
        ['E3', '2031-01-01', 'WZG', 'AKCJA', 'Za kilka lat'],
        ['E4', '31.12.1999', 'WZG', 'AKCJA', 'Dawno temu'],
      ]),
    );
    expect(brief(activities.errors)).toEqual([
      { row: 3, column: 'Data', value: '03.03.2024', code: 'date_in_future' },
      { row: 4, column: 'Data', value: '2031-01-01', code: 'date_in_future' },
      { row: 5, column: 'Data', value: '31.12.1999', code: 'date_before_2000' },
    ]);
    expect(activities.errors.map((e) => e.message)).toEqual([
      'Data 2024-03-03 jest w przyszłości (dziś jest 2024-03-02).',
      'Data 2031-01-01 jest w przyszłości (dziś jest 2024-03-02).',
      'Data 1999-12-31 jest wcześniejsza niż najwcześniejsza przyjmowana data (2000-01-01).',
    ]);
    const register = await importRejected(
      context,
      'rejestr.csv',
      csv([
        ['Kod', 'Społeczność', 'Data przystąpienia'],
        ['WZG-0101', 'WZG', '10.03.2024'],
      ]),
    );
    expect(brief(register.errors)).toEqual([{ row: 2, column: 'Data przystąpienia', value: '10.03.2024', code: 'date_in_future' }]);
    const survey = await importRejected(
      context,
      'ankieta.csv',
      csv([
        ['Ankieta', 'Data', 'Społeczność', 'OCENA'],
        ['ANK-PO', '2024-12-01', 'WZG', 5],
      ]),
    );
    expect(brief(survey.errors)).toEqual([{ row: 2, column: 'Data', value: '2024-12-01', code: 'date_in_future' }]);
  });

  it('negative and fractional head counts (and durations)', async () => {
    const report = await importRejected(
      context,
      'dziennik.csv',
      csv([
        activityHeader,
        ['F1', '01.02.2024', 'WZG', 'IMPREZA', 'Festyn', '', '-3'],
        ['F2', '01.02.2024', 'WZG', 'IMPREZA', 'Festyn', '', '2,5'],
        ['F3', '01.02.2024', 'WZG', 'IMPREZA', 'Festyn', '', '12.5'],
        ['F4', '01.02.2024', 'WZG', 'IMPREZA', 'Festyn', '-1,5', 'dużo'],
      ]),
    );
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'Liczba osób bez listy', value: '-3', code: 'number_negative' },
      { row: 3, column: 'Liczba osób bez listy', value: '2,5', code: 'number_not_whole' },
      { row: 4, column: 'Liczba osób bez listy', value: '12.5', code: 'number_not_whole' },
      { row: 5, column: 'Czas trwania (h)', value: '-1,5', code: 'number_negative' },
      { row: 5, column: 'Liczba osób bez listy', value: 'dużo', code: 'number_invalid' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Liczba nie może być ujemna: „-3”.',
      '„2,5” nie jest liczbą całkowitą.',
      '„12.5” nie jest liczbą całkowitą.',
      'Liczba nie może być ujemna: „-1,5”.',
      '„dużo” nie jest liczbą.',
    ]);
  });

  it('text in a 1–5 question and answers outside the scale', async () => {
    const report = await importRejected(
      context,
      'ankieta.csv',
      csv([
        ['Ankieta', 'Data', 'Społeczność', 'JAKOSC_ZYCIA', 'ZAUFANIE', 'POLECAM'],
        ['ANK-ROCZNA', '20.10.2023', 'WZG', 'dobrze', 4, 'tak'],
        ['ANK-ROCZNA', '20.10.2023', 'WZG', 6, 0, 'nie'],
        ['ANK-ROCZNA', '20.10.2023', 'WZG', '3,5', 4, 'może'],
        ['ANK-ROCZNA', '20.10.2023', 'WZG', 4, 4, 'tak'],
      ]),
    );
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'JAKOSC_ZYCIA', value: 'dobrze', code: 'answer_scale_text' },
      { row: 3, column: 'JAKOSC_ZYCIA', value: '6', code: 'answer_scale_range' },
      { row: 3, column: 'ZAUFANIE', value: '0', code: 'answer_scale_range' },
      { row: 4, column: 'JAKOSC_ZYCIA', value: '3,5', code: 'answer_scale_range' },
      { row: 4, column: 'POLECAM', value: 'może', code: 'answer_yes_no_invalid' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Odpowiedź „dobrze” na pytanie JAKOSC_ZYCIA musi być liczbą od 1 do 5.',
      'Odpowiedź 6 na pytanie JAKOSC_ZYCIA jest spoza skali 1–5.',
      'Odpowiedź 0 na pytanie ZAUFANIE jest spoza skali 1–5.',
      'Odpowiedź 3,5 na pytanie JAKOSC_ZYCIA jest spoza skali 1–5.',
      'Odpowiedź „może” na pytanie POLECAM musi być tak/nie (tak/nie, t/n, 1/0, x/puste).',
    ]);
    const english = await importRejected(
      context,
      'ankieta.csv',
      csv([
        ['Ankieta', 'Data', 'Społeczność', 'JAKOSC_ZYCIA'],
        ['ANK-ROCZNA', '20.10.2023', 'WZG', 'dobrze'],
      ]),
      { lang: 'en' },
    );
    expect(english.errors[0].message).toBe('The answer "dobrze" to question JAKOSC_ZYCIA must be a number from 1 to 5.');
  });
});

describe('references to the register and the activity log', () => {
  it('an attendance row for an activity and for a participant that do not exist', async () => {
    const report = await importRejected(
      context,
      'obecnosci.csv',
      csv([
        ['ID działania', 'Kod uczestnika', 'Imię', 'Nazwisko'],
        ['A99', 'WZG-0001', '', ''],
        ['A1', 'WZG-9999', '', ''],
        ['A1', 'wzg-0001', '', ''],
        ['A2', '', 'Ewa', 'Nieznana'],
        ['A2', 'OST-0001', '', ''],
      ]),
    );
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'ID działania', value: 'A99', code: 'activity_not_found' },
      { row: 3, column: 'Kod uczestnika', value: 'WZG-9999', code: 'participant_not_found' },
      { row: 4, column: 'Kod uczestnika', value: 'wzg-0001', code: 'participant_not_found_suggestion' },
      { row: 5, column: 'Nazwisko', value: 'Ewa Nieznana', code: 'name_not_found' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Nie ma działania o identyfikatorze „A99”. Najpierw zaimportuj dziennik działań, w którym jest to działanie.',
      'W rejestrze uczestników nie ma kodu „WZG-9999”.',
      'W rejestrze uczestników nie ma kodu „wzg-0001”. Czy chodziło o „WZG-0001”?',
      'W rejestrze uczestników nie ma osoby „Ewa Nieznana”. Dopisz ją najpierw do rejestru albo wpisz jej kod uczestnika.',
    ]);
    const english = await importRejected(
      context,
      'obecnosci.csv',
      csv([
        ['ID działania', 'Kod uczestnika'],
        ['A99', 'WZG-0001'],
      ]),
      { lang: 'en' },
    );
    expect(english.errors[0].message).toBe('There is no activity with the id "A99". Import the activity log that contains it first.');
  });

  it('a name matching two people in the register', async () => {
    const report = await importRejected(
      context,
      'lista.csv',
      csv([
        ['ID działania', 'Nazwisko', 'Imię'],
        ['A1', 'Kowalska', 'Anna'],
        ['A1', 'NOWAK', 'jan'],
      ]),
    );
    expect(brief(report.errors)).toEqual([{ row: 3, column: 'Nazwisko', value: 'jan NOWAK', code: 'name_ambiguous' }]);
    expect(report.errors[0].message).toBe('Imię i nazwisko „jan NOWAK” pasuje do kilku osób w rejestrze (WZG-0002, OST-0001). Wpisz kod uczestnika.');
  });

  it('a participant code used twice in one register file', async () => {
    const report = await importRejected(
      context,
      'rejestr.csv',
      csv([
        ['Kod uczestnika', 'Społeczność', 'Płeć'],
        ['WZG-0100', 'WZG', 'K'],
        ['WZG-0101', 'WZG', 'M'],
        ['WZG-0100', 'WZG', 'M'],
      ]),
    );
    expect(brief(report.errors)).toEqual([{ row: 4, column: 'Kod uczestnika', value: 'WZG-0100', code: 'duplicate_participant_code' }]);
    expect(report.errors[0].message).toBe('Kod uczestnika „WZG-0100” występuje już w wierszu 2 tego pliku.');
  });
});

describe('“did you mean” and missing activities', () => {
  /** A file refused for an organizer of `communities` (through the API, the upload's scope): nothing written, the history without names. */
  async function importRejectedByOrganizer(communities: string[], fileName: string, content: Buffer, lang: 'pl' | 'en' = 'pl'): Promise<FileImportReport> {
    const before = await snapshotData(context);
    const [report] = await context
      .get(ImportService)
      .importFiles([{ fileName, content }], { source: 'api', importedBy: 'organizator.laz@test.osl', lang, allowedCommunities: communities });
    expect(report.status).toBe('rejected');
    expect(await snapshotData(context)).toEqual(before);
    const batch = await context.get(DatabaseRepository).client.importBatch.findUniqueOrThrow({ where: { id: report.batchId! } });
    expect(batch).toMatchObject({ status: 'rejected', errorCount: report.errors.length });
    expect(JSON.stringify(batch.report)).not.toMatch(/Zofia|Wójcik|Zofja|Anna|Kowalsk|Ana /);
    return report;
  }

  it('an administrator gets the one code, id or name one edit away', async () => {
    const report = await importRejected(
      context,
      'obecnosci.csv',
      csv([
        ['ID działania', 'Kod uczestnika', 'Imię', 'Nazwisko'],
        ['a-1', 'WZG-0001', '', ''],
        ['A1', 'wzg 0001', '', ''],
        ['A1', 'WZG-0010', '', ''],
        ['A1', '', 'Ana', 'Kowalska'],
      ]),
    );
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'ID działania', value: 'a-1', code: 'activity_not_found_suggestion' },
      { row: 3, column: 'Kod uczestnika', value: 'wzg 0001', code: 'participant_not_found_suggestion' },
      { row: 4, column: 'Kod uczestnika', value: 'WZG-0010', code: 'participant_not_found_suggestion' },
      { row: 5, column: 'Nazwisko', value: 'Ana Kowalska', code: 'name_not_found_code_suggestion' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Nie ma działania o identyfikatorze „a-1”. Czy chodziło o „A1”?',
      'W rejestrze uczestników nie ma kodu „wzg 0001”. Czy chodziło o „WZG-0001”?',
      'W rejestrze uczestników nie ma kodu „WZG-0010”. Czy chodziło o „WZG-0001”?',
      'W rejestrze uczestników nie ma osoby „Ana Kowalska”. Podobne imię i nazwisko ma osoba o kodzie WZG-0001; jeśli chodziło o nią, wpisz jej kod uczestnika.',
    ]);
  });

  it('an organizer gets suggestions from their own communities only: near another community’s person or activity, the words for a value that is nowhere', async () => {
    const report = await importRejectedByOrganizer(
      ['LAZ'],
      'lista-laz.csv',
      csv([
        ['ID działania', 'Kod uczestnika', 'Imię', 'Nazwisko'],
        // One edit from WZG's person, activity and name…
        ['A3', 'WZG-0010', '', ''],
        ['a-1', 'LAZ-0001', '', ''],
        ['A3', '', 'Ana', 'Kowalska'],
        // …and near nothing at all.
        ['A3', 'XYZ-9999', '', ''],
        ['Q-9', 'LAZ-0001', '', ''],
        ['A3', '', 'Ewa', 'Nieznana'],
        // Their own register: the code and the name one edit away.
        ['A3', 'laz 0001', '', ''],
        ['A3', '', 'Zofja', 'Wójcik'],
      ]),
    );
    expect(brief(report.errors)).toEqual([
      { row: 2, column: 'Kod uczestnika', value: 'WZG-0010', code: 'participant_not_in_your_register' },
      { row: 3, column: 'ID działania', value: 'a-1', code: 'activity_not_found' },
      { row: 4, column: 'Nazwisko', value: 'Ana Kowalska', code: 'name_not_found' },
      { row: 5, column: 'Kod uczestnika', value: 'XYZ-9999', code: 'participant_not_in_your_register' },
      { row: 6, column: 'ID działania', value: 'Q-9', code: 'activity_not_found' },
      { row: 7, column: 'Nazwisko', value: 'Ewa Nieznana', code: 'name_not_found' },
      { row: 8, column: 'Kod uczestnika', value: 'laz 0001', code: 'participant_not_found_suggestion' },
      { row: 9, column: 'Nazwisko', value: 'Zofja Wójcik', code: 'name_not_found_suggestion' },
    ]);
    const shapes = report.errors.map((e) => e.message.replace(e.value!, '…'));
    expect(shapes.slice(0, 3)).toEqual(shapes.slice(3, 6));
    expect(JSON.stringify(report.errors.slice(0, 6))).not.toMatch(/WZG-0001|"A1"|„A1”|Anna/);
    expect(report.errors.slice(6).map((e) => e.message)).toEqual([
      'W rejestrze uczestników nie ma kodu „laz 0001”. Czy chodziło o „LAZ-0001”?',
      'W rejestrze uczestników nie ma osoby „Zofja Wójcik”. Czy chodziło o „Zofia Wójcik” (LAZ-0001)?',
    ]);
  });

  it('a missing activity on many rows: one error naming the first rows and how many, and the count of errors kept right', async () => {
    const rows = [['ID działania', 'Kod uczestnika'], ...Array.from({ length: 40 }, (_, i) => [i % 10 === 9 ? 'A3' : 'B77', i % 2 ? 'LAZ-0001' : 'WZG-0001'])];
    const report = await importRejected(context, 'obecnosci-b77.csv', csv(rows), { lang: 'en' });
    expect(report.rows).toBe(40);
    expect(brief(report.errors)).toEqual([{ row: 2, column: 'ID działania', value: 'B77', code: 'activity_not_found_rows' }]);
    expect(report.errors[0].message).toBe(
      'The activity id "B77", given in 36 rows (2, 3, 4, 5, 6, …), is not in the activity log. Import the activity log that contains it first.',
    );
  });
});

describe('formula-looking cells', () => {
  const hyperlink = '=HYPERLINK("http://x","klik")';

  it('in a participant_code column: an unknown code, shown as written', async () => {
    const report = await importRejected(
      context,
      'obecnosci.csv',
      csv([
        ['ID działania', 'Kod uczestnika'],
        ['A1', hyperlink],
      ]),
    );
    expect(brief(report.errors)).toEqual([{ row: 2, column: 'Kod uczestnika', value: hyperlink, code: 'participant_not_found' }]);
    expect(report.errors[0].message).toBe(`W rejestrze uczestników nie ma kodu „${hyperlink}”.`);
  });

  it('in a title: stored verbatim as text, never evaluated, with a warning', async () => {
    const report = await importOne(
      context,
      'dziennik-formuly.csv',
      csv([activityHeader, ['G1', '01.02.2024', 'WZG', 'AKCJA', hyperlink], ['G2', '01.02.2024', 'WZG', 'AKCJA', '- bez tytułu -']]),
    );
    expect([report.status, report.created, report.errors]).toEqual(['imported', 2, []]);
    expect(report.warnings).toEqual([
      {
        row: 2,
        column: 'Tytuł',
        field: 'title',
        value: hyperlink,
        code: 'formula_like_text',
        message: `Tekst „${hyperlink}” wygląda jak formuła Excela; zapisano go dosłownie jako tekst, bez obliczania.`,
      },
    ]);
    const db = context.get(DatabaseRepository).client;
    const stored = await db.activity.findMany({ where: { externalId: { in: ['G1', 'G2'] } }, orderBy: { externalId: 'asc' }, select: { title: true } });
    expect(stored.map((a) => a.title)).toEqual([hyperlink, '- bez tytułu -']);
    // A real formula in an XLSX is read as its cached value, as Excel shows it.
    const workbook = await xlsx([
      {
        name: 'Dziennik',
        rows: [activityHeader, ['G3', excelDate('2024-02-01'), 'WZG', 'AKCJA', { formula: 'HYPERLINK("http://x","klik")', result: 'klik' }]],
      },
    ]);
    const fromXlsx = await importOne(context, 'dziennik-formuly.xlsx', workbook);
    expect([fromXlsx.status, fromXlsx.created, fromXlsx.errors, fromXlsx.warnings]).toEqual(['imported', 1, [], []]);
    expect((await db.activity.findUniqueOrThrow({ where: { externalId: 'G3' } })).title).toBe('klik');
  });
});

describe('size', () => {
  it('a 100 MB single line: over the 50 MB file limit, refused before it is parsed', async () => {
    const huge = Buffer.alloc(100 * MIB, 'x;');
    const report = await importRejected(context, 'jedna-linia.csv', huge);
    expect(brief(report.errors)).toEqual(wholeFile('file_too_large'));
    expect(report.errors[0].message).toBe('Plik ma 100 MB, a limit to 50 MB. Podziel dane na mniejsze pliki.');
  });

  it('a 30 MB single line under the file limit: refused as a line too long (no closing quote, or no line ends)', async () => {
    const line = Buffer.concat([Buffer.from(`${activityHeader.join(';')}\r\n`), Buffer.alloc(30 * MIB, 'abc;')]);
    const report = await importRejected(context, 'jedna-linia.csv', line);
    expect(brief(report.errors)).toEqual(wholeFile('line_too_long'));
    expect(report.errors[0].message).toBe(
      'Wiersz zaczynający się w linii 2 jest dłuższy niż 1048576 znaków. Sprawdź, czy nie brakuje zamykającego cudzysłowu.',
    );
    const unclosed = Buffer.concat([
      Buffer.from(`${activityHeader.join(';')}\r\nH1;01.02.2024;WZG;AKCJA;"Tytuł bez końca\r\n`),
      Buffer.alloc(30 * MIB, 'abc\r\n'),
    ]);
    const quote = await importRejected(context, 'cudzyslow.csv', unclosed, { lang: 'en' });
    expect(quote.errors[0]).toMatchObject({
      code: 'line_too_long',
      message: 'The row starting on line 2 is longer than 1048576 characters. Check for a missing closing quote.',
    });
  });

  describe('limits from the installation’s project.json (1 MB, 5 rows)', () => {
    const limited = temporaryEnvironmentWithProject('2024-03-01T12:00:00Z', (project) => {
      project.importLimits = { maxFileBytes: MIB, maxRows: 5 };
    });
    let small: INestApplicationContext;
    const row = (i: number) => [`L${i}`, '01.02.2024', 'WZG', 'AKCJA', `Sprzątanie ${i}`];

    beforeAll(async () => {
      small = await openInstallation(limited);
    });
    afterAll(async () => {
      await small?.close();
    });

    it('a file over the size limit', async () => {
      const lines = [activityHeader.join(';')];
      for (let i = 0, length = 0; length < 1.5 * MIB; i++) length += lines[lines.push(row(i).join(';')) - 1].length + 2;
      const file = Buffer.from(lines.join('\r\n'), 'utf8').subarray(0, 1.5 * MIB);
      const report = await importRejected(small, 'dziennik-duzy.csv', file);
      expect(brief(report.errors)).toEqual(wholeFile('file_too_large'));
      expect(report.errors[0].message).toBe('Plik ma 1,5 MB, a limit to 1 MB. Podziel dane na mniejsze pliki.');
      const english = await importRejected(small, 'dziennik-duzy.csv', file, { lang: 'en' });
      expect(english.errors[0].message).toBe('The file is 1.5 MB; the limit is 1 MB. Split the data into smaller files.');
    });

    it('a file over the row limit (CSV and XLSX); exactly at the limit is fine', async () => {
      const six = [activityHeader, ...Array.from({ length: 6 }, (_, i) => row(i))];
      const report = await importRejected(small, 'dziennik.csv', csv(six));
      expect(brief(report.errors)).toEqual(wholeFile('too_many_rows'));
      expect(report.errors[0].message).toBe('Plik ma więcej niż 5 wierszy danych. Podziel dane na mniejsze pliki.');
      const fromXlsx = await importRejected(small, 'dziennik.xlsx', await xlsx([{ name: 'Dziennik', rows: six }]));
      expect(brief(fromXlsx.errors)).toEqual(wholeFile('too_many_rows'));
      const five = await importOne(small, 'dziennik.csv', csv(six.slice(0, 6)));
      expect([five.status, five.created]).toEqual(['imported', 5]);
    });
  });
});

describe('many errors in one file', () => {
  it('are all reported at once, with the row numbers Excel shows (title rows above the header)', async () => {
    const workbook = await xlsx([
      {
        name: 'Dziennik',
        rows: [
          ['DZIENNIK DZIAŁAŃ — LUTY 2024'],
          ['Organizator: CUS Starachowice'],
          [],
          activityHeader,
          ['M1', excelDate('2024-02-01'), 'WZG', 'WARSZTAT', 'Warsztaty', 2, 3],
          ['M2', '31.02.2024', 'WZG', 'WARSZTAT', 'Warsztaty', '', ''],
          [],
          ['M3', excelDate('2024-02-03'), 'Wzgórze', 'WARSZTAT', '', '', -1],
          ['M1', excelDate('2024-02-04'), 'OST', 'akcja', 'Sprzątanie', 'półtorej', 2.5],
          ['M5', excelDate('2024-04-01'), 'LAZ', 'AKCJA', 'Sprzątanie', '', ''],
          ['Razem', undefined, undefined, undefined, undefined, 2, 4],
        ],
      },
    ]);
    const report = await importRejected(context, 'dziennik-luty.xlsx', workbook);
    expect(report.kind).toBe('activities');
    expect(report.rows).toBe(6);
    expect(brief(report.errors)).toEqual([
      { row: 6, column: 'Data', value: '31.02.2024', code: 'date_impossible' },
      { row: 8, column: 'Społeczność', value: 'Wzgórze', code: 'unknown_community_suggestion' },
      { row: 8, column: 'Tytuł', value: null, code: 'value_required' },
      { row: 8, column: 'Liczba osób bez listy', value: '-1', code: 'number_negative' },
      { row: 9, column: 'ID działania', value: 'M1', code: 'duplicate_activity_id' },
      { row: 9, column: 'Czas trwania (h)', value: 'półtorej', code: 'number_invalid' },
      { row: 9, column: 'Liczba osób bez listy', value: '2.5', code: 'number_not_whole' },
      { row: 10, column: 'Data', value: '2024-04-01', code: 'date_in_future' },
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Data „31.02.2024” nie istnieje w kalendarzu.',
      'Nieznana społeczność „Wzgórze”. Czy chodziło o „Mieszkańcy Os. Wzgórze” (WZG)?',
      'Puste pole w wymaganej kolumnie „Tytuł”.',
      'Liczba nie może być ujemna: „-1”.',
      'Identyfikator działania „M1” występuje już w wierszu 5 tego pliku.',
      '„półtorej” nie jest liczbą.',
      '„2.5” nie jest liczbą całkowitą.',
      'Data 2024-04-01 jest w przyszłości (dziś jest 2024-03-02).',
    ]);
    expect(brief(report.warnings)).toEqual([
      { row: 7, column: null, value: null, code: 'empty_row_skipped' },
      { row: 11, column: null, value: 'Razem', code: 'totals_row_skipped' },
    ]);
  });
});

describe('after all of it', () => {
  it('the seeded data is still there, untouched by every refused file', async () => {
    const db = context.get(DatabaseRepository).client;
    const seeded = await db.activity.findMany({ where: { externalId: { in: ['A1', 'A2', 'A3'] } }, orderBy: { externalId: 'asc' } });
    expect(seeded.map((a) => [a.externalId, a.date, a.title, a.headcountAnonymous])).toEqual([
      ['A1', '2022-03-10', 'Warsztaty kulinarne', 2],
      ['A2', '2022-04-12', 'Spotkanie mieszkańców', 0],
      ['A3', '2022-05-15', 'Prelekcja o zdrowiu', 0],
    ]);
    expect(await db.participant.count()).toBe(4);
    expect(await db.attendance.count()).toBe(4);
    const rejected = await db.importBatch.count({ where: { status: 'rejected' } });
    expect(rejected).toBeGreaterThanOrEqual(30);
    expect(await db.auditEvent.count({ where: { action: 'import.rejected' } })).toBe(rejected);
  });
});
