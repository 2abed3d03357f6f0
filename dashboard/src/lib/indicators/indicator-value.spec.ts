import { describe, expect, it } from 'vitest';
import {
  auditFigure,
  formatAchievement,
  formatCount,
  scopeName,
  formatIndicatorFigure,
  formatShortfall,
  indexIndicatorValues,
  indicatorValueLookup,
  showsExpected,
} from './indicator-value';
import { indicatorRow } from './indicator-row.fixture';

const row = indicatorRow;

describe('formatIndicatorFigure', () => {
  it('keeps null as "no value", never 0', () => {
    expect(formatIndicatorFigure(null, 'persons', 'pl')).toBeNull();
    expect(formatIndicatorFigure(Number.NaN, 'persons', 'pl')).toBeNull();
  });

  it('shows a real zero as 0', () => {
    expect(formatIndicatorFigure(0, 'activities', 'pl')).toBe('0');
  });

  it('formats percentage indicators as percentages with one decimal', () => {
    expect(formatIndicatorFigure(58.3, 'percent', 'pl')).toBe('58,3%');
    expect(formatIndicatorFigure(70, 'percent', 'en')).toBe('70%');
  });

  it('formats counts as numbers', () => {
    expect(formatIndicatorFigure(1260, 'persons', 'en')).toBe('1,260');
  });
});

describe('formatAchievement', () => {
  it('formats the fraction as a whole percentage, truncated', () => {
    expect(formatAchievement(0.885, 'pl')).toBe('88%');
    expect(formatAchievement(1.034, 'en')).toBe('103%');
    expect(formatAchievement(1, 'pl')).toBe('100%');
    expect(formatAchievement(null, 'pl')).toBeNull();
  });

  it('never shows a value below its target as the target', () => {
    // R2 in 2023: 69.9% of a 70% target (the API's achievement, truncated to four places).
    expect(formatAchievement(0.9985, 'pl')).toBe('99,8%');
    expect(formatAchievement(69.9 / 70, 'en')).toBe('99.8%');
    expect(formatAchievement(0.9999, 'pl')).toBe('99,9%');
    expect(formatAchievement(0.995, 'pl')).toBe('99,5%');
    expect(formatAchievement(0.99, 'pl')).toBe('99%');
    expect(formatAchievement(0.9899, 'pl')).toBe('98%');
  });

  it('does not cut float noise off as a shortfall', () => {
    // 0.29 × 100 is 28.999… in floats.
    expect(formatAchievement(0.29, 'pl')).toBe('29%');
    expect(formatAchievement(1.1, 'pl')).toBe('110%');
  });
});

describe('formatShortfall', () => {
  it('says how far a year that is over fell short of its target, in its unit', () => {
    expect(formatShortfall(row({ status: 'not_achieved', unit: 'percent', value: 69.9, target: 70 }), 'pl')).toBe('brakuje 0,1 pkt proc. do celu');
    expect(formatShortfall(row({ status: 'not_achieved', unit: 'persons', value: 112, target: 117 }), 'en')).toBe('5 short of the target');
  });

  it('says nothing for any other status, or without a value', () => {
    expect(formatShortfall(row({ status: 'achieved', value: 141, target: 117 }), 'pl')).toBeNull();
    expect(formatShortfall(row({ status: 'behind', value: 100, target: 180 }), 'pl')).toBeNull();
    expect(formatShortfall(row({ status: 'not_achieved', value: null, target: 70 }), 'pl')).toBeNull();
  });
});

describe('indexIndicatorValues', () => {
  it('indexes rows by code and scope', () => {
    const index = indexIndicatorValues([
      row({ code: 'P1', community: 'ALL', value: 230 }),
      row({ code: 'P1', community: 'WZG', value: 121 }),
      row({ code: 'R2', community: 'ALL', value: null }),
    ]);
    expect(index.get('P1')?.get('WZG')?.value).toBe(121);
    expect(index.get('P1')?.get('ALL')?.value).toBe(230);
    expect(index.get('R2')?.get('ALL')?.value).toBeNull();
    expect(index.get('P9')).toBeUndefined();
  });
});

describe('showsExpected', () => {
  it('only when expected-to-date differs from the target (a year in progress)', () => {
    expect(showsExpected(row({ expected: 180, target: 180 }))).toBe(false);
    expect(showsExpected(row({ expected: 132.4, target: 180 }))).toBe(true);
    expect(showsExpected(row({ expected: null }))).toBe(false);
  });
});

describe('indicatorValueLookup', () => {
  it('finds a row by code, scope and year', () => {
    const lookup = indicatorValueLookup([
      row({ code: 'P1', community: 'ALL', year: 2021, value: 90 }),
      row({ code: 'P1', community: 'ALL', year: 2022, value: 170 }),
      row({ code: 'P1', community: 'OST', year: 2022, value: 45 }),
    ]);
    expect(lookup('P1', 'ALL', 2022)?.value).toBe(170);
    expect(lookup('P1', 'OST', 2022)?.value).toBe(45);
    expect(lookup('P1', 'OST', 2021)).toBeUndefined();
    expect(lookup('P2', 'ALL', 2022)).toBeUndefined();
  });
});

describe('auditFigure', () => {
  it('shows a figure in its unit, "–" where there is none, "<3" where the value is suppressed', () => {
    expect(auditFigure(row({ value: 58.3, unit: 'percent' }), 'value', 'pl')).toBe('58,3%');
    expect(auditFigure(row({ target: null }), 'target', 'pl')).toBe('–');
    expect(auditFigure(undefined, 'baseline', 'en')).toBe('–');
    expect(auditFigure(row({ value: null, suppressed: ['value'] }), 'value', 'en')).toBe('<3');
    // Only the value is hidden; the target of the same row shows.
    expect(auditFigure(row({ value: null, target: 180, suppressed: ['value'] }), 'target', 'en')).toBe('180');
  });
});

describe('formatCount', () => {
  it('formats a count, and shows a suppressed one as "<3"', () => {
    expect(formatCount(1260, 'en')).toBe('1,260');
    expect(formatCount(0, 'pl')).toBe('0');
    expect(formatCount(null, 'pl')).toBe('<3');
    expect(formatCount(undefined, 'en')).toBe('<3');
  });
});

describe('scopeName', () => {
  it('names the whole project in the language shown, a community by its code', () => {
    expect(scopeName('ALL', 'pl')).toBe('Cały projekt');
    expect(scopeName('ALL', 'en')).toBe('Whole project');
    expect(scopeName('OST', 'pl')).toBe('OST');
  });
});
