import { describe, expect, it } from 'vitest';
import {
  activityCell,
  auditorDisclosureMask,
  buildDisclosureTable,
  hiddenComponents,
  indicatorCell,
  metricCell,
  obviousPins,
  protectTable,
  recoverableCells,
  type DisclosureInput,
  type PeriodRow,
} from './auditor-disclosure.ts';

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

// One year, two months, three communities; LAZ has 2 attendances in January at its one activity.
const input: DisclosureInput = {
  communities: ['OST', 'WZG', 'LAZ'],
  monthly: [
    persons('2022-01', 'OST', 10),
    persons('2022-01', 'WZG', 12),
    persons('2022-01', 'LAZ', 2),
    persons('2022-01', 'ALL', 24),
    persons('2022-02', 'OST', 9, 0, 9, 0),
    persons('2022-02', 'WZG', 11, 0, 11, 0),
    persons('2022-02', 'LAZ', 6, 0, 6, 4),
    persons('2022-02', 'ALL', 26, 0, 26, 4),
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
  smallCountLimit: 3,
};

describe('recoverableCells', () => {
  const table = (values: Record<string, number>, relations: [string, number][][]) => ({
    values: new Map(Object.entries(values)),
    relations: relations.map((terms) => ({ terms, op: '=' as const, constant: 0 })),
  });

  it('finds a hidden part that a shown total minus shown parts gives', () => {
    const t = table({ a: 2, b: 9, total: 11 }, [
      [
        ['a', 1],
        ['b', 1],
        ['total', -1],
      ],
    ]);
    expect([...recoverableCells(t, new Set(['a']))]).toEqual(['a']);
    expect([...recoverableCells(t, new Set(['a', 'b']))]).toEqual([]);
  });

  it('pins three hidden parts of at least 1 under a shown total of 3 (each is 1)', () => {
    const t = table({ a: 1, b: 1, c: 1, d: 0, total: 3 }, [
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
        ['d', 1],
        ['total', -1],
      ],
    ]);
    expect([...recoverableCells(t, new Set(['a', 'b', 'c']))].sort()).toEqual(['a', 'b', 'c']);
    expect([...recoverableCells(t, new Set(['a', 'b', 'c', 'total']))]).toEqual([]);
  });

  it('solves chains of equalities no single one gives (elimination)', () => {
    // x + y = 5 and x − y = 1 (two lines sharing two hidden cells): x = 3, y = 2.
    const t = {
      values: new Map([
        ['x', 3],
        ['y', 2],
        ['s', 5],
        ['d', 1],
      ]),
      relations: [
        {
          terms: [
            ['x', 1],
            ['y', 1],
            ['s', -1],
          ] as [string, number][],
          op: '=' as const,
          constant: 0,
        },
        {
          terms: [
            ['x', 1],
            ['y', -1],
            ['d', -1],
          ] as [string, number][],
          op: '=' as const,
          constant: 0,
        },
      ],
    };
    expect([...recoverableCells(t, new Set(['x', 'y']))].sort()).toEqual(['x', 'y']);
  });

  it('uses inequalities: a hidden count of at least 1 under a shown bound of 1', () => {
    const t = {
      values: new Map([
        ['distinct', 1],
        ['named', 1],
      ]),
      relations: [
        {
          terms: [
            ['distinct', 1],
            ['named', -1],
          ] as [string, number][],
          op: '<=' as const,
          constant: 0,
        },
      ],
    };
    expect([...recoverableCells(t, new Set(['distinct']))]).toEqual(['distinct']);
  });
});

describe('obviousPins', () => {
  const eq = (terms: [string, number][], constant = 0) => ({ terms, op: '=' as const, constant });
  const le = (terms: [string, number][], constant = 0) => ({ terms, op: '<=' as const, constant });

  it('pins the only hidden cell of an equality', () => {
    const t = {
      values: new Map([
        ['a', 2],
        ['b', 9],
        ['total', 11],
      ]),
      relations: [
        eq([
          ['a', 1],
          ['b', 1],
          ['total', -1],
        ]),
      ],
    };
    expect([...obviousPins(t, new Set(['a']))]).toEqual(['a']);
    expect([...obviousPins(t, new Set(['a', 'b']))]).toEqual([]);
  });

  it('pins n hidden parts of at least 1 under a shown total of n, whichever side the total is on', () => {
    const parts = Array.from({ length: 5 }, (_, i) => `p${i}`);
    const values = new Map([...parts.map((id) => [id, 1] as [string, number]), ['month', 5], ['zero', 0]]);
    const t = { values, relations: [eq([...parts.map((id) => [id, 1] as [string, number]), ['zero', 1], ['month', -1]])] };
    expect([...obviousPins(t, new Set(parts))].sort()).toEqual(parts);
    // A total of 6 over the same parts leaves each room for one more: none is obvious.
    const roomy = { values: new Map([...values, ['p4', 2], ['month', 6]]), relations: t.relations };
    expect([...obviousPins(roomy, new Set(parts))]).toEqual([]);
    // With the total hidden too the signs are mixed: nothing one relation gives.
    expect([...obviousPins(t, new Set([...parts, 'month']))]).toEqual([]);
  });

  it('pins a hidden count under a shown bound its least already reaches, and nothing a bound from below gives', () => {
    const t = {
      values: new Map([
        ['distinct', 1],
        ['named', 1],
      ]),
      relations: [
        le([
          ['distinct', 1],
          ['named', -1],
        ]),
      ],
    };
    expect([...obviousPins(t, new Set(['distinct']))]).toEqual(['distinct']);
    expect([...obviousPins(t, new Set(['named']))]).toEqual([]);
  });

  it('finds only what the full audit finds', () => {
    const t = buildDisclosureTable(input);
    const primary = new Set([...t.values].filter(([, v]) => v === 1 || v === 2).map(([id]) => id));
    const audit = recoverableCells(t, primary);
    const obvious = obviousPins(t, primary);
    expect(obvious.size).toBeGreaterThan(0);
    for (const id of obvious) expect(audit.has(id), id).toBe(true);
  });
});

