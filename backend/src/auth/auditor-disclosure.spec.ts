import { describe, expect, it } from 'vitest';
import { activityCell, auditorDisclosureMask, buildDisclosureTable, indicatorCell, metricCell, protectTable, recoverableCells, type DisclosureInput, type PeriodRow } from './auditor-disclosure.ts';

const persons = (period: string, community: string, attendances: number, anonymous = 0, distinct = attendances - anonymous, fresh = distinct): PeriodRow => ({
  period,
  community,
  attendances,
  namedAttendances: attendances - anonymous,
  anonymousAttendances: anonymous,
  distinctParticipants: distinct,
  newParticipants: fresh,
  returningParticipants: distinct - fresh,
});

describe('recoverableCells', () => {
  const table = (values: Record<string, number>, relations: [string, number][][]) => ({ values: new Map(Object.entries(values)), relations: relations.map((terms) => ({ terms, op: '=' as const, constant: 0 })) });

  it('finds a hidden part that a shown total minus shown parts gives', () => {
    const t = table({ a: 2, b: 9, total: 11 }, [[['a', 1], ['b', 1], ['total', -1]]]);
    expect([...recoverableCells(t, new Set(['a']))]).toEqual(['a']);
    expect([...recoverableCells(t, new Set(['a', 'b']))]).toEqual([]);
  });

  it('pins three hidden parts of at least 1 under a shown total of 3 (each is 1)', () => {
    const t = table({ a: 1, b: 1, c: 1, d: 0, total: 3 }, [[['a', 1], ['b', 1], ['c', 1], ['d', 1], ['total', -1]]]);
    expect([...recoverableCells(t, new Set(['a', 'b', 'c']))].sort()).toEqual(['a', 'b', 'c']);
    expect([...recoverableCells(t, new Set(['a', 'b', 'c', 'total']))]).toEqual([]);
  });

  it('solves chains of equalities no single one gives (elimination)', () => {
    // x + y = 5 and x − y = 1 (two lines sharing two hidden cells): x = 3, y = 2.
    const t = { values: new Map([['x', 3], ['y', 2], ['s', 5], ['d', 1]]), relations: [{ terms: [['x', 1], ['y', 1], ['s', -1]] as [string, number][], op: '=' as const, constant: 0 }, { terms: [['x', 1], ['y', -1], ['d', -1]] as [string, number][], op: '=' as const, constant: 0 }] };
    expect([...recoverableCells(t, new Set(['x', 'y']))].sort()).toEqual(['x', 'y']);
  });

  it('uses inequalities: a hidden count of at least 1 under a shown bound of 1', () => {
    const t = { values: new Map([['distinct', 1], ['named', 1]]), relations: [{ terms: [['distinct', 1], ['named', -1]] as [string, number][], op: '<=' as const, constant: 0 }] };
    expect([...recoverableCells(t, new Set(['distinct']))]).toEqual(['distinct']);
  });
});

describe('the auditor’s mask', () => {
  // One year, two months, three communities; LAZ has 2 attendances in January at its one activity.
  const input: DisclosureInput = {
    communities: ['OST', 'WZG', 'LAZ'],
    monthly: [
      persons('2022-01', 'OST', 10), persons('2022-01', 'WZG', 12), persons('2022-01', 'LAZ', 2), persons('2022-01', 'ALL', 24),
      persons('2022-02', 'OST', 9, 0, 9, 0), persons('2022-02', 'WZG', 11, 0, 11, 0), persons('2022-02', 'LAZ', 6, 0, 6, 4), persons('2022-02', 'ALL', 26, 0, 26, 4),
    ],
    yearly: [persons('2022', 'OST', 19, 0, 10), persons('2022', 'WZG', 23, 0, 12), persons('2022', 'LAZ', 8, 0, 6), persons('2022', 'ALL', 50, 0, 28)],
    activities: [
      { externalId: 'L1', date: '2022-01-15', community: 'LAZ', namedAttendances: 2, anonymousAttendances: 0, lists: [{ batchId: 1, attendances: 2 }] },
      { externalId: 'O1', date: '2022-01-10', community: 'OST', namedAttendances: 10, anonymousAttendances: 0, lists: [{ batchId: 1, attendances: 10 }] },
    ],
    indicators: [
      { code: 'P1', community: 'LAZ', year: 2022, value: 6, computation: { kind: 'distinct_participants', minAttendances: 1 }, cumulative: true },
      { code: 'P1', community: 'ALL', year: 2022, value: 28, computation: { kind: 'distinct_participants', minAttendances: 1 }, cumulative: true },
    ],
  };

  it('hides the 1–2 counts and what would give them away, and no audit pins a hidden cell', () => {
    const table = buildDisclosureTable(input);
    const hidden = protectTable(table);
    expect(hidden.has(metricCell('2022-01', 'LAZ', 'attendances'))).toBe(true);
    // The activity is the month: hidden with it.
    expect(hidden.has(activityCell('L1', 'attendances'))).toBe(true);
    expect(recoverableCells(table, hidden).size).toBe(0);
    // A line with a hidden cell has a second one (total − the others shown would give it).
    const line = ['OST', 'WZG', 'LAZ', 'ALL'].filter((c) => hidden.has(metricCell('2022-01', c, 'attendances')));
    expect(line.length).toBeGreaterThanOrEqual(2);
    // Two months are a small table: much goes with one small count, but not everything.
    expect(hidden.size).toBeLessThan(table.values.size);
  });

  it('keeps only relations the data satisfy (activities recorded after the last run give no equation)', () => {
    const stale = { ...input, activities: [{ ...input.activities[0]!, namedAttendances: 3, lists: [{ batchId: 2, attendances: 3 }] }] };
    const table = buildDisclosureTable(stale);
    const monthOfLaz = table.relations.filter((r) => r.terms.some(([id]) => id === activityCell('L1', 'attendances')) && r.terms.some(([id]) => id === metricCell('2022-01', 'LAZ', 'attendances')));
    expect(monthOfLaz).toEqual([]);
    expect(buildDisclosureTable(input).relations.some((r) => r.terms.some(([id]) => id === activityCell('L1', 'attendances')) && r.terms.some(([id]) => id === metricCell('2022-01', 'LAZ', 'attendances')))).toBe(true);
  });

  it('ties persons reached to the year’s new persons: a hidden new count hides its indicator or a neighbour', () => {
    const hidden = auditorDisclosureMask(input);
    const table = buildDisclosureTable(input);
    expect(table.relations.some((r) => r.terms.some(([id]) => id === indicatorCell('P1', 'LAZ', 2022)) && r.terms.some(([id]) => id === metricCell('2022', 'LAZ', 'newParticipants')))).toBe(true);
    expect(recoverableCells(table, hidden).size).toBe(0);
  });
});
