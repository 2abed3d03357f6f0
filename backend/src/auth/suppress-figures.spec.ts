import { describe, expect, it } from 'vitest';
import { suppressIndicatorValues, suppressParticipation } from './suppress-figures.ts';

const indicator = (code: string, community: string, value: number | null, unit = 'persons') => ({ code, community, year: 2022, value, achievement: value === null ? null : value / 10, unit });

describe('suppressIndicatorValues', () => {
  it('hides person counts of 1–2, their achievement, and a second community beside the total', () => {
    const rows = [indicator('P1', 'ALL', 45), indicator('P1', 'OST', 2), indicator('P1', 'WZG', 25), indicator('P1', 'LAZ', 18), indicator('P2', 'OST', 1, 'activities')];
    const out = suppressIndicatorValues(rows);
    expect(out.map((r) => [r.community, r.value, r.achievement, r.suppressed ?? null])).toEqual([
      ['ALL', 45, 4.5, null],
      ['OST', null, null, ['achievement', 'value']],
      ['WZG', 25, 2.5, null],
      ['LAZ', null, null, ['achievement', 'value']],
      // Activities are not persons.
      ['OST', 1, 0.1, null],
    ]);
    expect(rows[1].value).toBe(2);
  });

  it('hides a small ALL value', () => {
    expect(suppressIndicatorValues([indicator('R1', 'ALL', 1)])[0].value).toBeNull();
  });
});

describe('suppressParticipation', () => {
  const row = (period: string, distinct: number, fresh: number, attendances = distinct * 2) => ({
    period,
    activities: 3,
    attendances,
    namedAttendances: attendances,
    anonymousAttendances: 0,
    distinctParticipants: distinct,
    newParticipants: fresh,
    returningParticipants: distinct - fresh,
    cumulativeParticipants: 50,
    turnout: attendances / 3,
  });

  it('hides small cells, their pair within the row, and a second community per month', () => {
    const series = new Map([
      ['ALL', [row('2022-01', 30, 3)]],
      ['OST', [row('2022-01', 10, 2)]],
      ['WZG', [row('2022-01', 12, 0)]],
      ['LAZ', [row('2022-01', 8, 1)]],
    ]);
    const out = suppressParticipation(series);
    const ost = out.get('OST')![0];
    // new = 2 hidden, so returning (8) too, else distinct − returning reveals it.
    expect(ost.newParticipants).toBeNull();
    expect(ost.returningParticipants).toBeNull();
    expect(ost.distinctParticipants).toBe(10);
    const laz = out.get('LAZ')![0];
    expect(laz.newParticipants).toBeNull();
    // Two communities hidden in the month: ALL's new (3) cannot single one out.
    expect(out.get('WZG')![0].newParticipants).toBe(0);
    expect(out.get('ALL')![0].newParticipants).toBe(3);
    expect(series.get('OST')![0].newParticipants).toBe(2);
  });

  it('hides a single small community with a second one, and turnout with attendances', () => {
    const series = new Map([
      ['OST', [row('2022-02', 1, 0, 2)]],
      ['WZG', [row('2022-02', 12, 0)]],
      ['LAZ', [row('2022-02', 9, 0)]],
    ]);
    const out = suppressParticipation(series);
    expect(out.get('OST')![0]).toMatchObject({ distinctParticipants: null, attendances: null, turnout: null });
    expect(out.get('LAZ')![0].distinctParticipants).toBeNull();
    expect(out.get('WZG')![0].distinctParticipants).toBe(12);
  });
});