describe('hiddenComponents', () => {
  it('groups hidden cells linked through relations, shown cells being constants', () => {
    const t = {
      values: new Map([
        ['a', 1],
        ['b', 1],
        ['s', 2],
        ['c', 4],
        ['d', 5],
        ['e', 9],
        ['lone', 7],
      ]),
      relations: [
        {
          terms: [
            ['a', 1],
            ['b', 1],
            ['s', -1],
          ] as [string, number][],
          op: '=' as const,
          constant: 0,
        },
        // Linked only through the shown s: no link between {a, b} and {c}.
        {
          terms: [
            ['s', 1],
            ['c', 1],
            ['d', -1],
            ['e', 1],
          ] as [string, number][],
          op: '<=' as const,
          constant: 100,
        },
        {
          terms: [
            ['c', 1],
            ['d', 1],
            ['e', -1],
          ] as [string, number][],
          op: '=' as const,
          constant: 0,
        },
      ],
    };
    const components = hiddenComponents(t, new Set(['a', 'b', 'c', 'd', 'lone']));
    const sorted = components.map((c) => ({ cells: [...c.cells].sort(), relations: c.relations })).sort((x, y) => x.cells[0]!.localeCompare(y.cells[0]!));
    expect(sorted).toEqual([
      { cells: ['a', 'b'], relations: [0] },
      { cells: ['c', 'd'], relations: [1, 2] },
      { cells: ['lone'], relations: [] },
    ]);
  });

  it('audits the table component by component as it would whole', () => {
    const t = buildDisclosureTable(input);
    const primary = new Set([...t.values].filter(([, v]) => v === 1 || v === 2).map(([id]) => id));
    const components = hiddenComponents(t, primary);
    expect(components.flatMap((c) => c.cells).sort()).toEqual([...primary].sort());
    // Every relation with a hidden cell belongs to exactly one component.
    const withHidden = t.relations.flatMap((r, i) => (r.terms.some(([id]) => primary.has(id)) ? [i] : []));
    expect(components.flatMap((c) => c.relations).sort((a, b) => a - b)).toEqual(withHidden);
  });
});

describe('the auditor’s mask', () => {
  it('hides the 1–2 counts and what would give them away, and no audit pins a hidden cell', () => {
    const table = buildDisclosureTable(input);
    const hidden = protectTable(table, 3);
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

  it('protects a month of many one-person activities: the month over them is hidden, and the audit pins nothing', () => {
    const n = 300;
    const many: DisclosureInput = {
      communities: ['OST', 'LAZ'],
      monthly: [persons('2022-03', 'OST', 40), persons('2022-03', 'LAZ', n, 0, 240), persons('2022-03', 'ALL', n + 40, 0, 280)],
      yearly: [persons('2022', 'OST', 40), persons('2022', 'LAZ', n, 0, 240), persons('2022', 'ALL', n + 40, 0, 280)],
      activities: Array.from({ length: n }, (_, i) => ({
        externalId: `M${i}`,
        date: '2022-03-10',
        community: 'LAZ',
        namedAttendances: 1,
        anonymousAttendances: 0,
        lists: [{ batchId: 1, attendances: 1 }],
      })),
      indicators: [],
      smallCountLimit: 3,
    };
    const table = buildDisclosureTable(many);
    const hidden = protectTable(table, 3);
    expect(hidden.has(activityCell('M0', 'attendances'))).toBe(true);
    // n parts of at least 1 under a shown n would each be 1.
    expect(hidden.has(metricCell('2022-03', 'LAZ', 'attendances'))).toBe(true);
    expect(recoverableCells(table, hidden).size).toBe(0);
    // The other community's large figures stay shown.
    expect(hidden.has(metricCell('2022-03', 'OST', 'distinctParticipants'))).toBe(false);
  });

  it('keeps only relations the data satisfy (activities recorded after the last run give no equation)', () => {
    const stale = { ...input, activities: [{ ...input.activities[0]!, namedAttendances: 3, lists: [{ batchId: 2, attendances: 3 }] }] };
    const table = buildDisclosureTable(stale);
    const monthOfLaz = table.relations.filter(
      (r) => r.terms.some(([id]) => id === activityCell('L1', 'attendances')) && r.terms.some(([id]) => id === metricCell('2022-01', 'LAZ', 'attendances')),
    );
    expect(monthOfLaz).toEqual([]);
    expect(
      buildDisclosureTable(input).relations.some(
        (r) => r.terms.some(([id]) => id === activityCell('L1', 'attendances')) && r.terms.some(([id]) => id === metricCell('2022-01', 'LAZ', 'attendances')),
      ),
    ).toBe(true);
  });

  it('ties persons reached to the year’s new persons: a hidden new count hides its indicator or a neighbour', () => {
    const hidden = auditorDisclosureMask(input);
    const table = buildDisclosureTable(input);
    expect(
      table.relations.some(
        (r) => r.terms.some(([id]) => id === indicatorCell('P1', 'LAZ', 2022)) && r.terms.some(([id]) => id === metricCell('2022', 'LAZ', 'newParticipants')),
      ),
    ).toBe(true);
    expect(recoverableCells(table, hidden).size).toBe(0);
  });
});
