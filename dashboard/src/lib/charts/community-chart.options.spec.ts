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
    const option = buildCommunityChartOption(
      series,
      [{ span: ['2022-W42', '2022-W52'], start: '2022-W42', sentence: 'Frekwencja spadła o 42%', status: 'active' }],
      labels,
    );
    const byId = new Map((option.series as { id: string; data: unknown[]; markArea?: { data: unknown[] } }[]).map((s) => [s.id, s]));
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.data[42]).toBe(12);
    expect(byId.get(COMMUNITY_SERIES_IDS.previous)!.data[42]).toBe(30);
    expect(byId.get(COMMUNITY_SERIES_IDS.distinct)!.data[42]).toBe(9);
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.data[0]).toBeNull();
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.markArea!.data).toEqual([
      [
        {
          xAxis: '2022-W42',
          name: 'Frekwencja spadła o 42%',
          itemStyle: { color: expect.stringContaining('213, 94, 0'), borderColor: expect.any(String) },
          label: { position: 'insideTopLeft', color: expect.any(String), formatter: 'spadek' },
        },
        { xAxis: '2022-W52' },
      ],
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
  const alert = (startsOn: string, from: string, to: string, status: 'active' | 'ended' = 'active') => ({
    startsOn,
    window: { from, to, weeks: 6 },
    status,
    sentencePl: `spadek od ${startsOn}`,
    sentenceEn: `decline since ${startsOn}`,
  });

  it('shades the alert’s weeks on the axis, clipped to it, marks the week it began, with the sentence in the language shown', () => {
    const periods = buildYearSeries([], 2022, 'week').periods;
    const spans = buildChartAlertSpans(
      [alert('2022-10-17', '2022-10-31', '2023-01-22'), alert('2020-03-02', '2020-03-02', '2020-05-17')],
      periods,
      'week',
      'en',
    );
    expect(spans).toEqual([{ span: ['2022-W44', '2022-W52'], start: '2022-W42', sentence: 'decline since 2022-10-17', status: 'active' }]);
    expect(buildChartAlertSpans([alert('2022-10-17', '2022-10-17', '2022-11-20', 'ended')], buildYearSeries([], 2022, 'month').periods, 'month', 'pl')).toEqual(
      [{ span: ['2022-10', '2022-11'], start: '2022-10', sentence: 'spadek od 2022-10-17', status: 'ended' }],
    );
  });

  it('shades only the weeks behind the alert, not the whole year; a fall that began the year before shows as its line there', () => {
    const late = alert('2022-10-17', '2023-09-04', '2023-12-17');
    const [in2023] = buildChartAlertSpans([late], buildYearSeries([], 2023, 'week').periods, 'week', 'pl');
    expect(in2023).toMatchObject({ span: ['2023-W36', '2023-W50'], start: null });
    const [in2022] = buildChartAlertSpans([late], buildYearSeries([], 2022, 'week').periods, 'week', 'pl');
    expect(in2022).toMatchObject({ span: null, start: '2022-W42' });
  });

  it('draws an ended alert in grey with its own label, the start as a line, and names periods in the tooltip by the formatter given', () => {
    const series = buildYearSeries([], 2022, 'week');
    const option = buildCommunityChartOption(series, [{ span: ['2022-W10', '2022-W14'], start: '2022-W08', sentence: 'zakończony', status: 'ended' }], {
      ...labels,
      alertEnded: 'spadek (zakończony)',
      alertStart: 'początek spadku',
      formatPeriodLong: (p) => `dni ${p}`,
    });
    const bars = (
      option.series as {
        markArea?: { data: [{ itemStyle: { borderColor: string }; label: { formatter: string } }, unknown][] };
        markLine?: { data: { xAxis: string; label: { formatter: string } }[] };
      }[]
    )[0]!;
    const area = bars.markArea!.data[0]![0];
    expect(area.label.formatter).toBe('spadek (zakończony)');
    expect(area.itemStyle.borderColor).not.toBe('#D55E00');
    expect(bars.markLine!.data).toEqual([expect.objectContaining({ xAxis: '2022-W08', label: expect.objectContaining({ formatter: 'początek spadku' }) })]);
    const tooltip = option.tooltip as { axisPointer: { label: { formatter: (p: { value: unknown }) => string } } };
    expect(tooltip.axisPointer.label.formatter({ value: '2022-W42' })).toBe('dni 2022-W42');
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
