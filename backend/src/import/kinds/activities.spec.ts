import { describe, expect, it } from 'vitest';
import { brief, csvTable, testContext, testLimits, xlsxBytes } from '../fixtures/import-fixtures.ts';
import type { ActivityRecord } from '../import.types.ts';
import { readTable } from '../parsing/table-reader.ts';
import { validateTable } from '../validation/validate-file.ts';

const activityHeader = ['activity_id', 'date', 'community', 'type', 'title', 'duration_h', 'led_by', 'location', 'headcount_anonymous', 'resident_initiative'];

describe('validateTable: activities', () => {
  it('turns an XLSX activity log with a title row, Excel dates and formulas into records', async () => {
    const buffer = await xlsxBytes([
      {
        name: 'Działania',
        rows: [
          ['DZIENNIK DZIAŁAŃ 2022'],
          [],
          [
            'Nr działania',
            'Data działania',
            'Społeczność',
            'Rodzaj',
            'Temat',
            'Czas trwania h',
            'Prowadzący',
            'Miejsce',
            'Liczba osób bez listy',
            'Inicjatywa mieszkańców',
          ],
          ['A-1', new Date(Date.UTC(2022, 2, 5)), 'WZG', 'WARSZTAT', 'Warsztaty kulinarne', 1.5, 'animator kulturalny', 'Świetlica', 3, 'tak'],
          [
            'A-2',
            { formula: 'B4+7', result: new Date(Date.UTC(2022, 2, 12)) },
            'Seniorzy na Os. Łazy',
            'animacja kulturalna',
            { richText: [{ text: 'Wieczór ' }, { text: 'poezji' }] },
            '2,5',
            undefined,
            undefined,
            undefined,
            'x',
          ],
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
      {
        row: 6,
        column: 'Temat',
        field: 'title',
        value: '=Piknik',
        code: 'formula_like_text',
        message: 'Tekst „=Piknik” wygląda jak formuła Excela; zapisano go dosłownie jako tekst, bez obliczania.',
      },
      { row: 7, column: null, value: 'Razem', code: 'totals_row_skipped', message: 'Pominięto wiersz podsumowania („Razem”).' },
    ]);
    expect(result.records).toEqual([
      {
        row: 4,
        externalId: 'A-1',
        date: '2022-03-05',
        communityCode: 'WZG',
        typeCode: 'WARSZTAT',
        title: 'Warsztaty kulinarne',
        durationHours: 1.5,
        ledBy: 'animator kulturalny',
        location: 'Świetlica',
        headcountAnonymous: 3,
        residentInitiative: true,
      },
      {
        row: 5,
        externalId: 'A-2',
        date: '2022-03-12',
        communityCode: 'LAZ',
        typeCode: 'ANIM_KULT',
        title: 'Wieczór poezji',
        durationHours: 2.5,
        ledBy: null,
        location: null,
        headcountAnonymous: 0,
        residentInitiative: true,
      },
      {
        row: 6,
        externalId: 'A-3',
        date: '2022-03-14',
        communityCode: 'OST',
        typeCode: 'IMPREZA',
        title: '=Piknik',
        durationHours: null,
        ledBy: null,
        location: null,
        headcountAnonymous: 20,
        residentInitiative: false,
      },
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

  it('names the column as the file does (its header as written), with its canonical name beside it', () => {
    const table = csvTable([
      ['Nr działania', 'Data', 'Społeczność', 'Typ', 'Tytuł'],
      ['A-1', '2022-03-05', 'WZG', 'AKCJA', ''],
    ]);
    expect(validateTable(table, testContext()).errors[0]).toEqual({
      row: 2,
      column: 'Tytuł',
      field: 'title',
      value: null,
      code: 'value_required',
      message: 'Puste pole w wymaganej kolumnie „Tytuł”.',
    });
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
});
