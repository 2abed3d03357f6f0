import { describe, expect, it } from 'vitest';
import { buildYearSeries } from '$lib/community/community-series';
import { buildCommunityChartOption, COMMUNITY_SERIES_IDS } from './community-chart.options';

const labels = { attendances: 'Obecności', distinct: 'Osoby', previousYear: 'Rok wcześniej', alert: 'spadek', formatPeriod: (p: string) => p, formatNumber: (v: number) => String(v) };
const row = (period: string, attendances: number, distinct: number) => ({ period, periodStart: '', attendances, distinctParticipants: distinct, newParticipants: 0, returningParticipants: distinct, activities: 1 });

describe('buildCommunityChartOption', () => {
  it('draws this year, last year on the same weeks, and alerts as shaded spans with their sentence', () => {
    const series = buildYearSeries([row('2021-W43', 30, 20), row('2022-W43', 12, 9)], 2022, 'week');
    const option = buildCommunityChartOption(series, [{ span: ['2022-W42', '2022-W52'], sentence: 'Frekwencja spadła o 42%' }], labels);
    const byId = new Map((option.series as { id: string; data: unknown[]; markArea?: { data: unknown[] } }[]).map((s) => [s.id, s]));
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.data[42]).toBe(12);
    expect(byId.get(COMMUNITY_SERIES_IDS.previous)!.data[42]).toBe(30);
    expect(byId.get(COMMUNITY_SERIES_IDS.distinct)!.data[42]).toBe(9);
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.data[0]).toBeNull();
    expect(byId.get(COMMUNITY_SERIES_IDS.attendances)!.markArea!.data).toEqual([[{ xAxis: '2022-W42', name: 'Frekwencja spadła o 42%' }, { xAxis: '2022-W52' }]]);
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
