import { describe, expect, it } from 'vitest';
import {
  addIsoWeeks,
  isoWeekOfDate,
  isoWeekRange,
  isoWeeksBetween,
  isoWeekStartDate,
  parseIsoWeek,
  sameIsoWeekYearBefore,
  weeksInIsoYear,
} from './iso-week.ts';

describe('ISO weeks', () => {
  it('finds the ISO week of a date, across year ends', () => {
    expect(isoWeekOfDate('2021-01-01')).toBe('2020-W53');
    expect(isoWeekOfDate('2021-01-04')).toBe('2021-W01');
    expect(isoWeekOfDate('2022-10-17')).toBe('2022-W42');
    expect(isoWeekOfDate('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOfDate('2023-12-31')).toBe('2023-W52');
  });

  it('knows 52- and 53-week years', () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2021)).toBe(52);
    expect(weeksInIsoYear(2026)).toBe(53);
  });

  it('does week arithmetic through Mondays', () => {
    expect(isoWeekStartDate('2021-W01')).toBe('2021-01-04');
    expect(addIsoWeeks('2020-W52', 1)).toBe('2020-W53');
    expect(addIsoWeeks('2020-W53', 1)).toBe('2021-W01');
    expect(addIsoWeeks('2021-W01', -1)).toBe('2020-W53');
    expect(isoWeeksBetween('2020-W50', '2021-W02')).toBe(5);
    expect(isoWeekRange('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
  });

  it('maps a week to the same week a year before, week 53 to week 52', () => {
    expect(sameIsoWeekYearBefore('2022-W42')).toBe('2021-W42');
    expect(sameIsoWeekYearBefore('2021-W52')).toBe('2020-W52');
    expect(sameIsoWeekYearBefore('2027-W01')).toBe('2026-W01');
    expect(sameIsoWeekYearBefore('2026-W53')).toBe('2025-W52');
  });

  it('rejects what is not a week', () => {
    expect(() => parseIsoWeek('2021-42')).toThrow(/ISO week/);
    expect(() => parseIsoWeek('2021-W53')).toThrow(/no week 53/);
  });
});
