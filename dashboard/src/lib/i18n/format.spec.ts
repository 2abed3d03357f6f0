import { describe, expect, it } from 'vitest';
import {
  calendarDateIn,
  formatDate,
  formatDateInWords,
  formatDateRange,
  formatDateTime,
  formatLongDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatProbability,
  formatPeriodDates,
  isLang,
  isoWeekDates,
  isoWeekMonday,
} from './format';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('uses the Polish decimal comma and grouping', () => {
    expect(formatNumber(1234.5, 'pl')).toBe('1234,5');
    expect(formatNumber(12345.67, 'pl')).toBe(`12${NBSP}345,7`);
  });

  it('uses the English decimal point and grouping', () => {
    expect(formatNumber(12345.67, 'en')).toBe('12,345.7');
  });

  it('respects the number of fraction digits', () => {
    expect(formatNumber(14.25, 'pl', 2)).toBe('14,25');
    expect(formatNumber(14.25, 'pl', 0)).toBe('14');
  });
});

describe('formatPercent', () => {
  it('formats a fraction as a percentage', () => {
    expect(formatPercent(0.874, 'pl')).toBe('87%');
    expect(formatPercent(1.234, 'en')).toBe('123%');
    expect(formatPercent(0.583, 'pl', 1)).toBe('58,3%');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in Europe/Warsaw (winter time, UTC+1)', () => {
    expect(formatDateTime('2026-11-27T16:00:00.000Z', 'pl')).toBe('27.11.2026, 17:00');
    expect(formatDateTime('2026-11-27T16:00:00.000Z', 'en')).toBe('27/11/2026, 17:00');
  });

  it('shows an instant in Europe/Warsaw (summer time, UTC+2)', () => {
    expect(formatDateTime('2026-07-01T10:30:00Z', 'pl')).toBe('01.07.2026, 12:30');
  });

  it('moves to the next day in Warsaw late in the UTC evening', () => {
    expect(formatDateTime('2023-12-31T23:30:00Z', 'pl')).toBe('01.01.2024, 00:30');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatDateTime('not a date', 'pl')).toBe('not a date');
  });
});

describe('formatDate and formatMonth', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2021-01-01', 'pl')).toBe('01.01.2021');
    expect(formatDate('2023-12-31', 'en')).toBe('31/12/2023');
  });

  it('names months in each language', () => {
    expect(formatMonth('2021-01', 'pl', 'long')).toBe('styczeń 2021');
    expect(formatMonth('2021-01', 'en', 'long')).toBe('January 2021');
    expect(formatMonth('2022-10', 'pl', 'month')).toBe('paź');
    expect(formatMonth('2022-10', 'en')).toBe('Oct 2022');
  });

  it('leaves anything that is not YYYY-MM alone', () => {
    expect(formatMonth('2022-W05', 'pl')).toBe('2022-W05');
  });
});

describe('calendarDateIn', () => {
  it('gives the calendar date in Warsaw, not in UTC', () => {
    expect(calendarDateIn(new Date('2023-12-31T23:30:00Z'))).toBe('2024-01-01');
    expect(calendarDateIn(new Date('2023-06-15T12:00:00Z'))).toBe('2023-06-15');
  });
});

describe('isLang', () => {
  it('accepts only the supported languages', () => {
    expect(isLang('pl')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});

describe('dates in words (alerts, tooltips)', () => {
  it('writes a calendar date with the month in words, Polish in the genitive', () => {
    expect(formatLongDate('2022-10-17', 'pl')).toBe('17 października 2022');
    expect(formatLongDate('2022-12-05', 'pl')).toBe('5 grudnia 2022');
    expect(formatLongDate('2022-10-17', 'en')).toBe('17 October 2022');
    expect(formatLongDate('2022-W42', 'pl')).toBe('2022-W42');
  });

  it('says a shared month and year once in a span', () => {
    expect(formatDateRange('2022-10-17', '2022-10-23', 'pl')).toBe('17–23 października 2022');
    expect(formatDateRange('2023-09-04', '2023-12-17', 'pl')).toBe('4 września – 17 grudnia 2023');
    expect(formatDateRange('2022-12-26', '2023-01-01', 'pl')).toBe('26 grudnia 2022 – 1 stycznia 2023');
    expect(formatDateRange('2023-09-04', '2023-12-17', 'en')).toBe('4 September – 17 December 2023');
    expect(formatDateRange('2022-10-17', '2022-10-17', 'pl')).toBe('17 października 2022');
  });

  it('gives an ISO week its Monday and Sunday, across the turn of the year too', () => {
    expect(isoWeekDates('2022-W42')).toEqual({ from: '2022-10-17', to: '2022-10-23' });
    expect(isoWeekDates('2021-W01')).toEqual({ from: '2021-01-04', to: '2021-01-10' });
    expect(isoWeekDates('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(isoWeekDates('2022-10')).toBeNull();
  });

  it('names a period by its dates, never by a week code', () => {
    expect(formatPeriodDates('2022-W42', 'pl')).toBe('17–23 października 2022');
    expect(formatPeriodDates('2022-W52', 'pl')).toBe('26 grudnia 2022 – 1 stycznia 2023');
    expect(formatPeriodDates('2022-10', 'pl')).toBe('październik 2022');
    expect(formatPeriodDates('2022-10', 'en')).toBe('October 2022');
  });
});

describe('formatPeriod', () => {
  it('names a week on an axis by its number, and in words by the day it begins, never by its ISO code', () => {
    expect(formatPeriod('2022-W42', 'pl')).toBe('tydz. 42');
    expect(formatPeriod('2022-W42', 'en')).toBe('wk 42');
    expect(formatPeriod('2022-W42', 'pl', 'long')).toBe('tydzień od 17 października 2022');
    expect(formatPeriod('2022-W42', 'en', 'long')).toBe('week of 17 October 2022');
    // Week 1 of 2021 begins in 2020; week 53 of 2020 ends in 2021.
    expect(formatPeriod('2021-W01', 'pl', 'long')).toBe('tydzień od 4 stycznia 2021');
    expect(formatPeriod('2020-W53', 'en', 'long')).toBe('week of 28 December 2020');
    expect(formatPeriod('2022-10', 'pl', 'long')).toBe('październik 2022');
  });

  it('finds the Monday of an ISO week', () => {
    expect(isoWeekMonday(2022, 42)).toBe('2022-10-17');
    expect(isoWeekMonday(2026, 1)).toBe('2025-12-29');
    expect(isoWeekMonday(2015, 53)).toBe('2015-12-28');
  });

  it('writes a date in words', () => {
    expect(formatDateInWords('2022-10-17', 'pl')).toBe('17 października 2022');
    expect(formatDateInWords('2022-10-17', 'en')).toBe('17 October 2022');
  });
});

describe('formatProbability', () => {
  it('gives small probabilities with the decimals they need, and never 0% for a tiny one', () => {
    expect(formatProbability(0.042, 'pl')).toBe('4,2%');
    expect(formatProbability(0.0035, 'en')).toBe('0.35%');
    expect(formatProbability(0.000001, 'pl')).toBe('<0,01%');
    expect(formatProbability(0, 'en')).toBe('0%');
  });
});
