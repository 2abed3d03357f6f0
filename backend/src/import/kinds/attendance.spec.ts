import { describe, expect, it } from 'vitest';
import { brief, csvBytes, csvTable, testContext, testLimits } from '../fixtures/import-fixtures.ts';
import { readTable } from '../parsing/table-reader.ts';
import { redactPersonalData } from '../redact-personal-data.ts';
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
        column: 'kod_uczestnika',
        field: 'participant_code',
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
    expect(brief(result.errors)).toEqual([{ row: 3, column: 'Nazwisko', value: 'Piotr Zieliński', code: 'name_ambiguous' }]);
  });
});

describe('validateTable: attendance, "did you mean" and missing activities', () => {
  const seed = {
    activities: {
      A12: { date: '2022-03-05', communityCode: 'WZG' },
      K10: { date: '2022-03-05', communityCode: 'OST' },
      'L-7': { date: '2022-03-05', communityCode: 'LAZ' },
    },
    participants: {
      'OST-0005': { communityCode: 'OST', nameKey: foldName('Maria', 'Dąbrowska') },
      'LAZ-0005': { communityCode: 'LAZ', nameKey: foldName('Zofia', 'Wójcik') },
      // Registered in OST under a code of LAZ's form (a person who moved): one edit from LAZ-0005.
      'LAZ-0006': { communityCode: 'OST' },
    },
  };
  const names = new Map([
    ['OST-0005', 'Maria Dąbrowska'],
    ['LAZ-0005', 'Zofia Wójcik'],
  ]);
  /** The context of an uploader limited to `communities`, or of an administrator (null). */
  const contextOf = (communities: string[] | null, lang: 'pl' | 'en' = 'pl') => {
    const context = testContext(seed, { lang });
    return { ...context, lookups: lookupsForCommunities({ ...context.lookups, participantNames: names }, communities) };
  };

  it('suggests the one code, id or name one edit away, after ignoring case, spaces, dashes and diacritics', () => {
    const table = csvTable([
      ['activity_id', 'participant_code', 'first_name', 'last_name'],
      ['A-12', 'OST-0005', '', ''],
      ['K1O', 'OST-0005', '', ''],
      ['K10', 'ost 0005', '', ''],
      ['K10', 'OST-0050', '', ''],
      ['K10', '', 'Marja', 'Dąbrowska'],
      ['K10', '', 'maria', 'DABROWSKA'],
    ]);
    const administrator = validateTable(table, contextOf(null));
    expect(brief(administrator.errors)).toEqual([
      { row: 2, column: 'activity_id', value: 'A-12', code: 'activity_not_found_suggestion' },
      { row: 3, column: 'activity_id', value: 'K1O', code: 'activity_not_found_suggestion' },
      { row: 4, column: 'participant_code', value: 'ost 0005', code: 'participant_not_found_suggestion' },
      { row: 5, column: 'participant_code', value: 'OST-0050', code: 'participant_not_found_suggestion' },
      { row: 6, column: 'last_name', value: 'Marja Dąbrowska', code: 'name_not_found_code_suggestion' },
    ]);
    expect(administrator.errors.map((e) => e.message)).toEqual([
      'Nie ma działania o identyfikatorze „A-12”. Czy chodziło o „A12”?',
      'Nie ma działania o identyfikatorze „K1O”. Czy chodziło o „K10”?',
      'W rejestrze uczestników nie ma kodu „ost 0005”. Czy chodziło o „OST-0005”?',
      'W rejestrze uczestników nie ma kodu „OST-0050”. Czy chodziło o „OST-0005”?',
      // An administrator sees codes, not names.
      'W rejestrze uczestników nie ma osoby „Marja Dąbrowska”. Podobne imię i nazwisko ma osoba o kodzie OST-0005; jeśli chodziło o nią, wpisz jej kod uczestnika.',
    ]);
    expect(administrator.records).toEqual([{ row: 7, activityExternalId: 'K10', participantCode: 'OST-0005' }]);

    // The organizer of OST may see OST's names: the suggestion names the person.
    const organizer = validateTable(table, contextOf(['OST'], 'en'));
    expect(organizer.errors.find((e) => e.row === 6)).toEqual({
      row: 6,
      column: 'last_name',
      field: 'last_name',
      value: 'Marja Dąbrowska',
      code: 'name_not_found_suggestion',
      message: 'No one called "Marja Dąbrowska" is in the participant register. Did you mean "Maria Dąbrowska" (OST-0005)?',
    });
    // What is kept in the import history names no one.
    const kept = redactPersonalData(organizer.errors, 'en').find((e) => e.row === 6);
    expect(JSON.stringify(kept)).not.toMatch(/Marja|Maria|D.browska|OST-0005/);
    expect(kept!.message).toBe('No one called "(personal data hidden)" is in the participant register. Did you mean "…" (…)?');
  });

  it('never suggests, to an organizer, a person or an activity of another community: the same words as for a value that is nowhere', () => {
    const table = csvTable([
      ['activity_id', 'participant_code', 'first_name', 'last_name'],
      // One edit from OST's person, activity and name…
      ['L-7', 'OST-0050', '', ''],
      ['K1O', 'LAZ-0005', '', ''],
      ['L-7', '', 'Marja', 'Dąbrowska'],
      // …and the same mistakes, near nothing at all.
      ['L-7', 'XYZ-9999', '', ''],
      ['Q9Q', 'LAZ-0005', '', ''],
      ['L-7', '', 'Nikt', 'Nieznany'],
    ]);
    const result = validateTable(table, contextOf(['LAZ']));
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'participant_code', value: 'OST-0050', code: 'participant_not_in_your_register' },
      { row: 3, column: 'activity_id', value: 'K1O', code: 'activity_not_found' },
      { row: 4, column: 'last_name', value: 'Marja Dąbrowska', code: 'name_not_found' },
      { row: 5, column: 'participant_code', value: 'XYZ-9999', code: 'participant_not_in_your_register' },
      { row: 6, column: 'activity_id', value: 'Q9Q', code: 'activity_not_found' },
      { row: 7, column: 'last_name', value: 'Nikt Nieznany', code: 'name_not_found' },
    ]);
    const [code, activity, name, nowhereCode, nowhereActivity, nowhereName] = result.errors.map((e) => e.message.replace(e.value!, '…'));
    expect([code, activity, name]).toEqual([nowhereCode, nowhereActivity, nowhereName]);
    expect(JSON.stringify(result.errors)).not.toMatch(/OST-0005|K10|Maria/);
    // An administrator, who may see them all, gets the suggestions.
    expect(brief(validateTable(table, contextOf(null)).errors).map((e) => e.code)).toEqual([
      'participant_not_found_suggestion',
      'activity_not_found_suggestion',
      'name_not_found_code_suggestion',
      'participant_not_found',
      'activity_not_found',
      'name_not_found',
    ]);
  });

  it('suggests an organizer’s own code that another community’s code would otherwise tie with', () => {
    const table = csvTable([
      ['activity_id', 'participant_code'],
      ['L-7', 'LAZ-000'],
    ]);
    // LAZ-0005 (LAZ) and LAZ-0006 (OST) are both one edit from LAZ-000.
    expect(brief(validateTable(table, contextOf(null)).errors)).toEqual([
      { row: 2, column: 'participant_code', value: 'LAZ-000', code: 'participant_not_found' },
    ]);
    const organizer = validateTable(table, contextOf(['LAZ']));
    expect(organizer.errors.map((e) => e.message)).toEqual(['W rejestrze uczestników nie ma kodu „LAZ-000”. Czy chodziło o „LAZ-0005”?']);
  });

  it('reports a missing activity once, naming its first rows and how many, and refuses every one of them', () => {
    const rows = [
      ['activity_id', 'participant_code'],
      ['X-1', 'LAZ-0005'],
      ['A12', 'OST-0005'],
      ['X-2', 'LAZ-0005'],
      ['X-1', 'OST-0005'],
      ['X-1', 'LAZ-0006'],
      ['X-1', 'LAZ-0005'],
      ['A12', 'OST-0005'],
      ['X-1', 'LAZ-0006'],
      ['X-2', 'OST-0005'],
      ['X-1', 'OST-0005'],
      ['a-12', 'OST-0005'],
      ['a-12', 'LAZ-0005'],
      ['X-3', 'LAZ-0005'],
    ];
    const result = validateTable(csvTable(rows), contextOf(null));
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'activity_id', value: 'X-1', code: 'activity_not_found_rows' },
      { row: 4, column: 'activity_id', value: 'X-2', code: 'activity_not_found_rows' },
      { row: 12, column: 'activity_id', value: 'a-12', code: 'activity_not_found_rows_suggestion' },
      { row: 14, column: 'activity_id', value: 'X-3', code: 'activity_not_found' },
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Identyfikatora działania „X-1”, wpisanego w 6 wierszach (2, 5, 6, 7, 9, …), nie ma w dzienniku działań. Najpierw zaimportuj dziennik działań, w którym jest to działanie.',
      'Identyfikatora działania „X-2”, wpisanego w 2 wierszach (4, 10), nie ma w dzienniku działań. Najpierw zaimportuj dziennik działań, w którym jest to działanie.',
      'Identyfikatora działania „a-12”, wpisanego w 2 wierszach (12, 13), nie ma w dzienniku działań. Czy chodziło o „A12”?',
      'Nie ma działania o identyfikatorze „X-3”. Najpierw zaimportuj dziennik działań, w którym jest to działanie.',
    ]);
    // Only the rows of the existing activity become records (the duplicate pair is a warning).
    expect(result.records).toEqual([{ row: 3, activityExternalId: 'A12', participantCode: 'OST-0005' }]);
    const english = validateTable(csvTable(rows.slice(0, 6)), contextOf(null, 'en'));
    expect(english.errors[0]!.message).toBe(
      'The activity id "X-1", given in 3 rows (2, 5, 6), is not in the activity log. Import the activity log that contains it first.',
    );
  });
});
