import { describe, expect, it } from 'vitest';
import { suppressIndicatorValues } from './suppress-figures.ts';

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
