import { describe, expect, it } from 'vitest';
import { buildYearSeries } from '$lib/community/community-series';
import { formatPeriod } from '$lib/i18n/format';
import { buildChartAlertSpans, buildChartTarget, buildCommunityChartOption, COMMUNITY_SERIES_IDS } from './community-chart.options';

const labels = {
  attendances: 'Obecności',
  distinct: 'Osoby',
  previousYear: 'Rok wcześniej',
  alert: 'spadek',
  formatPeriod: (p: string) => p,
  formatPeriodLong: (p: string) => formatPeriod(p, 'pl', 'long'),
  formatNumber: (v: number) => String(v),
};
const row = (period: string, attendances: number, distinct: number) => ({
  period,
  periodStart: '',
  attendances,
  distinctParticipants: distinct,
  newParticipants: 0,
  returningParticipants: distinct,
  activities: 1,
});

describe('buildCommunityChartOption', () => {
  it('titles the tooltip with the period in words, never its ISO week code, and escapes the series names', () => {
    const series = buildYearSeries([row('2022-W42', 12, 9)], 2022, 'week');
    const option = buildCommunityChartOption(series, [], { ...labels, attendances: 'Obecności <2022>' });
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter([{ axisValue: '2022-W42', marker: '<span class="m"></span>', seriesName: 'Obecności <2022>', value: 12 }]);
    expect(html).toContain('tydzień od 17 października 2022');
    expect(html).not.toContain('2022-W42');
    expect(html).toContain('<span class="m"></span>Obecności &#60;2022&#62; <b>12</b>');
  });

  it('draws this year, last year on the same weeks, and alerts as shaded spans with their sentence', () => {
    const series = buildYearSeries([row('2021-W43', 30, 20), row('2022-W43', 12, 9)], 2022, 'week');
    const option = buildCommunityChartOption(series, [{ span: ['2022-W42', '2022-W52'], sentence: 'Frekwencja spadła o 42%' }], labels);
    const byId = new Map((option.series as { id: string; data: unknown[]; markArea?: { data: unknown[] } }[]).map((s) => [s.id, s]));
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.data[42]).toBe(12);
    expect(byId.get(COMMUNITY_SERIES_IDS.previous)!.data[42]).toBe(30);
    expect(byId.get(COMMUNITY_SERIES_IDS.distinct)!.data[42]).toBe(9);
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.data[0]).toBeNull();
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.markArea!.data).toEqual([
      [{ xAxis: '2022-W42', name: 'Frekwencja spadła o 42%' }, { xAxis: '2022-W52' }],
    ]);
  });

  it('adds persons reached and the target path on a right axis when given', () => {
    const series = buildYearSeries([row('2022-03', 12, 9)], 2022, 'month');
    const reached = series.periods.map((_, i) => (i < 3 ? 10 + i : null));
    const path = series.periods.map((_, i) => 5 * (i + 1));
    const option = buildCommunityChartOption(series, [], labels, false, { reached, path, reachedLabel: 'Osoby objęte', pathLabel: 'Ścieżka celu' });
    const byId = new Map((option.series as { id: string; data: unknown[]; yAxisIndex?: number }[]).map((s) => [s.id, s]));
    expect(byId.get(COMMUNITY_SERIES_IDS.targetPath)).toMatchObject({ yAxisIndex: 1, data: path });
    expect(byId.get(COMMUNITY_SERIES_IDS.reached)!.data.slice(0, 4)).toEqual([10, 11, 12, null]);
    expect(Array.isArray(option.yAxis)).toBe(true);
  });

  it('draws no shading without alerts', () => {
    const option = buildCommunityChartOption(buildYearSeries([], 2022, 'month'), [], labels);
    expect((option.series as { markArea?: unknown }[])[0].markArea).toBeUndefined();
  });
});

describe('buildChartAlertSpans', () => {
  const alert = (since: string, lastWeek: string) => ({
    since,
    lastWeek,
    status: 'active' as const,
    sentencePl: `spadek od ${since}`,
    sentenceEn: `decline since ${since}`,
  });

  it('keeps the alerts on the axis, clipped to it, with the sentence in the language shown', () => {
    const periods = buildYearSeries([], 2022, 'week').periods;
    const spans = buildChartAlertSpans([alert('2022-W42', '2023-W03'), alert('2020-W10', '2020-W20')], periods, 'week', 'en');
    expect(spans).toEqual([{ span: ['2022-W42', '2022-W52'], sentence: 'decline since 2022-W42' }]);
    expect(buildChartAlertSpans([alert('2022-W42', '2022-W46')], buildYearSeries([], 2022, 'month').periods, 'month', 'pl')).toEqual([
      { span: ['2022-10', '2022-11'], sentence: 'spadek od 2022-W42' },
    ]);
  });
});

describe('buildChartTarget', () => {
  const reach = {
    periods: [
      { period: '2022-01', cumulativeParticipants: 40 },
      { period: '2022-02', cumulativeParticipants: 44 },
    ],
    targetPath: [
      { period: '2022-01', expected: 38 },
      { period: '2022-03', expected: 50 },
    ],
    target: { indicator: 'P1', baseline: 0, targets: { '2022': 86 } },
  } as unknown as Parameters<typeof buildChartTarget>[2];
  const names = { reachedLabel: 'Osoby objęte', pathLabel: 'Ścieżka celu' };

  it('puts persons reached and the target path on the months of the axis', () => {
    const target = buildChartTarget(['2022-01', '2022-02', '2022-03'], 'month', reach, names);
    expect(target).toEqual({ reached: [40, 44, null], path: [38, null, 50], ...names });
  });

  it('draws no target by week, or without one', () => {
    expect(buildChartTarget(['2022-W01'], 'week', reach, names)).toBeNull();
    expect(buildChartTarget(['2022-01'], 'month', { ...reach!, target: null }, names)).toBeNull();
    expect(buildChartTarget(['2022-01'], 'month', null, names)).toBeNull();
  });
});
