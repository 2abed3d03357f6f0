import { describe, expect, it } from 'vitest';
import { activityCell } from '../auth/auditor-disclosure.ts';
import { alertCountsHidden, isoWeekOf, withoutCounts } from './alerts.service.ts';

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
