import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '$lib/api/client';
import { activityTypeBars, activityTypeName } from './activity-types';

describe('activityTypeName', () => {
  const types = [{ code: 'WARSZTAT', namePl: 'Warsztat', nameEn: 'Workshop', group: 'education' as const }];

  it('names a kind in the language shown, and falls back to its code', () => {
    expect(activityTypeName(types, 'WARSZTAT', 'pl')).toBe('Warsztat');
    expect(activityTypeName(types, 'WARSZTAT', 'en')).toBe('Workshop');
    expect(activityTypeName(types, 'SPOTKANIE', 'pl')).toBe('SPOTKANIE');
    expect(activityTypeName(undefined, 'SPOTKANIE', 'en')).toBe('SPOTKANIE');
  });
});

describe('activityTypeBars', () => {
  const row = (type: string, activities: number | null, attendances: number | null): MetricsRow => ({
    period: '2022',
    periodStart: '2022-01-01',
    type,
    activities,
    attendances,
  });

  it('keeps the kinds with activities, each bar a share of the largest', () => {
    expect(activityTypeBars([row('A', 4, 40), row('B', 0, 0), row('C', 2, 10), row('D', 1, null)])).toEqual([
      { type: 'A', activities: 4, attendances: 40, share: 1 },
      { type: 'C', activities: 2, attendances: 10, share: 0.25 },
      { type: 'D', activities: 1, attendances: null, share: 0 },
    ]);
  });

  it('draws nothing without attendances, rather than dividing by zero', () => {
    expect(activityTypeBars([row('A', 1, 0)])).toEqual([{ type: 'A', activities: 1, attendances: 0, share: 0 }]);
  });
});
