import { describe, expect, it } from 'vitest';
import { brief, csvTable, testContext } from '../fixtures/import-fixtures.ts';
import { lookupsForCommunities } from '../validation/community-scope.ts';
import { validateTable } from '../validation/validate-file.ts';

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
        column: 'Jak oceniasz to działanie?',
        field: 'OCENA',
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
    expect(result.errors[0].message).toBe(
      'Kodu „WZG-0001” nie ma w rejestrze Twoich społeczności (LAZ). Plik z osobami zarejestrowanymi w innych społecznościach importuje administrator.',
    );
    expect(result.errors[1].message.replace('WZG-0404', 'WZG-0001')).toBe(result.errors[0].message);
  });

  it('suggests the survey and the participant code one edit away, only among the uploader’s own register', () => {
    const table = csvTable([
      ['survey_code', 'date', 'community', 'participant_code', 'JAKOSC_ZYCIA'],
      ['ANK-ROCZNE', '2022-11-20', 'WZG', '', '4'],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', 'wzg 0001', '4'],
      ['ANK-ROCZNA', '2022-11-20', 'WZG', 'WZG-0002', '4'],
    ]);
    const result = validateTable(table, testContext(seed));
    expect(brief(result.errors)).toEqual([
      { row: 2, column: 'survey_code', value: 'ANK-ROCZNE', code: 'unknown_survey_suggestion' },
      { row: 3, column: 'participant_code', value: 'wzg 0001', code: 'participant_not_found_suggestion' },
      { row: 4, column: 'participant_code', value: 'WZG-0002', code: 'participant_not_found_suggestion' },
    ]);
    expect(result.errors[0].message).toBe('Nieznana ankieta „ANK-ROCZNE”. Czy chodziło o „Ankieta roczna mieszkańców” (ANK-ROCZNA)?');
    expect(result.errors[2].message).toBe('W rejestrze uczestników nie ma kodu „WZG-0002”. Czy chodziło o „WZG-0001”?');
    // A LAZ organizer is not told of WZG's person.
    const context = testContext(seed);
    const organizer = validateTable(table, { ...context, lookups: lookupsForCommunities(context.lookups, ['LAZ']) });
    expect(brief(organizer.errors).map((e) => e.code)).toEqual([
      'unknown_survey_suggestion',
      'participant_not_in_your_register',
      'participant_not_in_your_register',
    ]);
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
      { row: 2, column: 'kod_uczestnika', value: 'WZG-0404', code: 'participant_not_found' },
      { row: 2, column: 'JAKOSC_ZYCIA', value: '6', code: 'answer_scale_range' },
      { row: 2, column: 'POLECAM', value: 'może', code: 'answer_yes_no_invalid' },
      { row: 3, column: 'JAKOSC_ZYCIA', value: 'dobrze', code: 'answer_scale_text' },
      { row: 3, column: 'OCENA', value: '5', code: 'question_not_in_survey' },
      { row: 4, column: 'JAKOSC_ZYCIA', value: '3,5', code: 'answer_scale_range' },
      { row: 5, column: 'JAKOSC_ZYCIA', value: '0', code: 'answer_scale_range' },
      { row: 6, column: 'ankieta', value: 'ANK-XYZ', code: 'unknown_survey' },
      { row: 7, column: 'data', value: null, code: 'value_required' },
    ]);
    const messages = result.errors.map((e) => e.message);
    expect(messages[1]).toBe('Odpowiedź 6 na pytanie JAKOSC_ZYCIA jest spoza skali 1–5.');
    expect(messages[3]).toBe('Odpowiedź „dobrze” na pytanie JAKOSC_ZYCIA musi być liczbą od 1 do 5.');
    expect(messages[4]).toBe('Pytanie OCENA nie należy do ankiety ANK-ROCZNA; zostaw to pole puste.');
    expect(messages[7]).toBe('Nieznana ankieta „ANK-XYZ”. Dostępne: ANK-ROCZNA (Ankieta roczna mieszkańców), ANK-PO (Ankieta po działaniu).');
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
      { row: 4, column: 'data', value: '2021-12-31', code: 'date_before_2000' },
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
