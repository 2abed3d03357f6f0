// The participation trend chart of one community, as a pure ECharts option (tested without a DOM):
// monthly attendances as bars (left axis), persons reached to date as a line and the P1 target path
// as a dashed line (both on the right axis).
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkAreaComponentOption, TooltipComponentOption } from 'echarts/components';
import type { CommunityParticipation } from '$lib/api/client';
import { CHART_COLORS, CHART_TEXT } from './chart-theme';
import { hasIsolatedPoints } from './line-points';

export type ParticipationTrendOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkAreaComponentOption
>;

export interface ParticipationChartLabels {
  attendances: string;
  cumulative: string;
  targetPath: string;
  activities: string;
  axisAttendances: string;
  axisPersons: string;
  /** "2021-04" → the month's short name on the axis, e.g. "kwi"; January also gets the year. */
  formatAxisMonth: (period: string) => string;
  /** "2021-01" → the tooltip's title, e.g. "styczeń 2021". */
  formatLongMonth: (period: string) => string;
  formatNumber: (value: number) => string;
}

export interface ParticipationChartSettings {
  /** The months on the x axis; by default, those present in the data. */
  months?: readonly string[];
  /** A year shaded in the background (the year chosen on the page). */
  highlightYear?: number | null;
  /** A narrow chart (a phone): half-yearly month labels and the legend stacked in rows. */
  compact?: boolean;
  /** Drawn for paper (the printed overview): a low chart, so the legend and axis names sit closer and smaller, and nothing animates. */
  print?: boolean;
}

const QUARTER_MONTHS = new Set(['01', '04', '07', '10']);
const HALF_YEAR_MONTHS = new Set(['01', '07']);

export const PARTICIPATION_SERIES_IDS = {
  attendances: 'attendances',
  cumulative: 'cumulative',
  targetPath: 'targetPath',
  highlight: 'highlightYear',
} as const;

