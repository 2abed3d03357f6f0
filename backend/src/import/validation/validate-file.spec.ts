import { describe, expect, it } from 'vitest';
import { csvBytes, csvTable, testContext, testLimits, xlsxBytes } from '../fixtures/import-fixtures.ts';
import { FileRejectedError } from '../import.errors.ts';
import type { ActivityRecord, ImportIssue } from '../import.types.ts';
import { readTable } from '../parsing/table-reader.ts';
import { foldName } from '../parsing/values.ts';
import { lookupsForCommunities } from './community-scope.ts';
import { validateTable } from './validate-file.ts';

/** Issues without their messages, for compact asserts. */
const brief = (issues: ImportIssue[]) => issues.map(({ row, column, value, code }) => ({ row, column, value, code }));

const activityHeader = ['activity_id', 'date', 'community', 'type', 'title', 'duration_h', 'led_by', 'location', 'headcount_anonymous', 'resident_initiative'];

describe('validateTable: activities', () => {
  it('turns an XLSX activity log with a title row, Excel dates and formulas into records', async () => {
    const buffer = await xlsxBytes([
      {
        name: 'Działania',
        rows: [
          ['DZIENNIK DZIAŁAŃ 2022'],
          [],
          ['Nr działania', 'Data działania', 'Społeczność', 'Rodzaj', 'Temat', 'Czas trwania h', 'Prowadzący', 'Miejsce', 'Liczba osób bez listy', 'Inicjatywa mieszkańców'],
          ['A-1', new Date(Date.UTC(2022, 2, 5)), 'WZG', 'WARSZTAT', 'Warsztaty kulinarne', 1.5, 'animator kulturalny', 'Świetlica', 3, 'tak'],
          ['A-2', { formula: 'B4+7', result: new Date(Date.UTC(2022, 2, 12)) }, 'Seniorzy na Os. Łazy', 'animacja kulturalna', { richText: [{ text: 'Wieczór ' }, { text: 'poezji' }] }, '2,5', undefined, undefined, undefined, 'x'],
          ['A-3', '14.03.2022', 'ost', 'impreza integracyjna / sąsiedzka', '=Piknik', undefined, undefined, undefined, { formula: '2*10', result: 20 }],
          ['Razem', undefined, undefined, undefined, undefined, 4],
        ],
      },
    ]);
    const table = await readTable(buffer, 'dziennik.xlsx', testLimits);
    const result = validateTable(table, testContext());
    expect(result.kind).toBe('activities');
    expect(result.errors).toEqual([]);
    expect(result.rowsRead).toBe(4);
    expect(result.warnings).toEqual([
      { row: 6, column: 'title', value: '=Piknik', code: 'formula_like_text', message: 'Tekst „=Piknik” wygląda jak formuła Excela; zapisano go dosłownie jako tekst, bez obliczania.' },
      { row: 7, column: null, value: 'Razem', code: 'totals_row_skipped', message: 'Pominięto wiersz podsumowania („Razem”).' },
    ]);
    expect(result.records).toEqual([
      { row: 4, externalId: 'A-1', date: '2022-03-05', communityCode: 'WZG', typeCode: 'WARSZTAT', title: 'Warsztaty kulinarne', durationHours: 1.5, ledBy: 'animator kulturalny', location: 'Świetlica', headcountAnonymous: 3, residentInitiative: true },
      { row: 5, externalId: 'A-2', date: '2022-03-12', communityCode: 'LAZ', typeCode: 'ANIM_KULT', title: 'Wieczór poezji', durationHours: 2.5, ledBy: null, location: null, headcountAnonymous: 0, residentInitiative: true },
      { row: 6, externalId: 'A-3', date: '2022-03-14', communityCode: 'OST', typeCode: 'IMPREZA', title: '=Piknik', durationHours: null, ledBy: null, location: null, headcountAnonymous: 20, residentInitiative: false },
    ]);
  });

  it('reports every error with its row, column, value and a plain-Polish message', () => {
    const table = csvTable([
      activityHeader,
      ['A-1', '2022-03-05', 'WZG', 'warsztat kulinarny', 'Gotowanie', '', '', '', '', ''],
      ['A-2', '31.02.2022', 'Wzgorze', 'WARSZTAT', '', '-2', '', '', '-3', 'może'],
      ['A-1', '02/31/2022', 'Kraków', 'XYZ', 'Spotkanie', 'dużo', '', '', '2,5', ''],
      ['A-4', '2023-06-16', 'LAZ', 'AKCJA', 'Sprzątanie', '', '', '', '', ''],
      ['A-5', '1999-12-31', 'LAZ', 'AKCJA', 'Sprzątanie', '', '', '', '', ''],
      ['', 'wczoraj', '', '', '', '', '', '', '', ''],
    ]);
    const result = validateTable(table, testContext());
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'type', value: 'warsztat kulinarny', code: 'unknown_activity_type_suggestion' },
      { row: 3, column: 'date', value: '31.02.2022', code: 'date_impossible' },
      { row: 3, column: 'community', value: 'Wzgorze', code: 'unknown_community_suggestion' },
      { row: 3, column: 'title', value: null, code: 'value_required' },
      { row: 3, column: 'duration_h', value: '-2', code: 'number_negative' },
      { row: 3, column: 'headcount_anonymous', value: '-3', code: 'number_negative' },
      { row: 3, column: 'resident_initiative', value: 'może', code: 'yes_no_invalid' },
      { row: 4, column: 'activity_id', value: 'A-1', code: 'duplicate_activity_id' },
      { row: 4, column: 'date', value: '02/31/2022', code: 'date_us_order' },
      { row: 4, column: 'community', value: 'Kraków', code: 'unknown_community' },
      { row: 4, column: 'type', value: 'XYZ', code: 'unknown_activity_type' },
      { row: 4, column: 'duration_h', value: 'dużo', code: 'number_invalid' },
      { row: 4, column: 'headcount_anonymous', value: '2,5', code: 'number_not_whole' },
      { row: 5, column: 'date', value: '2023-06-16', code: 'date_in_future' },
      { row: 6, column: 'date', value: '1999-12-31', code: 'date_before_2000' },
      { row: 7, column: 'activity_id', value: null, code: 'value_required' },
      { row: 7, column: 'date', value: 'wczoraj', code: 'date_invalid' },
      { row: 7, column: 'community', value: null, code: 'value_required' },
      { row: 7, column: 'type', value: null, code: 'value_required' },
      { row: 7, column: 'title', value: null, code: 'value_required' },
    ]);
    const messages = result.errors.map((e) => e.message);
    expect(messages[0]).toBe('Nieznany typ działania „warsztat kulinarny”. Czy chodziło o „warsztaty” (WARSZTAT)?');
    expect(messages[1]).toBe('Data „31.02.2022” nie istnieje w kalendarzu.');
    expect(messages[2]).toBe('Nieznana społeczność „Wzgorze”. Czy chodziło o „Mieszkańcy Os. Wzgórze” (WZG)?');
    expect(messages[3]).toBe('Puste pole w wymaganej kolumnie „title”.');
    expect(messages[5]).toBe('Liczba nie może być ujemna: „-3”.');
    expect(messages[7]).toBe('Identyfikator działania „A-1” występuje już w wierszu 2 tego pliku.');
    expect(messages[8]).toBe(
      '„02/31/2022” wygląda na datę w zapisie amerykańskim (miesiąc/dzień/rok). Program przyjmuje tylko dzień/miesiąc/rok; użyj DD.MM.RRRR albo RRRR-MM-DD.',
    );
    expect(messages[9]).toBe(
      'Nieznana społeczność „Kraków”. Dozwolone: Mieszkańcy Os. Wzgórze (WZG), Mieszkańcy bloków przy ul. Ostrowieckiej (OST), Seniorzy na Os. Łazy (LAZ).',
    );
    expect(messages[13]).toBe('Data 2023-06-16 jest w przyszłości (dziś jest 2023-06-15).');
    expect(messages[14]).toBe('Data 1999-12-31 jest wcześniejsza niż najwcześniejsza przyjmowana data (2000-01-01).');
    expect(result.records).toEqual([]);
    expect(result.rowsRead).toBe(6);
  });

  it('writes messages in English when asked', () => {
    const table = csvTable([activityHeader, ['A-1', '2022-03-05', 'WZG', 'warsztat kulinarny', 'Gotowanie']]);
    const result = validateTable(table, testContext({}, { lang: 'en' }));
    expect(result.errors.map((e) => e.message)).toEqual(['Unknown activity type "warsztat kulinarny". Did you mean "warsztaty" (WARSZTAT)?']);
  });

  it('uses the header as written in the file in messages about empty required cells', () => {
    const table = csvTable([
      ['Nr działania', 'Data', 'Społeczność', 'Typ', 'Tytuł'],
      ['A-1', '2022-03-05', 'WZG', 'AKCJA', ''],
    ]);
    expect(validateTable(table, testContext()).errors[0]).toEqual({
      row: 2,
      column: 'title',
      value: null,
      code: 'value_required',
      message: 'Puste pole w wymaganej kolumnie „Tytuł”.',
    });
  });

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
        message: 'Plik nie zawiera żadnych danych: pod nagłówkiem (wiersz 2) nie ma ani jednego wiersza do zaimportowania. Sprawdź, czy to właściwy plik lub arkusz.',
      },
    ]);
    const blankAndTotals = validateTable(csvTable([activityHeader, [''], ['Razem', '', '', '', '', '0']]), testContext({}, { lang: 'en' }));
    expect(brief(blankAndTotals.errors)).toEqual([{ row: null, column: null, value: null, code: 'no_data_rows' }]);
    expect(blankAndTotals.errors[0].message).toBe('The file holds no data: there is not a single row to import below the header (row 1). Check that this is the right file or sheet.');
    expect(blankAndTotals.warnings.map((w) => w.code)).toEqual(['empty_row_skipped', 'totals_row_skipped']);
  });

  it('keeps formula-looking text verbatim, with a warning; ordinary text starting with - or + is left alone', () => {
    const table = csvTable([
      activityHeader,
      ['A-1', '2022-03-05', 'WZG', 'AKCJA', '=HYPERLINK("http://x","klik")', '', '@SUMA(A1)', "+cmd|' /C calc'!A0", '', ''],
      ['A-2', '2022-03-05', 'WZG', 'AKCJA', '- bez tytułu -', '', '-', '+48 600 100 200', '', ''],
    ]);
    const result = validateTable(table, testContext());
    expect(result.errors).toEqual([]);
    expect(brief(result.warnings)).toEqual([
      { row: 2, column: 'title', value: '=HYPERLINK("http://x","klik")', code: 'formula_like_text' },
      { row: 2, column: 'led_by', value: '@SUMA(A1)', code: 'formula_like_text' },
      { row: 2, column: 'location', value: "+cmd|' /C calc'!A0", code: 'formula_like_text' },
    ]);
    expect(result.kind).toBe('activities');
    const records = result.records as ActivityRecord[];
    expect(records.map((r) => [r.title, r.ledBy, r.location])).toEqual([
      ['=HYPERLINK("http://x","klik")', '@SUMA(A1)', "+cmd|' /C calc'!A0"],
      ['- bez tytułu -', '-', '+48 600 100 200'],
    ]);
  });

  it('rejects a file without a header', () => {
    expect(() => validateTable(csvTable([['x', 'y']]), testContext())).toThrow(FileRejectedError);
  });
});

