import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { CommunityParticipation } from '$lib/api/client';
import { participationPeriod as period } from '$lib/participation/participation.fixtures';
import { monthsBetween } from '$lib/participation/participation-series';
import { buildParticipationTrendOptions, PARTICIPATION_SERIES_IDS, type ParticipationChartLabels } from './participation-chart.options';
import { CHART_COLORS } from './chart-theme';

const labels: ParticipationChartLabels = {
  attendances: 'Obecności w miesiącu',
  cumulative: 'Osoby objęte (narastająco)',
  targetPath: 'Ścieżka celu P1',
  activities: 'Działania',
  axisAttendances: 'Obecności',
  axisPersons: 'Osoby',
  formatAxisMonth: (p) => `m${p.slice(5)}`,
  formatLongMonth: (p) => `month ${p}`,
  formatNumber: (v) => String(v).replace('.', ','),
};

const data: CommunityParticipation = {
  community: { code: 'WZG', name: 'Mieszkańcy Os. Wzgórze' },
  grain: 'month',
  periods: [period('2021-01', 4, 57, 21), period('2021-02', 5, 60, 27), period('2021-04', 6, 66, 35)],
  targetPath: [
    { period: '2021-01', expected: 3.4821 },
    { period: '2021-02', expected: 6.6 },
    { period: '2021-03', expected: 10.1 },
    { period: '2021-04', expected: 13.5 },
  ],
  target: { indicator: 'P1', baseline: 0, targets: { '2021': 41 } },
};

const months = monthsBetween('2021-01-01', '2023-12-31');

function build(settings = {}) {
  return buildParticipationTrendOptions(data, labels, { months, ...settings });
}

function seriesById<T>(option: ReturnType<typeof build>, id: string): T {
  const series = option.series as Array<{ id?: string }>;
  const found = series.find((s) => s.id === id);
  if (!found) throw new Error(`no series ${id}`);
  return found as T;
}

function categoryAxis(option: ReturnType<typeof build>) {
  return (option.xAxis as Array<{ type: string; data?: string[]; axisLabel?: Record<string, unknown> }>)[0];
}