export function buildParticipationTrendOptions(
  data: CommunityParticipation,
  labels: ParticipationChartLabels,
  settings: ParticipationChartSettings = {},
): ParticipationTrendOption {
  const months = settings.months?.length ? [...settings.months] : monthsInData(data);
  const byMonth = new Map(data.periods.map((p) => [p.period, p]));
  const targetByMonth = new Map(data.targetPath.map((p) => [p.period, p.expected]));

  // Missing months are gaps (null), not zeros: "no figures" is not "nobody came".
  const attendances = months.map((m) => byMonth.get(m)?.attendances ?? null);
  const cumulative = months.map((m) => byMonth.get(m)?.cumulativeParticipants ?? null);
  const targetPath = months.map((m) => roundTo(targetByMonth.get(m) ?? null, 1));
  const activities = months.map((m) => byMonth.get(m)?.activities ?? null);

  const compact = settings.compact ?? false;
  const print = settings.print ?? false;
  const labelledMonths = compact ? HALF_YEAR_MONTHS : QUARTER_MONTHS;

  const highlight = settings.highlightYear ? yearRange(months, settings.highlightYear) : null;

  const formatValue = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? labels.formatNumber(value) : '–');

  const bar: BarSeriesOption = {
    id: PARTICIPATION_SERIES_IDS.attendances,
    name: labels.attendances,
    type: 'bar',
    yAxisIndex: 0,
    data: attendances,
    barMaxWidth: 14,
    itemStyle: { color: CHART_COLORS.attendances, borderRadius: [2, 2, 0, 0] },
    emphasis: { focus: 'none' },
  };

  // The chosen year as a shaded band. It hangs on a hidden value axis (index 1, −0.5 … n−0.5)
  // that lines up with the category axis, so the band covers whole months, not centre to centre.
  const highlightBand: LineSeriesOption | null = highlight
    ? {
        id: PARTICIPATION_SERIES_IDS.highlight,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 0,
        data: [],
        silent: true,
        tooltip: { show: false },
        markArea: {
          silent: true,
          itemStyle: { color: CHART_COLORS.highlight },
          label: {
            show: true,
            position: 'insideTop',
            color: CHART_TEXT.muted,
            fontSize: 11,
            fontWeight: 600,
            formatter: String(settings.highlightYear),
          },
          data: [[{ xAxis: highlight[0] - 0.5 }, { xAxis: highlight[1] + 0.5 }]],
        },
        z: 0,
      }
    : null;

  const cumulativeLine: LineSeriesOption = {
    id: PARTICIPATION_SERIES_IDS.cumulative,
    name: labels.cumulative,
    type: 'line',
    yAxisIndex: 1,
    data: cumulative,
    // The auditor's persons reached are year-end points only.
    showSymbol: hasIsolatedPoints(cumulative),
    symbol: 'circle',
    symbolSize: 6,
    connectNulls: false,
    lineStyle: { width: 2.5, color: CHART_COLORS.cumulative },
    itemStyle: { color: CHART_COLORS.cumulative },
    z: 3,
  };

  const targetLine: LineSeriesOption = {
    id: PARTICIPATION_SERIES_IDS.targetPath,
    name: labels.targetPath,
    type: 'line',
    yAxisIndex: 1,
    data: targetPath,
    showSymbol: false,
    symbol: 'none',
    connectNulls: true,
    lineStyle: { width: 2, type: 'dashed', color: CHART_COLORS.targetPath },
    itemStyle: { color: CHART_COLORS.targetPath },
    z: 2,
  };

  return {
    // A short entry: the director reads the chart, not the animation.
    animation: !print,
    animationDuration: 400,
    color: [CHART_COLORS.attendances, CHART_COLORS.cumulative, CHART_COLORS.targetPath],
    textStyle: { fontFamily: CHART_TEXT.fontFamily, color: CHART_TEXT.body },
    grid: { left: 8, right: 8, top: compact ? 104 : print ? 38 : 56, bottom: 8 },
    legend: {
      top: 0,
      left: 0,
      orient: compact ? 'vertical' : 'horizontal',
      itemWidth: 22,
      itemHeight: 10,
      itemGap: print ? 10 : 14,
      textStyle: { color: CHART_TEXT.body, fontSize: print ? 10 : 12 },
      data: [
        { name: labels.attendances, icon: 'roundRect' },
        { name: labels.cumulative, icon: 'path://M0,5 L22,5 L22,7 L0,7 Z' },
        // A dashed stroke in the legend, like the line itself.
        { name: labels.targetPath, icon: 'path://M0,5 L6,5 L6,7 L0,7 Z M8,5 L14,5 L14,7 L8,7 Z M16,5 L22,5 L22,7 L16,7 Z' },
      ],
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(0, 0, 0, 0.05)' } },
      confine: true,
      backgroundColor: '#ffffff',
      borderColor: '#d7dbe0',
      textStyle: { color: CHART_TEXT.body, fontSize: 12 },
      formatter: (params: unknown) => {
        const items = Array.isArray(params) ? params : [params];
        const first = items[0] as { dataIndex?: number } | undefined;
        const index = first?.dataIndex ?? 0;
        const month = months[index];
        if (month === undefined) return '';
        const rows = [
          tooltipRow('attendances', labels.attendances, formatValue(attendances[index])),
          tooltipRow('activities', labels.activities, formatValue(activities[index])),
          tooltipRow('cumulative', labels.cumulative, formatValue(cumulative[index])),
          tooltipRow('target-path', labels.targetPath, formatValue(targetPath[index])),
        ];
        return `<div class="chart-tooltip"><strong>${escapeHtml(labels.formatLongMonth(month))}</strong>${rows.join('')}</div>`;
      },
    },
    xAxis: [
      {
        type: 'category',
        data: months,
        axisTick: {
          alignWithLabel: true,
          interval: (_index: number, value: string) => labelledMonths.has(value.slice(5, 7)),
          lineStyle: { color: CHART_TEXT.axisLine },
        },
        axisLine: { lineStyle: { color: CHART_TEXT.axisLine } },
        axisLabel: {
          color: CHART_TEXT.muted,
          fontSize: 11,
          interval: (_index: number, value: string) => labelledMonths.has(value.slice(5, 7)),
          lineHeight: 15,
          formatter: (value: string) =>
            value.endsWith('-01') ? `{month|${labels.formatAxisMonth(value)}}\n{year|${value.slice(0, 4)}}` : `{month|${labels.formatAxisMonth(value)}}`,
          rich: {
            month: { color: CHART_TEXT.muted, fontSize: 11, lineHeight: 15 },
            year: { color: CHART_TEXT.body, fontSize: 11, fontWeight: 600, lineHeight: 15 },
          },
        },
      },
      {
        type: 'value',
        show: false,
        axisPointer: { show: false },
        min: -0.5,
        max: Math.max(0.5, months.length - 0.5),
      },
    ],
    yAxis: [
      {
        type: 'value',
        name: labels.axisAttendances,
        nameLocation: 'end',
        nameTextStyle: { color: CHART_TEXT.muted, fontSize: 11, align: 'left' },
        min: 0,
        minInterval: 1,
        // A low chart on paper: three steps, so the axis labels keep apart.
        ...(print ? { splitNumber: 3 } : {}),
        axisLine: { show: false, onZero: false },
        axisTick: { show: false },
        axisLabel: { color: CHART_TEXT.muted, fontSize: 11, formatter: (v: number) => labels.formatNumber(v) },
        splitLine: { lineStyle: { color: CHART_TEXT.gridLine } },
      },
      {
        type: 'value',
        name: labels.axisPersons,
        nameLocation: 'end',
        nameTextStyle: { color: CHART_TEXT.muted, fontSize: 11, align: 'right' },
        min: 0,
        minInterval: 1,
        alignTicks: true,
        axisLine: { show: false, onZero: false },
        axisTick: { show: false },
        axisLabel: { color: CHART_TEXT.muted, fontSize: 11, formatter: (v: number) => labels.formatNumber(v) },
        splitLine: { show: false },
      },
    ],
    series: highlightBand ? [bar, cumulativeLine, targetLine, highlightBand] : [bar, cumulativeLine, targetLine],
  };
}

function monthsInData(data: CommunityParticipation): string[] {
  const all = new Set<string>([...data.periods.map((p) => p.period), ...data.targetPath.map((p) => p.period)]);
  return [...all].sort();
}

/** The first and last index of `year`'s months on the axis. */
function yearRange(months: readonly string[], year: number): [number, number] | null {
  const prefix = `${year}-`;
  const first = months.findIndex((m) => m.startsWith(prefix));
  if (first < 0) return null;
  const last = months.findLastIndex((m) => m.startsWith(prefix));
  return [first, last];
}

function roundTo(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

// Markers are coloured by class (see app.css), not inline styles: friendlier to a strict CSP.
function tooltipRow(kind: string, name: string, value: string): string {
  const marker = `<span class="chart-tooltip__marker chart-tooltip__marker--${kind}"></span>`;
  return `<div class="chart-tooltip__row">${marker}<span>${escapeHtml(name)}</span><b>${escapeHtml(value)}</b></div>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
