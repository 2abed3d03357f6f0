import { describe, expect, it } from 'vitest';
import type { CommunityParticipation, ParticipationPeriod } from '$lib/api/client';
import { participationPeriod } from '$lib/participation/participation.fixtures';
import { isInsidePeriod, parseYearParam, pickDefaultYear, yearsWithParticipation } from './default-year';

const base = { years: [2021, 2022, 2023], periodStart: '2021-01-01', periodEnd: '2023-12-31' };

describe('pickDefaultYear', () => {
  it('inside the project period, picks the current year', () => {
    expect(pickDefaultYear({ ...base, today: '2022-05-10', yearsWithData: [2021] })).toBe(2022);
    expect(pickDefaultYear({ ...base, today: '2023-12-31', yearsWithData: [] })).toBe(2023);
  });

  it('after the period, picks the last year that has data', () => {
    expect(pickDefaultYear({ ...base, today: '2026-11-27', yearsWithData: [2021, 2022, 2023] })).toBe(2023);
    expect(pickDefaultYear({ ...base, today: '2026-11-27', yearsWithData: [2021, 2022] })).toBe(2022);
  });

  it('ignores data years outside the project', () => {
    expect(pickDefaultYear({ ...base, today: '2026-01-01', yearsWithData: [2021, 2024] })).toBe(2021);
  });

  it('without data, picks the first year before the period and the last one after it', () => {
    expect(pickDefaultYear({ ...base, today: '2020-06-01', yearsWithData: [] })).toBe(2021);
    expect(pickDefaultYear({ ...base, today: '2025-06-01', yearsWithData: [] })).toBe(2023);
  });

  it('returns null when there are no project years', () => {
    expect(pickDefaultYear({ ...base, years: [], today: '2022-01-01', yearsWithData: [] })).toBeNull();
  });
});

function period(p: string, activities: number, attendances: number): ParticipationPeriod {
  return participationPeriod(p, activities, attendances, 0);
}

function series(periods: ParticipationPeriod[]): CommunityParticipation {
  return { community: { code: 'WZG', name: 'W' }, grain: 'month', periods, targetPath: [], target: null };
}

describe('yearsWithParticipation', () => {
  it('collects years with any activity or attendance, across communities', () => {
    const years = yearsWithParticipation([series([period('2021-03', 2, 20), period('2022-01', 0, 0)]), series([period('2022-12', 0, 5)])]);
    expect([...years].sort()).toEqual([2021, 2022]);
  });

  it('does not count months that are all zero', () => {
    expect(yearsWithParticipation([series([period('2023-01', 0, 0)])]).size).toBe(0);
  });
});

describe('parseYearParam', () => {
  it('accepts only project years', () => {
    expect(parseYearParam('2022', [2021, 2022])).toBe(2022);
    expect(parseYearParam('2030', [2021, 2022])).toBeNull();
    expect(parseYearParam('22', [2021, 2022])).toBeNull();
    expect(parseYearParam(null, [2021, 2022])).toBeNull();
  });
});

describe('isInsidePeriod', () => {
  it('includes both ends of the period', () => {
    expect(isInsidePeriod({ ...base, today: '2021-01-01' })).toBe(true);
    expect(isInsidePeriod({ ...base, today: '2023-12-31' })).toBe(true);
    expect(isInsidePeriod({ ...base, today: '2020-12-31' })).toBe(false);
    expect(isInsidePeriod({ ...base, today: '2024-01-01' })).toBe(false);
  });
});
