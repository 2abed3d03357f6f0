import { describe, expect, it } from 'vitest';
import { profileCell } from '../auth/report-disclosure.ts';
import { profileTable } from './participant-profile.service.ts';

describe('the participant profile table', () => {
  const persons = new Map([
    [profileCell('OST', 'K', '30-44'), 4],
    [profileCell('OST', 'K', '60-74'), 1],
    [profileCell('OST', 'M', '30-44'), 3],
    [profileCell('OST', 'unknown', 'unknown'), 2],
  ]);

  it('lays the cells out by gender and age band, with row, column and grand totals', () => {
    const table = profileTable('OST', persons, new Set());
    expect(table.rows.map((r) => [r.gender, ...r.persons, r.total])).toEqual([
      ['K', 0, 0, 4, 0, 1, 0, 0, 5],
      ['M', 0, 0, 3, 0, 0, 0, 0, 3],
      ['other', 0, 0, 0, 0, 0, 0, 0, 0],
      ['unknown', 0, 0, 0, 0, 0, 0, 2, 2],
    ]);
    expect(table.totals).toEqual({ persons: [0, 0, 7, 0, 1, 0, 2], total: 10 });
  });

  it('shows a hidden cell, total or not, as null', () => {
    const hidden = new Set([profileCell('OST', 'K', '60-74'), profileCell('OST', 'K', '*'), profileCell('OST', '*', '*')]);
    const table = profileTable('OST', persons, hidden);
    expect(table.rows[0]).toEqual({ gender: 'K', persons: [0, 0, 4, 0, null, 0, 0], total: null });
    expect(table.totals.total).toBeNull();
    expect(table.totals.persons[4]).toBe(1);
  });
});