describe('validateTable: attendance', () => {
  const seed = {
    activities: {
      'A-1': { date: '2022-03-05', communityCode: 'WZG' },
      'A-2': { date: '2022-03-12', communityCode: 'LAZ' },
    },
    participants: {
      'WZG-0001': { communityCode: 'WZG', nameKey: foldName('Anna', 'Kowalska') },
      'WZG-0002': { communityCode: 'WZG', nameKey: foldName('Jan', 'Nowak') },
      'LAZ-0003': { communityCode: 'LAZ', nameKey: foldName('Piotr', 'Zieliński') },
      'LAZ-0004': { communityCode: 'LAZ', nameKey: foldName('Piotr', 'Zieliński') },
      'LAZ-0005': { communityCode: 'LAZ' },
    },
  };

  it('matches people by code or by name (either order, any case, without diacritics)', () => {
    const table = csvTable([
      ['LISTA OBECNOŚCI', '', '', '', ''],
      ['id_dzialania', 'kod_uczestnika', 'imie', 'nazwisko', 'data'],
      ['A-1', 'WZG-0001', '', '', '05.03.2022'],
      ['A-1', '', 'KOWALSKA', 'anna', ''],
      ['A-1', '', 'Jan', 'Nowak', '2022-03-05'],
      ['A-2', 'LAZ-0005', '', '', ''],
      ['A-2', '', 'Kowalska', 'Anna', ''],
    ]);
    const result = validateTable(table, testContext(seed));
    expect(result.kind).toBe('attendance');
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([
      { row: 3, activityExternalId: 'A-1', participantCode: 'WZG-0001' },
      { row: 5, activityExternalId: 'A-1', participantCode: 'WZG-0002' },
      { row: 6, activityExternalId: 'A-2', participantCode: 'LAZ-0005' },
      { row: 7, activityExternalId: 'A-2', participantCode: 'WZG-0001' },
    ]);
    expect(result.warnings).toEqual([
      {
        row: 4,
        column: 'participant_code',
        value: 'WZG-0001',
        code: 'duplicate_attendance',
        message: 'Uczestnik WZG-0001 jest już na liście działania „A-1” w wierszu 3; liczony raz.',
      },
    ]);
  });

  it('reports unknown activities and people, ambiguous names and wrong dates; never creates a person', () => {
    const table = csvTable([
      ['activity_id', 'participant_code', 'first_name', 'last_name', 'date'],
      ['A-9', 'WZG-0001', '', '', ''],
      ['A-1', 'WZG-9999', '', '', ''],
      ['A-1', '', 'Ewa', 'Nieznana', ''],
      ['A-2', '', 'Piotr', 'Zielinski', ''],
      ['A-1', 'WZG-0002', '', '', '06.03.2022'],
      ['A-1', 'WZG-0002', '', '', '31.02.2022'],
      ['A-1', '', '', '', ''],
      ['A-2', 'WZG-0001', 'Jan', 'Nowak', ''],
      ['A-2', 'wzg-0002', '', '', ''],
    ]);
    const result = validateTable(table, testContext(seed));
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'activity_id', value: 'A-9', code: 'activity_not_found' },
      { row: 3, column: 'participant_code', value: 'WZG-9999', code: 'participant_not_found' },
      { row: 4, column: 'last_name', value: 'Ewa Nieznana', code: 'name_not_found' },
      { row: 5, column: 'last_name', value: 'Piotr Zielinski', code: 'name_ambiguous' },
      { row: 6, column: 'date', value: '06.03.2022', code: 'attendance_date_mismatch' },
      { row: 7, column: 'date', value: '31.02.2022', code: 'date_impossible' },
      { row: 8, column: 'participant_code', value: null, code: 'participant_missing' },
      { row: 10, column: 'participant_code', value: 'wzg-0002', code: 'participant_not_found_suggestion' },
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Nie ma działania o identyfikatorze „A-9”. Najpierw zaimportuj dziennik działań, w którym jest to działanie.',
      'W rejestrze uczestników nie ma kodu „WZG-9999”.',
      'W rejestrze uczestników nie ma osoby „Ewa Nieznana”. Dopisz ją najpierw do rejestru albo wpisz jej kod uczestnika.',
      'Imię i nazwisko „Piotr Zielinski” pasuje do kilku osób w rejestrze (LAZ-0003, LAZ-0004). Wpisz kod uczestnika.',
      'Data 2022-03-06 różni się od daty działania „A-1” (2022-03-05).',
      'Data „31.02.2022” nie istnieje w kalendarzu.',
      'Brak kodu uczestnika oraz imienia i nazwiska.',
      'W rejestrze uczestników nie ma kodu „wzg-0002”. Czy chodziło o „WZG-0002”?',
    ]);
    expect(brief(result.warnings)).toEqual([{ row: 9, column: 'participant_code', value: 'WZG-0001', code: 'name_code_mismatch' }]);
    expect(result.records).toEqual([{ row: 9, activityExternalId: 'A-2', participantCode: 'WZG-0001' }]);
  });

  it('refuses, for an organizer, a code of another community exactly as a code that exists nowhere', () => {
    const table = csvTable([
      ['activity_id', 'participant_code'],
      ['A-2', 'WZG-0001'],
      ['A-2', 'WZG-9999'],
      ['A-2', 'wzg-0002'],
      ['A-2', 'wzg-9998'],
      ['A-2', 'laz-0005'],
      ['A-2', 'LAZ-0003'],
    ]);
    const context = testContext(seed, { lang: 'en' });
    const result = validateTable(table, { ...context, lookups: lookupsForCommunities(context.lookups, ['LAZ']) });
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'participant_code', value: 'WZG-0001', code: 'participant_not_in_your_register' },
      { row: 3, column: 'participant_code', value: 'WZG-9999', code: 'participant_not_in_your_register' },
      { row: 4, column: 'participant_code', value: 'wzg-0002', code: 'participant_not_in_your_register' },
      { row: 5, column: 'participant_code', value: 'wzg-9998', code: 'participant_not_in_your_register' },
      // Their own register still gets the "did you mean".
      { row: 6, column: 'participant_code', value: 'laz-0005', code: 'participant_not_found_suggestion' },
    ]);
    expect(new Set(result.errors.slice(0, 4).map((e) => e.message.replace(e.value!, '…')))).toEqual(
      new Set(['… is not in the register of your communities (LAZ). A file with people registered in other communities is imported by an administrator.']),
    );
    expect(result.records).toEqual([{ row: 7, activityExternalId: 'A-2', participantCode: 'LAZ-0003' }]);
    // Without a limit (an administrator, the command line) the whole register is there.
    expect(brief(validateTable(table, context).errors).map((e) => e.code)).toEqual(['participant_not_found', 'participant_not_found_suggestion', 'participant_not_found', 'participant_not_found_suggestion']);
  });

  it('reads an attendance list with names only (Windows-1250 CSV)', async () => {
    const buffer = csvBytes(['LISTA OBECNOŚCI;;', 'Nr działania;Nazwisko;Imię', 'A-1;Zieliński;Piotr', 'A-1;Kowalska;Anna'], 'windows-1250');
    const table = await readTable(buffer, 'lista.csv', testLimits);
    const result = validateTable(table, testContext(seed));
    expect(brief(result.errors)).toEqual([{ row: 3, column: 'last_name', value: 'Piotr Zieliński', code: 'name_ambiguous' }]);
  });
});

