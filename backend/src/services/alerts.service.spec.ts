import { describe, expect, it } from 'vitest';
import { describeDecline, type DeclineFinding } from '@osl/pipelines';
import { activityCell } from '../auth/auditor-disclosure.ts';
import { describeLapsing } from '@osl/pipelines';
import type { LapsingRegularRecord } from '../repositories/analytics.repository.ts';
import {
  alertCountsHidden,
  alertDates,
  isoWeekOf,
  lapsingWho,
  sentenceWithDates,
  whoAccess,
  windowWeeksOfSentence,
  withoutCounts,
  withoutLapsingCount,
} from './alerts.service.ts';

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

const lapser = (participantId: number, code: string, usualRate: number, groups: string[]): LapsingRegularRecord => ({
  community: 'WZG',
  participantId,
  code,
  usualRate,
  attended: 20,
  opportunities: 25,
  lastAttended: '2023-03-14',
  missedSince: '2023-W12',
  missed: 8,
  absenceProbability: 0.001 * participantId,
  lapsing: true,
  counted: true,
  groups,
  rank: participantId,
});

describe('whoAccess', () => {
  const viewer = (role: 'director' | 'organizer' | 'auditor' | 'admin', communities: string[] = []) => ({ role, communities, scope: 'full' as const });

  it('lists who to the director and the community’s own organizers, names by the person’s home community', () => {
    const director = whoAccess(viewer('director'), 'WZG');
    expect([director.list, director.names('WZG'), director.names('OST')]).toEqual([true, true, true]);
    const own = whoAccess(viewer('organizer', ['WZG']), 'WZG');
    // A guest from OST is listed by code: the WZG organizer does not see OST's register.
    expect([own.list, own.names('WZG'), own.names('OST')]).toEqual([true, true, false]);
  });

  it('gives counts only to an organizer of another community, the admin and the auditor; the command line codes without names', () => {
    for (const v of [viewer('organizer', ['OST']), viewer('admin'), viewer('auditor')]) {
      const access = whoAccess(v, 'WZG');
      expect([v.role, access.list, access.names('WZG')]).toEqual([v.role, false, false]);
    }
    const cli = whoAccess({ role: null, communities: [], scope: 'full' }, 'WZG');
    expect([cli.list, cli.readsNames, cli.names('WZG')]).toEqual([true, false, false]);
  });
});

describe('lapsingWho', () => {
  const rows = [lapser(1, 'WZG-0001', 0.8, ['animation']), lapser(2, 'OST-0002', 0.5, ['animation', 'education']), lapser(3, 'WZG-0003', 0.6, ['animation'])];
  const register = new Map([
    [1, { homeCommunity: 'WZG', firstName: 'Anna', lastName: 'Nowak' }],
    [2, { homeCommunity: 'OST', firstName: 'Jan', lastName: 'Kos' }],
    [3, { homeCommunity: 'WZG', firstName: 'Ewa', lastName: 'Lis' }],
  ]);

  it('gives the list in the order of the rows, names only where allowed, with the groups and the median rate', () => {
    const who = lapsingWho(rows, 'WZG', { list: true, names: (home) => home === 'WZG', register, smallCountLimit: null });
    expect(who).toMatchObject({
      count: 3,
      medianUsualRate: 0.6,
      names: true,
      groups: [
        { group: 'animation', persons: 3 },
        { group: 'education', persons: 1 },
      ],
    });
    expect(who.persons!.map((p) => [p.code, p.firstName, p.fromOtherCommunity, p.missedSince])).toEqual([
      ['WZG-0001', 'Anna', false, '2023-03-20'],
      ['OST-0002', undefined, true, '2023-03-20'],
      ['WZG-0003', 'Ewa', false, '2023-03-20'],
    ]);
    expect(who.persons![1]).not.toHaveProperty('lastName');
  });

  it('gives the auditor counts only, 1–2 persons hidden', () => {
    const who = lapsingWho(rows.slice(0, 2), 'WZG', { list: false, names: () => false, register: new Map(), smallCountLimit: 3 });
    expect(who).toEqual({
      count: null,
      medianUsualRate: 0.65,
      groups: [
        { group: 'animation', persons: null },
        { group: 'education', persons: null },
      ],
      names: false,
      persons: null,
      suppressed: ['count', 'groups'],
    });
    expect(lapsingWho(rows, 'WZG', { list: false, names: () => false, register: new Map(), smallCountLimit: 3 })).toMatchObject({ count: 3, persons: null });
  });
});

describe('withoutLapsingCount', () => {
  it('words a small count of lapsing regulars as the label, keeping the rest of the sentence', () => {
    const figures = { lapsing: 2, regulars: 30, expected: 0.2, since: '2023-W12', medianRate: 0.7 };
    const lapsing = {
      ...alert(2),
      measure: 'lapsingRegulars',
      sentencePl: describeLapsing(figures, { communityName: 'Os. Wzgórze', lang: 'pl' }),
      sentenceEn: describeLapsing(figures, { communityName: 'Os. Wzgórze', lang: 'en' }),
    };
    const shown = withoutLapsingCount(lapsing as Parameters<typeof withoutCounts>[0], '<3');
    expect(shown.sentencePl).toMatch(/^W społeczności Os\. Wzgórze <3 z 30 stałych uczestników przestało przychodzić od tygodnia 2023-W12/);
    expect(shown.sentenceEn).toMatch(/^In Os\. Wzgórze, <3 of 30 regulars have stopped coming/);
    expect([shown.observed, shown.expected, shown.history[0]!.observed]).toEqual([null, null, null]);
  });
});
