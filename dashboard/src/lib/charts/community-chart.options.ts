// The community page's chart, as a pure ECharts option: this year's attendances (bars) and
// distinct participants (line) per week or month, last year's attendances on the same weeks
// (dashed), and decline alerts as shaded spans carrying their sentence.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkAreaComponentOption, TooltipComponentOption } from 'echarts/components';
import type { CommunityParticipation, DeclineAlert } from '$lib/api/client';
import { alertSpan, type Grain, type YearSeries } from '$lib/community/community-series';
import { OKABE_ITO } from '$lib/indicators/status';
import { CHART_TEXT } from './chart-theme';
import { escapeHtml } from './participation-chart.options';

export type CommunityChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkAreaComponentOption
>;

export interface CommunityChartLabels {
  attendances: string;
  distinct: string;
  previousYear: string;
  alert: string;
  /** An axis label: "tydz. 42". */
  formatPeriod: (period: string) => string;
  /** The tooltip's title, in words: "tydzień od 17 października 2022". */
  formatPeriodLong: (period: string) => string;
  formatNumber: (value: number) => string;
}

export interface ChartAlertSpan {
  span: [string, string];
  sentence: string;
}

export const COMMUNITY_SERIES_IDS = {
  attendances: 'attendances',
  distinct: 'distinct',
  previous: 'previous',
  reached: 'reached',
  targetPath: 'targetPath',
} as const;

/** The reach indicator on the same axis periods: persons reached to date and its target path (right axis). */
export interface ChartTarget {
  reached: (number | null)[];
  path: (number | null)[];
  reachedLabel: string;
  pathLabel: string;
}

export function buildCommunityChartOption(
  series: YearSeries,
  alerts: readonly ChartAlertSpan[],
  labels: CommunityChartLabels,
  compact = false,
  target: ChartTarget | null = null,
): CommunityChartOption {
  const value = (v: number | null | undefined) => (typeof v === 'number' ? v : null);
  const formatValue = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? labels.formatNumber(v) : '–');
  const bars: BarSeriesOption = {
    id: COMMUNITY_SERIES_IDS.attendances,
    name: labels.attendances,
    type: 'bar',
    data: series.current.map((r) => value(r?.attendances)),
    barMaxWidth: 16,
    itemStyle: { color: OKABE_ITO.skyBlue, borderRadius: [2, 2, 0, 0] },
    cursor: 'pointer',
    markArea: alerts.length
      ? {
          silent: false,
          itemStyle: { color: 'rgba(213, 94, 0, 0.10)', borderColor: OKABE_ITO.vermillion, borderWidth: 1, borderType: 'dashed' },
          label: { show: true, position: 'insideTopLeft', color: OKABE_ITO.vermillion, fontWeight: 600, fontSize: 11, formatter: labels.alert },
          tooltip: { show: true },
          data: alerts.map((a) => [{ xAxis: a.span[0], name: a.sentence }, { xAxis: a.span[1] }]),
        }
      : undefined,
  };
  const distinct: LineSeriesOption = {
    id: COMMUNITY_SERIES_IDS.distinct,
    name: labels.distinct,
    type: 'line',
    data: series.current.map((r) => value(r?.distinctParticipants)),
    connectNulls: false,
    showSymbol: false,
    lineStyle: { width: 2.5, color: OKABE_ITO.blue },
    itemStyle: { color: OKABE_ITO.blue },
    z: 3,
  };
  const previous: LineSeriesOption = {
    id: COMMUNITY_SERIES_IDS.previous,
    name: labels.previousYear,
    type: 'line',
    data: series.previous.map((r) => value(r?.attendances)),
    connectNulls: false,
    showSymbol: false,
    lineStyle: { width: 1.5, type: 'dashed', color: OKABE_ITO.orange },
    itemStyle: { color: OKABE_ITO.orange },
    z: 2,
  };
  const targetSeries: LineSeriesOption[] = target
    ? [
        {
          id: COMMUNITY_SERIES_IDS.reached,
          name: target.reachedLabel,
          type: 'line',
          yAxisIndex: 1,
          data: target.reached,
          showSymbol: false,
          lineStyle: { width: 2, color: OKABE_ITO.bluishGreen },
          itemStyle: { color: OKABE_ITO.bluishGreen },
          z: 3,
        },
        {
          id: COMMUNITY_SERIES_IDS.targetPath,
          name: target.pathLabel,
          type: 'line',
          yAxisIndex: 1,
          data: target.path,
          showSymbol: false,
          lineStyle: { width: 2, type: 'dashed', color: OKABE_ITO.vermillion },
          itemStyle: { color: OKABE_ITO.vermillion },
          z: 3,
        },
      ]
    : [];
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: CHART_TEXT.muted, formatter: (v: number) => labels.formatNumber(v) },
    splitLine: { lineStyle: { color: CHART_TEXT.gridLine } },
  };
  return {
    animationDuration: 300,
    textStyle: { fontFamily: CHART_TEXT.fontFamily, color: CHART_TEXT.body },
    grid: { left: 8, right: 12, top: compact ? 64 : 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: { color: CHART_TEXT.body } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: formatValue,
      // The period in words as the title, not its code ("2022-W42"); the rows as ECharts draws them.
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { axisValue?: string; marker?: string; seriesName?: string; value?: unknown }[];
        const period = items[0]?.axisValue;
        if (period === undefined) return '';
        const rows = items.map((item) => `<div>${item.marker ?? ''}${escapeHtml(item.seriesName ?? '')} <b>${escapeHtml(formatValue(item.value))}</b></div>`);
        return `<strong>${escapeHtml(labels.formatPeriodLong(period))}</strong>${rows.join('')}`;
      },
    },
    xAxis: {
      type: 'category',
      data: series.periods,
      axisLabel: { color: CHART_TEXT.muted, formatter: labels.formatPeriod, hideOverlap: true },
      axisLine: { lineStyle: { color: CHART_TEXT.axisLine } },
      axisTick: { alignWithLabel: true },
    },
    yAxis: target ? [valueAxis, { ...valueAxis, splitLine: { show: false } }] : valueAxis,
    series: [bars, previous, distinct, ...targetSeries],
  };
}

/** The alerts that fall on the axis, as shaded spans with their sentence in the language shown. */
export function buildChartAlertSpans(
  alerts: readonly Pick<DeclineAlert, 'since' | 'lastWeek' | 'status' | 'sentencePl' | 'sentenceEn'>[],
  periods: readonly string[],
  grain: Grain,
  lang: 'pl' | 'en',
): ChartAlertSpan[] {
  return alerts.flatMap((alert) => {
    const span = alertSpan(alert, periods, grain);
    return span ? [{ span, sentence: lang === 'pl' ? alert.sentencePl : alert.sentenceEn }] : [];
  });
}

/** The reach indicator (persons reached to date against its target path) on a monthly axis; null by week or without a target. */
export function buildChartTarget(
  periods: readonly string[],
  grain: Grain,
  reach: Pick<CommunityParticipation, 'periods' | 'targetPath' | 'target'> | null,
  labels: Pick<ChartTarget, 'reachedLabel' | 'pathLabel'>,
): ChartTarget | null {
  if (grain !== 'month' || !reach?.target) return null;
  const reached = new Map(reach.periods.map((p) => [p.period, p.cumulativeParticipants]));
  const path = new Map(reach.targetPath.map((p) => [p.period, p.expected]));
  return {
    reached: periods.map((p) => reached.get(p) ?? null),
    path: periods.map((p) => path.get(p) ?? null),
    ...labels,
  };
}
