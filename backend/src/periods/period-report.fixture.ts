// A closed period made by hand for the report's unit specs: two indicators (persons, percent),
// the whole project and two communities, one small count.
import type { FrozenPeriod } from './frozen-period.ts';
import type { PeriodReportInput } from './period-report.ts';

export const frozenFixture: FrozenPeriod = {
  format: 1,
  project: { name: 'OSL Próba', centre: 'Centrum Testowe', from: '2021-01-01', to: '2023-12-31' },
  period: { id: 7, name: 'WNP 3', from: '2022-01-01', to: '2022-06-30' },
  version: 2,
  reason: 'restatement',
  dataVersion: 41,
  asOf: '2022-07-04',
  closedAt: '2022-07-04T10:15:00.000Z',
  closedBy: 'dyrektor@osl.test',
  indicators: [
    { code: 'W1', namePl: 'Liczba uczestników', nameEn: 'Participants', kind: 'count', unit: 'persons', cumulative: true },
    { code: 'W2', namePl: 'Odsetek zadowolonych', nameEn: 'Share satisfied', kind: 'share', unit: 'percent', cumulative: false },
  ],
  figures: [
    {
      code: 'W1',
      community: 'ALL',
      valueWithin: 87,
      valueCumulative: 1234,
      target: 1500,
      achievement: 0.82266,
      status: 'at_risk',
      withinFrom: '2022-01-01',
      withinTo: '2022-06-30',
      cumulativeFrom: '2021-01-01',
      cumulativeTo: '2022-06-30',
    },
    {
      code: 'W1',
      community: 'K1',
      valueWithin: 2,
      valueCumulative: 640,
      target: 700,
      achievement: 0.914,
      status: 'on_track',
      withinFrom: '2022-01-01',
      withinTo: '2022-06-30',
      cumulativeFrom: '2021-01-01',
      cumulativeTo: '2022-06-30',
    },
    {
      code: 'W2',
      community: 'ALL',
      valueWithin: 69.9,
      valueCumulative: 69.9,
      target: 70,
      achievement: 0.998571,
      status: 'on_track',
      withinFrom: '2022-01-01',
      withinTo: '2022-06-30',
      cumulativeFrom: '2022-01-01',
      cumulativeTo: '2022-06-30',
    },
  ],
  drillDown: {
    activities: [
      { activityId: 'D-0012', date: '2022-02-14', community: 'K1', type: 'warsztat', group: 'edu', named: 12, anonymous: 3, residentInitiative: true },
      { activityId: 'D-0013', date: '2022-03-01', community: 'K2', type: 'spotkanie', group: 'int', named: 5, anonymous: 0, residentInitiative: false },
    ],
    persons: [
      { code: 'P-001', community: 'K1', attendances: 4 },
      { code: 'P-002', community: 'K2', attendances: 1 },
    ],
    regulars: [{ code: 'P-001', community: 'K1', attendances: 4 }],
    leaders: [{ code: 'P-001', community: 'K1', leaderSince: '2021-09-01' }],
    surveyAnswers: [
      { survey: 'ANK', question: 'JAKOSC', community: 'K1', window: 'within', answers: 9, atLeast: 6 },
      { survey: 'ANK', question: 'JAKOSC', community: 'K1', window: 'cumulative', answers: 14, atLeast: 10 },
    ],
  },
};

/** The director's report input of the fixture; `overrides` for the auditor's and others. */
export function reportInput(overrides: Partial<PeriodReportInput> = {}): PeriodReportInput {
  return {
    lang: 'pl',
    content: frozenFixture,
    fingerprint: 'ab'.repeat(32),
    intact: true,
    shownFigures: frozenFixture.figures.map((f) => ({ ...f })),
    protectedView: false,
    inForce: true,
    signOffs: [{ verdict: 'remarks', remarks: 'Brak listy z 14.02.', signedBy: 'audytor@osl.test', signedAt: '2022-07-10T08:00:00.000Z' }],
    restated: null,
    pending: null,
    communities: [
      { code: 'K1', name: 'Osiedle Północ' },
      { code: 'K2', name: 'Seniorzy' },
    ],
    activityTypes: [
      { code: 'warsztat', namePl: 'Warsztat', nameEn: 'Workshop' },
      { code: 'spotkanie', namePl: 'Spotkanie', nameEn: 'Meeting' },
    ],
    surveys: [
      { code: 'ANK', namePl: 'Ankieta roczna', nameEn: 'Yearly survey', questions: [{ code: 'JAKOSC', textPl: 'Jakość życia', textEn: 'Quality of life' }] },
    ],
    smallCountLabel: '<3',
    suppressionNote: '„<3”: 1–2 osoby albo liczba ukryta, by nie dało się z niej odtworzyć takiej liczby (RODO).',
    printedBy: 'dyrektor@osl.test',
    printedAt: new Date('2022-07-20T12:30:00.000Z'),
    ...overrides,
  };
}

/** The auditor's view of the fixture: the small count of K1 within the period hidden. */
export function protectedInput(overrides: Partial<PeriodReportInput> = {}): PeriodReportInput {
  return reportInput({
    protectedView: true,
    printedBy: 'audytor@osl.test',
    shownFigures: frozenFixture.figures.map((f) =>
      f.code === 'W1' && f.community === 'K1' ? { ...f, valueWithin: null, suppressed: ['valueWithin'] } : { ...f },
    ),
    ...overrides,
  });
}
