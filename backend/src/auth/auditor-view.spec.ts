import { describe, expect, it } from 'vitest';
import { applyHiddenCells, auditorHiddenCells, type PeriodRow } from './auditor-view.ts';
import { secondarySuppression } from './suppression.ts';

const row = (period: string, community: string, attendances: number): PeriodRow => ({
  period,
  community,
  attendances,
  namedAttendances: attendances,
  anonymousAttendances: 0,
  distinctParticipants: attendances,
  newParticipants: 0,
  returningParticipants: attendances,
});

describe('secondarySuppression', () => {
  it('hides a second cell in every line that has exactly one hidden non-zero cell, until stable', () => {
    const values = new Map([
      ['a', 2],
      ['b', 9],
      ['c', 5],
      ['d', 7],
    ]);
    // Lines: a+b, a+c, c+d. Hiding a forces b (smallest other of a+b) and c (a+c), and c forces d.
    expect([...secondarySuppression(values, [['a', 'b'], ['a', 'c'], ['c', 'd']], new Set(['a']))].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...secondarySuppression(values, [['a', 'b']], new Set())]).toEqual([]);
  });
});

describe('auditorHiddenCells', () => {
  // Two months of one year, three communities; LAZ has 2 in January.
  const monthly = [
    row('2022-01', 'OST', 10), row('2022-01', 'WZG', 12), row('2022-01', 'LAZ', 2), row('2022-01', 'ALL', 24),
    row('2022-02', 'OST', 9), row('2022-02', 'WZG', 11), row('2022-02', 'LAZ', 6), row('2022-02', 'ALL', 26),
  ];
  const yearly = [row('2022', 'OST', 19), row('2022', 'WZG', 23), row('2022', 'LAZ', 8), row('2022', 'ALL', 50)];

  it('leaves no hidden cell recomputable from a month’s total or a community’s year', () => {
    const hidden = auditorHiddenCells(monthly, yearly);
    const isHidden = (period: string, community: string) => hidden.has(`${period}|${community}|attendances`);
    expect(isHidden('2022-01', 'LAZ')).toBe(true);
    // January across communities: a second one (the smallest, OST).
    expect(isHidden('2022-01', 'OST')).toBe(true);
    // LAZ's year minus its February would give its January: February hidden too, and then so is a second February cell.
    expect(isHidden('2022-02', 'LAZ')).toBe(true);
    expect(isHidden('2022-02', 'OST')).toBe(true);
    // Every line has zero or at least two hidden cells.
    for (const month of ['2022-01', '2022-02']) expect(['OST', 'WZG', 'LAZ'].filter((c) => isHidden(month, c)).length).not.toBe(1);
    for (const community of ['OST', 'WZG', 'LAZ']) expect(['2022-01', '2022-02'].filter((m) => isHidden(m, community)).length).not.toBe(1);
  });

  it('sets hidden cells to null, with turnout going with attendances', () => {
    const hidden = auditorHiddenCells(monthly, yearly);
    const shown = applyHiddenCells({ ...monthly[2], turnout: 2 }, hidden);
    expect(shown).toMatchObject({ attendances: null, turnout: null });
    expect(shown.suppressed).toContain('attendances');
    expect(applyHiddenCells(monthly[1], hidden).suppressed).toBeUndefined();
  });
});
