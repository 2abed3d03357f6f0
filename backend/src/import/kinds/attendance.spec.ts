import { describe, expect, it } from 'vitest';
import { brief, csvBytes, csvTable, testContext, testLimits } from '../fixtures/import-fixtures.ts';
import { readTable } from '../parsing/table-reader.ts';
import { foldName } from '../parsing/values.ts';
import { lookupsForCommunities } from '../validation/community-scope.ts';
import { validateTable } from '../validation/validate-file.ts';

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
    expect(brief(validateTable(table, context).errors).map((e) => e.code)).toEqual([
      'participant_not_found',
      'participant_not_found_suggestion',
      'participant_not_found',
      'participant_not_found_suggestion',
    ]);
  });

  it('reads an attendance list with names only (Windows-1250 CSV)', async () => {
    const buffer = csvBytes(['LISTA OBECNOŚCI;;', 'Nr działania;Nazwisko;Imię', 'A-1;Zieliński;Piotr', 'A-1;Kowalska;Anna'], 'windows-1250');
    const table = await readTable(buffer, 'lista.csv', testLimits);
    const result = validateTable(table, testContext(seed));
    expect(brief(result.errors)).toEqual([{ row: 3, column: 'last_name', value: 'Piotr Zieliński', code: 'name_ambiguous' }]);
  });
});
