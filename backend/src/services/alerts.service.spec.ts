import { describe, expect, it } from 'vitest';
import { describeDecline, type DeclineFinding } from '@osl/pipelines';
import { activityCell } from '../auth/auditor-disclosure.ts';
import { alertCountsHidden, alertDates, isoWeekOf, sentenceWithDates, windowWeeksOfSentence, withoutCounts } from './alerts.service.ts';

const alert = (observed: number) => ({
  id: 1,
  community: 'LAZ',
  groupCode: '',
  group: null,
  measure: 'attendances',
  since: '2022-W42',
  status: 'active',
  firstRunId: 1,
  lastRunId: 1,
  openedAt: new Date(),
  closedAt: null,
  drop: 0.8,
  observed,
  expected: 15,
  pValue: 0.001,
  baselineKind: 'seasonal',
  lastWeek: '2022-W46',
  sentencePl: 'Frekwencja w społeczności LAZ spadła o 80% od tygodnia 2022-W42 (ostatnie 3 tygodnie: 2 obecności wobec oczekiwanych 15).',
  sentenceEn: 'Attendance in LAZ fell by 80% since week 2022-W42 (last 3 weeks: 2 attendances against 15 expected).',
  history: [{ runId: 1, lastWeek: '2022-W46', observed, expected: 15, drop: 0.8, pValue: 0.001, at: new Date() }],
});

describe('withoutCounts', () => {
  it('keeps the drop and the period of an alert, not its counts', () => {
    const shown = withoutCounts(alert(2) as never);
    expect(shown).toMatchObject({ observed: null, expected: null, drop: 0.8, suppressed: ['expected', 'observed'] });
    expect(shown.sentencePl).toBe('Frekwencja w społeczności LAZ spadła o 80% od tygodnia 2022-W42.');
    expect(shown.history[0].observed).toBeNull();
  });
});

describe('alertCountsHidden', () => {
  const counts = (externalId: string, date: string, community = 'LAZ') => ({
    externalId,
    date,
    community,
    type: 'WARSZTAT',
    namedAttendances: 5,
    anonymousAttendances: 0,
    lists: [],
  });
  const activities = new Map([
    ['A', counts('A', '2022-09-01')],
    ['B', counts('B', '2022-11-08')],
    ['C', counts('C', '2022-11-15')],
    ['D', counts('D', '2022-11-16', 'OST')],
  ]);
  const groups = new Map([['WARSZTAT', 'education']]);

  it('hides counts of 1–2, and counts whose window holds an activity the mask hides', () => {
    const none = { hidden: new Set<string>(), activities };
    expect(alertCountsHidden(alert(2) as never, none, groups, 6, 3)).toBe(true);
    expect(alertCountsHidden(alert(12) as never, none, groups, 6, 3)).toBe(false);
    // C (2022-W46) is in the window; A is one of the last six weeks with activities too; D is another community's.
    expect(alertCountsHidden(alert(12) as never, { hidden: new Set([activityCell('C', 'attendances')]), activities }, groups, 6, 3)).toBe(true);
    expect(alertCountsHidden(alert(12) as never, { hidden: new Set([activityCell('A', 'namedAttendances')]), activities }, groups, 6, 3)).toBe(true);
    expect(alertCountsHidden(alert(12) as never, { hidden: new Set([activityCell('A', 'namedAttendances')]), activities }, groups, 2, 3)).toBe(false);
    expect(alertCountsHidden(alert(12) as never, { hidden: new Set([activityCell('D', 'attendances')]), activities }, groups, 6, 3)).toBe(false);
    // An alert about another group of activities does not look at workshops.
    expect(
      alertCountsHidden({ ...alert(12), group: 'animation' } as never, { hidden: new Set([activityCell('C', 'attendances')]), activities }, groups, 6, 3),
    ).toBe(false);
  });

  it('names ISO weeks as the alerts do', () => {
    expect(isoWeekOf('2022-11-15')).toBe('2022-W46');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });
});

describe('sentenceWithDates', () => {
  const finding: DeclineFinding = {
    measure: 'attendances',
    since: '2022-W42',
    raisedIn: '2022-W46',
    lastWeek: '2022-W49',
    windowFrom: '2022-W44',
    weeks: 4,
    observed: 61,
    expected: 105.4,
    drop: 0.42,
    pValue: 0.0004,
    baselineKind: 'blend',
  };

  it('says the Monday of the week the fall began as a date, in both languages, wherever the detector words it', () => {
    const pl = sentenceWithDates(describeDecline(finding, { communityName: 'Seniorzy na Os. Łazy', lang: 'pl' }), 'pl');
    expect(pl).toContain('spadła o 42% od 17 października 2022 (ostatnie 4 tygodnie z działaniami:');
    const en = sentenceWithDates(describeDecline(finding, { communityName: 'LAZ', groupName: 'education', lang: 'en' }), 'en');
    expect(en).toContain('has fallen by 42% since 17 October 2022 (last 4 weeks');
    for (const text of [pl, en]) expect(text).not.toMatch(/W\d\d/);
  });

  it('dates a week across the turn of the year by its Monday', () => {
    expect(sentenceWithDates('Spadek od tygodnia 2021-W01.', 'pl')).toBe('Spadek od 4 stycznia 2021.');
    expect(sentenceWithDates('Fell since week 2020-W53.', 'en')).toBe('Fell since 28 December 2020.');
  });
});

describe('windowWeeksOfSentence', () => {
  it('reads how many weeks with activities the figures cover, as the detector words it', () => {
    const finding = {
      since: '2022-W42',
      raisedIn: '2022-W46',
      lastWeek: '2022-W49',
      windowFrom: '2022-W44',
      observed: 9,
      expected: 30,
      drop: 0.7,
      pValue: 0.001,
    };
    const en = (weeks: number) =>
      describeDecline({ ...finding, measure: 'attendances', weeks, baselineKind: 'recent_level' }, { communityName: 'LAZ', lang: 'en' });
    expect(windowWeeksOfSentence(en(3))).toBe(3);
    expect(windowWeeksOfSentence(en(1))).toBe(1);
    expect(windowWeeksOfSentence('Something else entirely.')).toBeNull();
  });
});

describe('alertDates', () => {
  // Activities on Mondays and a Saturday; none in 2022-W45, W46 and W48.
  const days = ['2022-10-03', '2022-10-17', '2022-10-24', '2022-11-05', '2022-11-21', '2022-12-05', '2022-12-19'];

  it('gives the start and the last weeks with activities up to the alert’s last week, and who stopped coming since when', () => {
    expect(alertDates({ since: '2022-W42', lastWeek: '2022-W49' }, days, 3, 56)).toEqual({
      startsOn: '2022-10-17',
      // W44 (5 November), W47 (21 November), W49 (5 December): three weeks with activities.
      window: { from: '2022-10-31', to: '2022-12-11', weeks: 3 },
      stoppedComingFrom: '2022-08-22',
    });
  });

  it('takes fewer weeks when the series has fewer, and the alert’s own span when it has none', () => {
    expect(alertDates({ since: '2022-W40', lastWeek: '2022-W41' }, days, 6, 56).window).toEqual({ from: '2022-10-03', to: '2022-10-09', weeks: 1 });
    expect(alertDates({ since: '2022-W42', lastWeek: '2022-W43' }, [], 6, 56).window).toEqual({ from: '2022-10-17', to: '2022-10-30', weeks: 0 });
  });
});
