import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { civilDateInZone, forecastIndicator, projectYears, type Forecast, type IndicatorStatus, type IndicatorUnit } from '@osl/pipelines';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { AnalyticsRepository, type IndicatorMonthRecord } from '../repositories/analytics.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { forecastInputOf, historyBefore, judgeValueAsOf, resolveForecastRequest, type ForecastRequest } from './indicator-forecast.ts';

/** An indicator's value as of a day in one scope, judged, with its forecasts to the year's end and the project's. */
export interface IndicatorForecastRow {
  code: string;
  community: string;
  unit: IndicatorUnit;
  value: number | null;
  target: number | null;
  expected: number | null;
  achievement: number | null;
  status: IndicatorStatus;
  forecasts: Forecast[];
}

export interface IndicatorForecasts {
  asOf: string;
  year: number;
  rows: IndicatorForecastRow[];
}

// Answers kept: a few years of month-ends in a few scopes; the oldest goes first.
const cachedAnswers = 64;

/**
 * Forecasts of every indicator (docs issue 16): from the values to each month's end before the day
 * (indicator_month_value) and the value on the day, by pipelines' forecastIndicator. A past day
 * sees only what was measured up to it. Answers are kept per published analytics state,
 * configuration version and request.
 */
@Injectable()
export class IndicatorForecastService {
  private readonly answers = new Map<string, Promise<IndicatorForecasts>>();

  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  /** `?year=&asOf=&community=` as sent: checked (DomainError naming the field), then answered. */
  async forecast(raw: { year?: string; asOf?: string; community?: string }): Promise<IndicatorForecasts> {
    const config = this.config;
    const request = resolveForecastRequest(raw, {
      project: config.project,
      years: projectYears(config.project),
      scopes: ['ALL', ...config.communities.map((c) => c.code)],
      today: civilDateInZone(this.environment.now(), config.project.timeZone),
    });
    const key = JSON.stringify([this.analytics.published()?.runId ?? null, config.version, request]);
    let answer = this.answers.get(key);
    if (answer) {
      // Most recently used goes last: the first key is the one to drop.
      this.answers.delete(key);
    } else {
      answer = this.compute(config, request);
      answer.catch(() => {
        if (this.answers.get(key) === answer) this.answers.delete(key);
      });
    }
    this.answers.set(key, answer);
    if (this.answers.size > cachedAnswers) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  private async compute(config: ConfigSnapshot, request: ForecastRequest): Promise<IndicatorForecasts> {
    const { asOf, year, community } = request;
    const [months, toDate] = await Promise.all([
      this.analytics.indicatorMonthValues(asOf.slice(0, 7), community),
      request.source === 'to-date' ? this.analytics.indicatorValues({ year, community }) : Promise.resolve([]),
    ]);
    const monthsByScope = new Map<string, IndicatorMonthRecord[]>();
    for (const month of months) {
      const key = `${month.code}|${month.community}`;
      const list = monthsByScope.get(key);
      if (list) list.push(month);
      else monthsByScope.set(key, [month]);
    }
    const toDateByScope = new Map(toDate.map((row) => [`${row.code}|${row.community}`, row.value]));
    const scopes = community ? [community] : ['ALL', ...config.communities.map((c) => c.code)];
    const rows: IndicatorForecastRow[] = [];
    for (const indicator of config.indicators) {
      for (const scope of scopes) {
        const key = `${indicator.code}|${scope}`;
        const scopeMonths = monthsByScope.get(key) ?? [];
        const onDay = scopeMonths.find((m) => m.month === asOf.slice(0, 7));
        const value = request.source === 'to-date' ? (toDateByScope.get(key) ?? null) : (onDay?.value ?? null);
        const input = forecastInputOf(indicator, scope, config.project, asOf, historyBefore(scopeMonths, asOf), { value, answers: onDay?.answers ?? null });
        rows.push({
          code: indicator.code,
          community: scope,
          unit: indicator.unit,
          value,
          ...judgeValueAsOf(indicator, scope, config.project, asOf, value),
          forecasts: forecastIndicator(input),
        });
      }
    }
    return { asOf, year, rows };
  }
}
