import { describe, expect, it } from 'vitest';
import { surveyCell } from '../auth/report-disclosure.ts';
import type { RegisterEntry } from '../repositories/participant.repository.ts';
import { leaderTraceRows, personTraceRows, surveyAnswerTraceRows } from './indicator-trace.ts';

const entry = (id: number, code: string, homeCommunity: string, firstName: string | null = 'Anna', lastName: string | null = 'Nowak'): RegisterEntry => ({
  id,
  code,
  homeCommunity,
  sourceRow: id + 1,
  firstName,
  lastName,
});
const register = new Map([
  [1, entry(1, 'OST-1', 'OST')],
  [2, entry(2, 'LAZ-1', 'LAZ', 'Jan', 'Kowal')],
]);
const persons = [
  { participantId: 1, code: 'OST-1', attendances: 4, firstDate: '2022-01-14' },
  { participantId: 2, code: 'LAZ-1', attendances: 1, firstDate: '2022-02-15' },
];

describe('personTraceRows', () => {
  it('gives the director every person with attendances, first date and names', () => {
    const rows = personTraceRows(persons, register, { role: 'director', communities: [], suppressed: false });
    expect(rows).toEqual([
      { code: 'OST-1', attendances: 4, firstDate: '2022-01-14', firstName: 'Anna', lastName: 'Nowak' },
      { code: 'LAZ-1', attendances: 1, firstDate: '2022-02-15', firstName: 'Jan', lastName: 'Kowal' },
    ]);
  });

  it('gives an organizer names only of persons registered in their communities', () => {
    const rows = personTraceRows(persons, register, { role: 'organizer', communities: ['LAZ'], suppressed: false });
    expect(rows[0]).toEqual({ code: 'OST-1', attendances: 4, firstDate: '2022-01-14' });
    expect(rows[1]).toMatchObject({ code: 'LAZ-1', firstName: 'Jan' });
  });

  it('gives the auditor codes alone, even when names were read', () => {
    const rows = personTraceRows(persons, register, { role: 'auditor', communities: [], suppressed: true });
    expect(rows).toEqual([
      { code: 'OST-1', attendances: null, firstDate: null },
      { code: 'LAZ-1', attendances: null, firstDate: null },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Anna|Jan/);
  });
});

describe('surveyAnswerTraceRows', () => {
  const answers = [
    { answerId: 1, responseId: 10, date: '2022-11-12', community: 'OST', value: 5, importBatchId: 3 },
    { answerId: 2, responseId: 11, date: '2022-11-12', community: 'OST', value: 3, importBatchId: 3 },
    { answerId: 3, responseId: 12, date: '2022-11-13', community: 'WZG', value: 4, importBatchId: 4 },
  ];
  const provenance = {
    files: new Map([[3, 'ankieta.csv']]),
    rows: new Map([
      [10, 2],
      [11, 3],
      [12, 2],
    ]),
  };

  it('marks the answers at or above the threshold and names their file and row', () => {
    const rows = surveyAnswerTraceRows(answers, 4, provenance, null);
    expect(rows.map((r) => r.counted)).toEqual([true, false, true]);
    expect(rows[0]).toEqual({ date: '2022-11-12', community: 'OST', value: 5, counted: true, file: 'ankieta.csv', row: 2 });
    // A batch the operational database no longer knows: no file rather than a wrong one.
    expect(rows[2]!.file).toBeNull();
  });

  it('gives the auditor a community only where its share is shown, a value only where its count is', () => {
    const auditor = {
      survey: 'ANK-ROCZNA',
      question: 'JAKOSC_ZYCIA',
      shownCommunities: new Set(['OST']),
      surveyHidden: new Set([surveyCell('ANK-ROCZNA', 'JAKOSC_ZYCIA', 'OST', 3)]),
    };
    const rows = surveyAnswerTraceRows(answers, 4, provenance, auditor);
    expect(rows.map((r) => [r.community, r.value, r.counted])).toEqual([
      ['OST', 5, true],
      ['OST', null, false],
      [null, null, true],
    ]);
  });
});

describe('leaderTraceRows', () => {
  const leaders = [
    { participantId: 1, code: 'OST-1', homeCommunity: 'OST', leaderSince: '2021-05-01', importBatchId: 3 },
    { participantId: 2, code: 'LAZ-1', homeCommunity: 'LAZ', leaderSince: '2022-03-01', importBatchId: 3 },
  ];
  it('gives each leader with the register file and row', () => {
    const rows = leaderTraceRows(leaders, { files: new Map([[3, 'rejestr.csv']]), register }, null);
    expect(rows).toEqual([
      { code: 'OST-1', homeCommunity: 'OST', leaderSince: '2021-05-01', file: 'rejestr.csv', row: 2 },
      { code: 'LAZ-1', homeCommunity: 'LAZ', leaderSince: '2022-03-01', file: 'rejestr.csv', row: 3 },
    ]);
  });

  it('withholds from the auditor a home community whose count is hidden', () => {
    const rows = leaderTraceRows(leaders, { files: new Map(), register }, new Set(['OST']));
    expect(rows.map((r) => r.homeCommunity)).toEqual(['OST', null]);
  });
});