describe('validateTable: participants', () => {
  it('checks codes, communities, birth years, leaders and keeps names only for matching', () => {
    const table = csvTable([
      ['Kod', 'Społeczność', 'Płeć', 'Rok urodzenia', 'Data przystąpienia', 'Lider', 'Lider od', 'Imię', 'Nazwisko'],
      ['WZG-0001', 'WZG', 'kobieta', '1956', '01.02.2021', 'tak', '15.03.2021', 'Anna', 'Kowalska'],
      ['WZG-0002', 'Mieszkańcy Os. Wzgórze', 'M', '', '', '', '', '', ''],
      ['LAZ-0003', 'laz', 'niebinarna', '1948', '', 'nie', '2021-05-01', 'Jan', 'Nowak'],
      ['OST-0004', 'OST', '', '2001', '', 'x', '2022-01-10', 'Nowak', 'Jan'],
    ]);
    const result = validateTable(table, testContext());
    expect(result.kind).toBe('participants');
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([
      { row: 2, code: 'WZG-0001', communityCode: 'WZG', gender: 'K', birthYear: 1956, joinedOn: '2021-02-01', leader: true, leaderSince: '2021-03-15', firstName: 'Anna', lastName: 'Kowalska', nameKey: 'anna kowalska' },
      { row: 3, code: 'WZG-0002', communityCode: 'WZG', gender: 'M', birthYear: null, joinedOn: null, leader: false, leaderSince: null, firstName: null, lastName: null, nameKey: null },
      { row: 4, code: 'LAZ-0003', communityCode: 'LAZ', gender: 'other', birthYear: 1948, joinedOn: null, leader: false, leaderSince: '2021-05-01', firstName: 'Jan', lastName: 'Nowak', nameKey: 'jan nowak' },
      { row: 5, code: 'OST-0004', communityCode: 'OST', gender: null, birthYear: 2001, joinedOn: null, leader: true, leaderSince: '2022-01-10', firstName: 'Nowak', lastName: 'Jan', nameKey: 'jan nowak' },
    ]);
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [4, 'leader_since', 'leader_since_without_leader'],
      [5, 'last_name', 'duplicate_name_in_register'],
    ]);
    expect(result.warnings[1].message).toBe(
      'Osoba o tym samym imieniu i nazwisku jest już w wierszu 4. Listy obecności z samymi nazwiskami nie rozróżnią tych osób — używaj na nich kodów.',
    );
  });

  it('reports duplicate codes, leaders without a date, impossible birth years', () => {
    const table = csvTable([
      ['participant_code', 'community', 'birth_year', 'leader', 'leader_since', 'joined_on'],
      ['WZG-0001', 'WZG', '1899', '', '', ''],
      ['WZG-0001', 'WZG', '2024', 'tak', '', ''],
      ['WZG-0002', 'WZG', 'abc', 'T', '32.01.2022', '2025-01-01'],
      ['WZG-0003', 'WZG', '85', 'y', '2021-01-01', ''],
      ['WZG-0004', 'Łazy', '-1950', '', '', ''],
    ]);
    const result = validateTable(table, testContext());
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'birth_year', value: '1899', code: 'birth_year_range' },
      { row: 3, column: 'participant_code', value: 'WZG-0001', code: 'duplicate_participant_code' },
      { row: 3, column: 'birth_year', value: '2024', code: 'birth_year_range' },
      { row: 3, column: 'leader_since', value: null, code: 'leader_since_missing' },
      { row: 4, column: 'birth_year', value: 'abc', code: 'birth_year_invalid' },
      { row: 4, column: 'joined_on', value: '2025-01-01', code: 'date_in_future' },
      { row: 4, column: 'leader_since', value: '32.01.2022', code: 'date_impossible' },
      { row: 5, column: 'birth_year', value: '85', code: 'birth_year_invalid' },
      { row: 6, column: 'community', value: 'Łazy', code: 'unknown_community_suggestion' },
      { row: 6, column: 'birth_year', value: '-1950', code: 'birth_year_invalid' },
    ]);
    const messages = result.errors.map((e) => e.message);
    expect(messages[0]).toBe('Rok urodzenia 1899 jest spoza zakresu 1900–2023.');
    expect(messages[1]).toBe('Kod uczestnika „WZG-0001” występuje już w wierszu 2 tego pliku.');
    expect(messages[3]).toBe('Osoba jest oznaczona jako lider, ale brak daty w kolumnie „leader_since” (od kiedy jest liderem).');
    expect(messages[8]).toBe('Nieznana społeczność „Łazy”. Czy chodziło o „Seniorzy na Os. Łazy” (LAZ)?');
    expect(result.records).toEqual([]); // every row has an error
  });
});

