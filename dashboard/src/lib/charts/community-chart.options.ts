// The community page's chart, as a pure ECharts option: this year's attendances (bars) and
// distinct participants (line) per week or month, last year's attendances on the same weeks
// (dashed), and decline alerts as shaded spans over the weeks behind them (their figures' weeks,
// not the whole year) and a line at the week the fall began, active ones in warm colour, ended
// ones grey, each carrying its sentence.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkAreaComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { CommunityParticipation, DeclineAlert } from '$lib/api/client';
import { dateSpan, periodOfDate, type Grain, type YearSeries } from '$lib/community/community-series';
import { OKABE_ITO } from '$lib/indicators/status';
import { CHART_TEXT } from './chart-theme';
import { hasIsolatedPoints } from './line-points';
import { escapeHtml } from './participation-chart.options';

export type CommunityChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkAreaComponentOption | MarkLineComponentOption
>;

export interface CommunityChartLabels {
  attendances: string;
  distinct: string;
  previousYear: string;
  /** The label on an active alert's span; an ended one's says so (`alertEnded`). */
  alert: string;
  alertEnded?: string;
  /** The label of the line at the week a fall began. */
  alertStart?: string;
  /** An axis label: "tydz. 42". */
  formatPeriod: (period: string) => string;
  /** A period in words, the tooltip's title: "tydzień od 17 października 2022". */
  formatPeriodLong: (period: string) => string;
  formatNumber: (value: number) => string;
}

/** An alert on the axis: its weeks as a span and the period its fall began, each where it falls on the axis. */
export interface ChartAlertSpan {
  span: [string, string] | null;
  start: string | null;
  sentence: string;
  status: 'active' | 'ended';
}

/** An active alert's span stands out; an ended one stays visible but recedes. */
const ALERT_SPAN_STYLE = {
  active: { color: 'rgba(213, 94, 0, 0.13)', borderColor: OKABE_ITO.vermillion, text: OKABE_ITO.vermillion },
  ended: { color: 'rgba(90, 90, 90, 0.08)', borderColor: '#6b6b6b', text: '#555555' },
} as const;

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
  const distinctValues = series.current.map((r) => value(r?.distinctParticipants));
  const formatValue = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? labels.formatNumber(v) : '–');
  const bars: BarSeriesOption = {
    id: COMMUNITY_SERIES_IDS.attendances,
    name: labels.attendances,
    type: 'bar',
    data: series.current.map((r) => value(r?.attendances)),
    barMaxWidth: 16,
    itemStyle: { color: OKABE_ITO.skyBlue, borderRadius: [2, 2, 0, 0] },
    cursor: 'pointer',
    markArea: alerts.some((a) => a.span)
      ? {
          silent: false,
          itemStyle: { borderWidth: 1, borderType: 'dashed' },
          label: { show: true, position: 'insideTopLeft', fontWeight: 600, fontSize: 11 },
          // Hovering an area shows its sentence; its label stays where it was.
          emphasis: { label: { position: 'insideTopLeft' } },
          tooltip: { show: true },
          data: alerts.flatMap((a) => {
            if (!a.span) return [];
            const style = ALERT_SPAN_STYLE[a.status];
            const label = a.status === 'ended' ? (labels.alertEnded ?? labels.alert) : labels.alert;
            return [
              [
                {
                  xAxis: a.span[0],
                  name: a.sentence,
                  itemStyle: { color: style.color, borderColor: style.borderColor },
                  label: { position: 'insideTopLeft', color: style.text, formatter: label },
                },
                { xAxis: a.span[1] },
              ] as const,
            ];
          }),
        }
      : undefined,
    markLine: alerts.some((a) => a.start)
      ? {
          silent: false,
          symbol: 'none',
          label: { show: true, position: 'insideEndTop', fontSize: 11, fontWeight: 600 },
          tooltip: { show: true },
          data: alerts.flatMap((a) =>
            a.start
              ? [
                  {
                    xAxis: a.start,
                    name: a.sentence,
                    lineStyle: { color: ALERT_SPAN_STYLE[a.status].borderColor, type: 'dashed' as const, width: 1.5 },
                    label: { color: ALERT_SPAN_STYLE[a.status].text, formatter: labels.alertStart ?? labels.alert },
                  },
                ]
              : [],
          ),
        }
      : undefined,
  };
  const distinct: LineSeriesOption = {
    id: COMMUNITY_SERIES_IDS.distinct,
    name: labels.distinct,
    type: 'line',
    data: distinctValues,
    connectNulls: false,
    // Months hidden as "<3" (the auditor's view) can leave a month between gaps.
    showSymbol: hasIsolatedPoints(distinctValues),
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
          showSymbol: hasIsolatedPoints(target.reached),
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
      // The tooltip names the period in dates, never by its week code.
      axisPointer: {
        type: 'shadow',
        label: labels.formatPeriodLong ? { formatter: (p: { value: unknown }) => labels.formatPeriodLong!(String(p.value)) } : undefined,
      },
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

/**
 * The alerts on the axis: their weeks as shaded spans and the week each fall began as a line, each
 * where it falls on the axis (a fall that began last year shows as its line there, its weeks this
 * year), with the sentence in the language shown.
 */
export function buildChartAlertSpans(
  alerts: readonly Pick<DeclineAlert, 'startsOn' | 'window' | 'status' | 'sentencePl' | 'sentenceEn'>[],
  periods: readonly string[],
  grain: Grain,
  lang: 'pl' | 'en',
): ChartAlertSpan[] {
  return alerts.flatMap((alert) => {
    const span = dateSpan(alert.window, periods, grain);
    const startPeriod = periodOfDate(alert.startsOn, grain);
    const start = periods.includes(startPeriod) ? startPeriod : null;
    return span || start ? [{ span, start, sentence: lang === 'pl' ? alert.sentencePl : alert.sentenceEn, status: alert.status }] : [];
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
