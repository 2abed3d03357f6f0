import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createConfigSnapshot, defaultConfigDir, loadConfig } from '@osl/data';
import type { ForecastInput } from '@osl/pipelines';
import type { OslEnvironment } from '../lib/osl-environment.ts';
import type { AnalyticsRepository, IndicatorMonthRecord, IndicatorValueRecord } from '../repositories/analytics.repository.ts';
import type { ConfigurationService } from './configuration.service.ts';
import { IndicatorForecastService } from './indicator-forecast.service.ts';

// The forecast itself is pipelines' (tested there): here, what the service hands it and does with its answer.
const forecastIndicator = vi.hoisted(() => vi.fn());
vi.mock('@osl/pipelines', async (importOriginal) => ({ ...(await importOriginal<typeof import('@osl/pipelines')>()), forecastIndicator }));

const config = createConfigSnapshot(loadConfig(defaultConfigDir));

/** P1's value to each month's end of the project in every scope: the month's number since the start. */
function monthTable(): IndicatorMonthRecord[] {
  const rows: IndicatorMonthRecord[] = [];
  for (const indicator of config.indicators)
    for (const community of ['ALL', ...config.communities.map((c) => c.code)])
      for (let i = 0; i < 36; i += 1) {
        const month = `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        rows.push({ code: indicator.code, community, month, value: i + 1, answers: indicator.unit === 'percent' ? 10 + i : null });
      }
  return rows;
}

function setUp(now: string) {
  const table = monthTable();
  const analytics = {
    published: vi.fn(() => ({ runId: 7, file: 'a.duckdb', builtAt: now })),
    indicatorMonthValues: vi.fn(async (through: string, community: string | null) =>
      table.filter((r) => r.month <= through && (community === null || r.community === community)),
    ),
    indicatorValues: vi.fn(async ({ year, community }: { year: number | null; community: string | null }): Promise<IndicatorValueRecord[]> =>
      config.indicators.map((i) => ({
        code: i.code,
        community: community ?? 'ALL',
        year: year!,
        value: 99,
        target: null,
        baseline: null,
        expected: null,
        achievement: null,
        status: 'no_target',
        unit: i.unit,
      })),
    ),
  };
  const environment = { now: () => new Date(now) } as OslEnvironment;
  const service = new IndicatorForecastService(
    analytics as unknown as AnalyticsRepository,
    { current: () => config } as unknown as ConfigurationService,
    environment,
  );
  return { service, analytics };
}

const inputs = () => forecastIndicator.mock.calls.map(([input]) => input as ForecastInput);

describe('IndicatorForecastService', () => {
  beforeEach(() => {
    forecastIndicator.mockReset();
    forecastIndicator.mockImplementation((input: ForecastInput) => [
      {
        horizon: 'year',
        end: `${input.asOf.slice(0, 4)}-12-31`,
        current: input.valueAsOf,
        projected: 1,
        low: 0,
        high: 2,
        target: input.yearTarget,
        probability: 0.5,
        pacePerMonth: 1,
        neededPerMonth: 1,
        method: 'pace',
      },
    ]);
  });

  it('as of a past month’s end: the month table’s value on the day, and only the months before it', async () => {
    const { service, analytics } = setUp('2026-12-07T10:00:00Z');
    const answer = await service.forecast({ asOf: '2022-06-30', community: 'OST' });
    expect(answer.asOf).toBe('2022-06-30');
    expect(answer.year).toBe(2022);
    expect(analytics.indicatorMonthValues).toHaveBeenCalledWith('2022-06', 'OST');
    expect(analytics.indicatorValues).not.toHaveBeenCalled();
    expect(answer.rows.map((r) => r.code)).toEqual(config.indicators.map((i) => i.code));
    for (const input of inputs()) {
      expect(input.asOf).toBe('2022-06-30');
      expect(input.history.at(-1)?.month).toBe('2022-05');
      expect(input.history.every((m) => m.month < '2022-06')).toBe(true);
      // June 2022 is the project's 18th month.
      expect(input.valueAsOf).toBe(18);
    }
    const r2 = inputs().find((i) => i.unit === 'percent')!;
    expect(r2.answersAsOf).toBe(27);
    const p1 = answer.rows.find((r) => r.code === 'P1')!;
    expect(p1).toMatchObject({ community: 'OST', value: 18, target: config.indicators[0].targets.OST['2022'] });
    expect(p1.forecasts[0]).toMatchObject({ horizon: 'year', current: 18 });
  });

  it('by default as of today inside the project: the published value to date, every scope', async () => {
    const { service, analytics } = setUp('2022-05-17T10:00:00Z');
    const answer = await service.forecast({});
    expect(answer.asOf).toBe('2022-05-17');
    expect(analytics.indicatorValues).toHaveBeenCalledWith({ year: 2022, community: null });
    expect(answer.rows).toHaveLength(config.indicators.length * (config.communities.length + 1));
    const p1 = answer.rows.find((r) => r.code === 'P1' && r.community === 'ALL')!;
    expect(p1.value).toBe(99);
    expect(inputs()[0].history.at(-1)?.month).toBe('2022-04');
  });

  it('after the project, as of its last day', async () => {
    const { service } = setUp('2026-12-07T10:00:00Z');
    expect((await service.forecast({})).asOf).toBe('2023-12-31');
  });

  it('answers a repeated request from memory while the analytics and configuration stay as they are', async () => {
    const { service, analytics } = setUp('2026-12-07T10:00:00Z');
    const first = await service.forecast({ asOf: '2022-06-30' });
    expect(await service.forecast({ asOf: '2022-06-30', community: '' })).toBe(first);
    expect(analytics.indicatorMonthValues).toHaveBeenCalledTimes(1);
    analytics.published.mockReturnValue({ runId: 8, file: 'b.duckdb', builtAt: '' });
    expect(await service.forecast({ asOf: '2022-06-30' })).not.toBe(first);
    expect(analytics.indicatorMonthValues).toHaveBeenCalledTimes(2);
  });

  it('refuses a request it cannot answer before reading anything', async () => {
    const { service, analytics } = setUp('2026-12-07T10:00:00Z');
    await expect(service.forecast({ asOf: '2022-06-15' })).rejects.toThrow('a past asOf must be the last day of a month');
    expect(analytics.indicatorMonthValues).not.toHaveBeenCalled();
  });
});
