import { describe, expect, it } from 'vitest';
import { brief, csvTable, participantRecord, testContext } from '../fixtures/import-fixtures.ts';
import { validateTable } from '../validation/validate-file.ts';

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
      participantRecord(2, 'WZG-0001', 'WZG', {
        gender: 'K',
        birthYear: 1956,
        joinedOn: '2021-02-01',
        leader: true,
        leaderSince: '2021-03-15',
        firstName: 'Anna',
        lastName: 'Kowalska',
        nameKey: 'anna kowalska',
      }),
      participantRecord(3, 'WZG-0002', 'WZG', { gender: 'M' }),
      participantRecord(4, 'LAZ-0003', 'LAZ', {
        gender: 'other',
        birthYear: 1948,
        leaderSince: '2021-05-01',
        firstName: 'Jan',
        lastName: 'Nowak',
        nameKey: 'jan nowak',
      }),
      participantRecord(5, 'OST-0004', 'OST', {
        birthYear: 2001,
        leader: true,
        leaderSince: '2022-01-10',
        firstName: 'Nowak',
        lastName: 'Jan',
        nameKey: 'jan nowak',
      }),
    ]);
    expect(result.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [4, 'Lider od', 'leader_since_without_leader'],
      [5, 'Nazwisko', 'duplicate_name_in_register'],
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
    expect(messages[3]).toBe('Osoba jest oznaczona jako lider, ale brak daty w kolumnie „Lider od” (od kiedy jest liderem).');
    expect(messages[8]).toBe('Nieznana społeczność „Łazy”. Czy chodziło o „Seniorzy na Os. Łazy” (LAZ)?');
    expect(result.records).toEqual([]); // every row has an error
  });
});