describe('buildParticipationTrendOptions', () => {
  it('puts all 36 project months on the x axis', () => {
    const axis = categoryAxis(build());
    expect(axis.type).toBe('category');
    expect(axis.data).toHaveLength(36);
    expect(axis.data?.[0]).toBe('2021-01');
    expect(axis.data?.at(-1)).toBe('2023-12');
  });

  it('draws attendances as bars on the left axis', () => {
    const bar = seriesById<BarSeriesOption>(build(), PARTICIPATION_SERIES_IDS.attendances);
    expect(bar.type).toBe('bar');
    expect(bar.yAxisIndex).toBe(0);
    expect(bar.name).toBe(labels.attendances);
    expect((bar.data as unknown[]).slice(0, 4)).toEqual([57, 60, null, 66]);
  });

  it('leaves months without figures as gaps, not zeros', () => {
    const line = seriesById<LineSeriesOption>(build(), PARTICIPATION_SERIES_IDS.cumulative);
    expect((line.data as unknown[]).slice(0, 5)).toEqual([21, 27, null, 35, null]);
    expect(line.connectNulls).toBe(false);
  });

  it('draws persons reached and the target path on the right (persons) axis, the target dashed', () => {
    const option = build();
    const cumulative = seriesById<LineSeriesOption>(option, PARTICIPATION_SERIES_IDS.cumulative);
    const target = seriesById<LineSeriesOption>(option, PARTICIPATION_SERIES_IDS.targetPath);
    expect(cumulative.yAxisIndex).toBe(1);
    expect(target.yAxisIndex).toBe(1);
    expect(target.lineStyle?.type).toBe('dashed');
    expect(cumulative.lineStyle?.type ?? 'solid').toBe('solid');
    expect((target.data as unknown[]).slice(0, 4)).toEqual([3.5, 6.6, 10.1, 13.5]);
  });

  it('has two named y axes starting at zero', () => {
    const yAxis = build().yAxis as Array<{ name: string; min: number }>;
    expect(yAxis.map((a) => a.name)).toEqual(['Obecności', 'Osoby']);
    expect(yAxis.every((a) => a.min === 0)).toBe(true);
  });

  it('lists the three series in the legend in the chosen language', () => {
    const legend = build().legend as { data: Array<{ name: string }> };
    expect(legend.data.map((d) => d.name)).toEqual([labels.attendances, labels.cumulative, labels.targetPath]);
  });

  it('uses the colour-blind-safe palette', () => {
    const option = build();
    expect(option.color).toEqual([CHART_COLORS.attendances, CHART_COLORS.cumulative, CHART_COLORS.targetPath]);
  });

  it('shades the chosen year over whole months', () => {
    const band = seriesById<LineSeriesOption>(build({ highlightYear: 2022 }), PARTICIPATION_SERIES_IDS.highlight);
    expect(band.xAxisIndex).toBe(1);
    expect(band.markArea?.data).toEqual([[{ xAxis: 11.5 }, { xAxis: 23.5 }]]);
    const valueAxis = (build().xAxis as Array<{ min?: number; max?: number }>)[1];
    expect([valueAxis.min, valueAxis.max]).toEqual([-0.5, 35.5]);
  });

  it('shades nothing without a chosen year, or for a year off the axis', () => {
    const ids = (o: ReturnType<typeof build>) => (o.series as Array<{ id: string }>).map((s) => s.id);
    expect(ids(build())).not.toContain(PARTICIPATION_SERIES_IDS.highlight);
    expect(ids(build({ highlightYear: 2030 }))).not.toContain(PARTICIPATION_SERIES_IDS.highlight);
  });

  it('draws for paper without animation, the legend closer to a lower plot, the same series and months', () => {
    const screen = build();
    const paper = build({ print: true });
    expect(screen.animation).toBe(true);
    expect(paper.animation).toBe(false);
    const top = (option: typeof screen) => (option.grid as { top: number }).top;
    expect(top(paper)).toBeLessThan(top(screen));
    expect((paper.legend as { orient: string }).orient).toBe('horizontal');
    expect(paper.series).toEqual(screen.series);
    expect((paper.xAxis as { data: string[] }[])[0].data).toHaveLength(36);
  });

  it('labels quarters, and only half-years when compact, with the year under January', () => {
    const interval = (o: ReturnType<typeof build>) => categoryAxis(o).axisLabel?.interval as (index: number, value: string) => boolean;
    const formatter = categoryAxis(build()).axisLabel?.formatter as (value: string) => string;
    expect(months.filter((m, i) => interval(build())(i, m))).toHaveLength(12);
    expect(months.filter((m, i) => interval(build({ compact: true }))(i, m))).toHaveLength(6);
    expect(formatter('2022-01')).toBe('{month|m01}\n{year|2022}');
    expect(formatter('2022-04')).toBe('{month|m04}');
  });

  it('writes a tooltip with the month, every figure and the activities count', () => {
    const tooltip = build().tooltip as { formatter: (params: unknown) => string };
    const html = tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('month 2021-01');
    expect(html).toContain('<b>57</b>');
    expect(html).toContain('<b>4</b>');
    expect(html).toContain('<b>21</b>');
    expect(html).toContain('<b>3,5</b>');
    expect(html).not.toContain('style=');
  });

  it('shows a dash in the tooltip for a month without figures', () => {
    const tooltip = build().tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 2 }])).toContain('<b>–</b>');
  });

  it('escapes text put into the tooltip HTML', () => {
    const option = buildParticipationTrendOptions(data, { ...labels, attendances: '<img src=x>' }, { months });
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 0 }]);
    expect(html).not.toContain('<img');
  });

  it('without an explicit month list, uses the months present in the data', () => {
    const option = buildParticipationTrendOptions(data, labels);
    expect(categoryAxis(option).data).toEqual(['2021-01', '2021-02', '2021-03', '2021-04']);
  });
});