describe('validateTable: surveys', () => {
  const seed = { participants: { 'WZG-0001': { communityCode: 'WZG' } } };

  it('reads answers per the question scale; empty answers are not stored', () => {
    const table = csvTable([
      ['survey_code', 'date', 'community', 'participant_code', 'JAKOSC_ZYCIA', 'Zaufanie', 'WIEDZA', 'POLECAM', 'UWAGI', 'OCENA', 'PONOWNIE'],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', 'WZG-0001', '4', '5', '', 'tak', 'Więcej zajęć dla dzieci', '', ''],
      ['ank-roczna', '20.11.2022', 'Seniorzy na Os. Łazy', '', '1', '3,0', '2', 'n', '', '', ''],
      ['ANK-PO', '2022-03-05', 'OST', '', '', '', '', '', '=super', '5', 'x'],
    ]);
    const result = validateTable(table, testContext(seed));
    expect(result.kind).toBe('survey');
    expect(result.errors).toEqual([]);
    expect(brief(result.warnings)).toEqual([{ row: 4, column: 'UWAGI', value: '=super', code: 'formula_like_text' }]);
    expect(result.records).toEqual([
      {
        row: 2,
        surveyCode: 'ANK-ROCZNA',
        date: '2022-11-20',
        communityCode: 'WZG',
        participantCode: 'WZG-0001',
        answers: [
          { questionCode: 'JAKOSC_ZYCIA', valueNumber: 4, valueText: null },
          { questionCode: 'ZAUFANIE', valueNumber: 5, valueText: null },
          { questionCode: 'POLECAM', valueNumber: 1, valueText: null },
          { questionCode: 'UWAGI', valueNumber: null, valueText: 'Więcej zajęć dla dzieci' },
        ],
      },
      {
        row: 3,
        surveyCode: 'ANK-ROCZNA',
        date: '2022-11-20',
        communityCode: 'LAZ',
        participantCode: null,
        answers: [
          { questionCode: 'JAKOSC_ZYCIA', valueNumber: 1, valueText: null },
          { questionCode: 'ZAUFANIE', valueNumber: 3, valueText: null },
          { questionCode: 'WIEDZA', valueNumber: 2, valueText: null },
          { questionCode: 'POLECAM', valueNumber: 0, valueText: null },
        ],
      },
      {
        row: 4,
        surveyCode: 'ANK-PO',
        date: '2022-03-05',
        communityCode: 'OST',
        participantCode: null,
        answers: [
          { questionCode: 'UWAGI', valueNumber: null, valueText: '=super' },
          { questionCode: 'OCENA', valueNumber: 5, valueText: null },
          { questionCode: 'PONOWNIE', valueNumber: 1, valueText: null },
        ],
      },
    ]);
  });

  it('takes question texts as headers, as form tools export them', () => {
    const table = csvTable([
      ['Ankieta', 'Data wypełnienia', 'Społeczność', 'Jak oceniasz to działanie?', 'Czy przyjdziesz ponownie?'],
      ['ANK-PO', '05.03.2022', 'WZG', '4', 'tak'],
    ]);
    const result = validateTable(table, testContext(seed));
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({
      answers: [
        { questionCode: 'OCENA', valueNumber: 4, valueText: null },
        { questionCode: 'PONOWNIE', valueNumber: 1, valueText: null },
      ],
    });
  });

  it('reports two columns for the same question', () => {
    const table = csvTable([
      ['survey_code', 'date', 'community', 'OCENA', 'Jak oceniasz to działanie?'],
      ['ANK-PO', '05.03.2022', 'WZG', '4', '5'],
    ]);
    const result = validateTable(table, testContext(seed));
    expect(result.errors).toEqual([
      {
        row: 1,
        column: 'OCENA',
        value: 'Jak oceniasz to działanie?',
        code: 'duplicate_column',
        message: 'Kolumna „OCENA” występuje dwa razy: „OCENA” (kolumna D) i „Jak oceniasz to działanie?” (kolumna E). Zostaw jedną.',
      },
    ]);
    expect(result.records).toEqual([]);
  });

  it('refuses, for an organizer, an answer naming another community’s participant as one naming no one', () => {
    const table = csvTable([
      ['survey_code', 'date', 'community', 'participant_code', 'JAKOSC_ZYCIA'],
      ['ANK-ROCZNA', '2022-11-20', 'LAZ', 'WZG-0001', '4'],
      ['ANK-ROCZNA', '2022-11-20', 'LAZ', 'WZG-0404', '4'],
    ]);
    const context = testContext(seed);
    const result = validateTable(table, { ...context, lookups: lookupsForCommunities(context.lookups, ['LAZ']) });
    expect(brief(result.errors).map((e) => e.code)).toEqual(['participant_not_in_your_register', 'participant_not_in_your_register']);
    expect(result.errors[0].message).toBe('Kodu „WZG-0001” nie ma w rejestrze Twoich społeczności (LAZ). Plik z osobami zarejestrowanymi w innych społecznościach importuje administrator.');
    expect(result.errors[1].message.replace('WZG-0404', 'WZG-0001')).toBe(result.errors[0].message);
  });

  it('reports answers outside the scale, text in a scale question, unknown surveys and participants', () => {
    const table = csvTable([
      ['ankieta', 'data', 'spolecznosc', 'kod_uczestnika', 'JAKOSC_ZYCIA', 'POLECAM', 'OCENA'],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', 'WZG-0404', '6', 'może', ''],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', '', 'dobrze', '', '5'],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', '', '3,5', '', ''],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', '', '0', '', ''],
      ['ANK-XYZ', '2022-11-20', 'WZG', '', '4', '', ''],
      ['ANK-PO', '', 'WZG', '', '', '', '5'],
    ]);
    const result = validateTable(table, testContext(seed));
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'participant_code', value: 'WZG-0404', code: 'participant_not_found' },
      { row: 2, column: 'JAKOSC_ZYCIA', value: '6', code: 'answer_scale_range' },
      { row: 2, column: 'POLECAM', value: 'może', code: 'answer_yes_no_invalid' },
      { row: 3, column: 'JAKOSC_ZYCIA', value: 'dobrze', code: 'answer_scale_text' },
      { row: 3, column: 'OCENA', value: '5', code: 'question_not_in_survey' },
      { row: 4, column: 'JAKOSC_ZYCIA', value: '3,5', code: 'answer_scale_range' },
      { row: 5, column: 'JAKOSC_ZYCIA', value: '0', code: 'answer_scale_range' },
      { row: 6, column: 'survey_code', value: 'ANK-XYZ', code: 'unknown_survey' },
      { row: 7, column: 'date', value: null, code: 'value_required' },
    ]);
    const messages = result.errors.map((e) => e.message);
    expect(messages[1]).toBe('Odpowiedź 6 na pytanie JAKOSC_ZYCIA jest spoza skali 1–5.');
    expect(messages[3]).toBe('Odpowiedź „dobrze” na pytanie JAKOSC_ZYCIA musi być liczbą od 1 do 5.');
    expect(messages[4]).toBe('Pytanie OCENA nie należy do ankiety ANK-ROCZNA; zostaw to pole puste.');
    expect(messages[7]).toBe(
      'Nieznana ankieta „ANK-XYZ”. Dostępne: ANK-ROCZNA (Ankieta roczna mieszkańców), ANK-PO (Ankieta po działaniu).',
    );
  });

  it('takes the answer scales and the earliest accepted date from the configuration', () => {
    const config = structuredClone(testContext().config);
    config.project.answerScales = { likert5: { min: 0, max: 4 }, yes_no: { yes: 2, no: 1 } };
    config.project.importLimits.earliestDate = '2022-01-01';
    const table = csvTable([
      ['ankieta', 'data', 'spolecznosc', 'kod_uczestnika', 'JAKOSC_ZYCIA', 'POLECAM'],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', '', '0', 'tak'],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', '', '5', 'nie'],
      ['ANK-ROCZNA', '2021-12-31', 'WZG', '', '4', ''],
    ]);
    const result = validateTable(table, testContext(seed, { config }));
    expect(brief(result.errors)).toEqual([
      { row: 3, column: 'JAKOSC_ZYCIA', value: '5', code: 'answer_scale_range' },
      { row: 4, column: 'date', value: '2021-12-31', code: 'date_before_2000' },
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Odpowiedź 5 na pytanie JAKOSC_ZYCIA jest spoza skali 0–4.',
      'Data 2021-12-31 jest wcześniejsza niż najwcześniejsza przyjmowana data (2022-01-01).',
    ]);
    const answers = result.kind === 'survey' ? result.records.flatMap((r) => r.answers) : [];
    expect(answers).toEqual([
      { questionCode: 'JAKOSC_ZYCIA', valueNumber: 0, valueText: null },
      { questionCode: 'POLECAM', valueNumber: 2, valueText: null },
    ]);
  });
});
