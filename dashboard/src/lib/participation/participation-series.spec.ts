import { describe, expect, it } from 'vitest';
import type { CommunityParticipation } from '$lib/api/client';
import { participationPeriod as period } from './participation.fixtures';
import { monthsBetween, summarizeParticipationYear } from './participation-series';

describe('monthsBetween', () => {
  it('lists every month of the project period', () => {
    const months = monthsBetween('2021-01-01', '2023-12-31');
    expect(months).toHaveLength(36);
    expect(months[0]).toBe('2021-01');
    expect(months[11]).toBe('2021-12');
    expect(months[12]).toBe('2022-01');
    expect(months.at(-1)).toBe('2023-12');
  });

  it('handles a period that does not start in January', () => {
    expect(monthsBetween('2021-11-15', '2022-02-01')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
  });

  it('returns nothing for malformed input', () => {
    expect(monthsBetween('', '2022-01-01')).toEqual([]);
  });
});

const data: CommunityParticipation = {
  community: { code: 'WZG', name: 'Mieszkańcy Os. Wzgórze' },
  grain: 'month',
  // Deliberately out of order.
  periods: [period('2022-02', 5, 70, 52), period('2021-12', 3, 40, 44), period('2022-01', 4, 50, 48), period('2021-11', 6, 80, 40)],
  targetPath: [],
  target: { indicator: 'P1', baseline: 0, targets: { '2021': 41, '2022': 81, '2023': 117 } },
};

describe('summarizeParticipationYear', () => {
  it('sums the year and takes persons reached at its last month', () => {
    expect(summarizeParticipationYear(data, 2021)).toEqual({
      activities: 9,
      attendances: 120,
      reached: 44,
      reachedSuppressed: false,
      target: 41,
    });
  });

  it('for a year in progress, takes the latest month so far', () => {
    expect(summarizeParticipationYear(data, 2022)).toMatchObject({ activities: 9, reached: 52, target: 81 });
  });

  it('has no persons reached before any data', () => {
    expect(summarizeParticipationYear(data, 2020)).toEqual({
      activities: 0,
      attendances: 0,
      reached: null,
      reachedSuppressed: false,
      target: null,
    });
  });

  it("in the auditor's view, reads persons reached at the year's end and tells a hidden figure from a missing one", () => {
    // The auditor's answer: persons reached only at each year's last month (the reach indicator's value).
    const auditor: CommunityParticipation = {
      ...data,
      periods: [
        { ...period('2021-11', 6, 80, 0), cumulativeParticipants: null },
        { ...period('2021-12', 3, 40, 0), cumulativeParticipants: 44 },
        { ...period('2022-01', 4, 50, 0), cumulativeParticipants: null },
        { ...period('2022-12', 4, 50, 0), cumulativeParticipants: null, suppressed: ['cumulativeParticipants'] },
      ],
    };
    expect(summarizeParticipationYear(auditor, 2021)).toMatchObject({ reached: 44, reachedSuppressed: false });
    expect(summarizeParticipationYear(auditor, 2022)).toMatchObject({ reached: null, reachedSuppressed: true });
  });
});
