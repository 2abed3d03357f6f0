import { describe, expect, it } from 'vitest';
import {
  buildYearSeries,
  communityMetricsQueries,
  dateSpan,
  isoWeekOfDate,
  isoWeekStart,
  isoWeeksInYear,
  offeredGrains,
  periodRange,
  shownGrain,
  type SeriesRow,
} from './community-series';

const row = (period: string, attendances: number): SeriesRow => ({
  period,
  periodStart: '',
  attendances,
  distinctParticipants: attendances,
  newParticipants: 0,
  returningParticipants: attendances,
  activities: 1,
});

describe('ISO weeks', () => {
  it('finds the Monday of a week and the weeks of a year', () => {
    expect(isoWeekStart('2022-W01')).toBe('2022-01-03');
    expect(isoWeekStart('2021-W01')).toBe('2021-01-04');
    expect(isoWeekStart('2020-W53')).toBe('2020-12-28');
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2022)).toBe(52);
  });
});

describe('buildYearSeries', () => {
  it('lays a year on its weeks with last year’s figures on the same week numbers', () => {
    const series = buildYearSeries([row('2021-W05', 10), row('2022-W05', 7), row('2022-W06', 8)], 2022, 'week');
    expect(series.periods).toHaveLength(52);
    expect(series.current[4]?.attendances).toBe(7);
    expect(series.previous[4]?.attendances).toBe(10);
    expect(series.current[0]).toBeNull();
    expect(series.previous[5]).toBeNull();
  });

  it('does the same by month', () => {
    const series = buildYearSeries([row('2021-03', 40), row('2022-03', 31)], 2022, 'month');
    expect(series.periods[2]).toBe('2022-03');
    expect([series.current[2]?.attendances, series.previous[2]?.attendances]).toEqual([31, 40]);
  });
});

describe('dateSpan', () => {
  // An alert's weeks: Monday of 2022-W42 to Sunday of 2023-W06.
  const days = { from: '2022-10-17', to: '2023-02-12' };

  it('clips a span of days to the year shown, by week and by month', () => {
    const weeks2022 = buildYearSeries([], 2022, 'week').periods;
    expect(dateSpan(days, weeks2022, 'week')).toEqual(['2022-W42', '2022-W52']);
    const weeks2023 = buildYearSeries([], 2023, 'week').periods;
    expect(dateSpan(days, weeks2023, 'week')).toEqual(['2023-W01', '2023-W06']);
    expect(dateSpan(days, buildYearSeries([], 2023, 'month').periods, 'month')).toEqual(['2023-01', '2023-02']);
    expect(dateSpan(days, buildYearSeries([], 2021, 'week').periods, 'week')).toBeNull();
  });

  it('shades only the weeks given, not the rest of the year', () => {
    const weeks2023 = buildYearSeries([], 2023, 'week').periods;
    expect(dateSpan({ from: '2023-09-04', to: '2023-12-17' }, weeks2023, 'week')).toEqual(['2023-W36', '2023-W50']);
  });
});

describe('isoWeekOfDate', () => {
  it('names the ISO week of a day, the Thursday deciding the year', () => {
    expect(isoWeekOfDate('2022-10-17')).toBe('2022-W42');
    expect(isoWeekOfDate('2022-10-23')).toBe('2022-W42');
    expect(isoWeekOfDate('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOfDate('2024-12-30')).toBe('2025-W01');
  });
});

describe('periodRange', () => {
  it('gives the dates of a week and of a month', () => {
    expect(periodRange('2022-W42')).toEqual({ from: '2022-10-17', to: '2022-10-23' });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('communityMetricsQueries', () => {
  it('asks for the year and the one before by the chosen grain, and the year alone by kind', () => {
    const { series, byType } = communityMetricsQueries('OST', 'month', 2022);
    expect(series).toEqual({
      measures: ['activities', 'attendances', 'distinctParticipants', 'newParticipants', 'returningParticipants'],
      grain: 'month',
      communities: ['OST'],
      from: '2021-01-01',
      to: '2022-12-31',
    });
    expect(byType).toEqual({
      measures: ['activities', 'attendances'],
      grain: 'year',
      dimensions: ['type'],
      communities: ['OST'],
      from: '2022-01-01',
      to: '2022-12-31',
    });
  });
});

describe('the auditor’s community page', () => {
  const auditor = { personGrains: ['month', 'year'], personsByGroupOrType: false };
  const director = { personGrains: ['week', 'month', 'quarter', 'year'], personsByGroupOrType: true };

  it('offers weeks only to a viewer given persons by week, and shows months where weeks are not offered', () => {
    expect(offeredGrains(auditor)).toEqual(['month']);
    expect(offeredGrains(director)).toEqual(['week', 'month']);
    expect(offeredGrains(null)).toEqual(['week', 'month']);
    expect(shownGrain('week', offeredGrains(auditor))).toBe('month');
    expect(shownGrain('week', offeredGrains(director))).toBe('week');
    expect(shownGrain('month', offeredGrains(director))).toBe('month');
  });

  it('asks the auditor for activities by kind without attendances, which that view refuses', () => {
    const { series, byType } = communityMetricsQueries('LAZ', shownGrain('week', offeredGrains(auditor)), 2023, auditor.personsByGroupOrType);
    expect(series.grain).toBe('month');
    expect(byType.measures).toEqual(['activities']);
    expect(byType.dimensions).toEqual(['type']);
  });
});
