import type { DuckDBConnection } from '@duckdb/node-api';
import type { IndicatorConfig, OslConfig, ReportingPeriodConfig } from '@osl/data';
import { querySqlFile } from '../analytics/duckdb-sql.ts';
import type { IndicatorStatus, IndicatorUnit } from './indicator-status.ts';
import { defaultValue, measureOnce, type MeasuredWindows, type ValuesByScope } from './indicator-values.ts';
import type { DateWindow } from './indicator-window.ts';
import { computePeriodCumulativeWindow, computePeriodWithinWindow, judgePeriodValue, targetPathOf } from './period-window.ts';

/** One indicator's figures for one reporting period and scope (docs/spec/indicators.md, "Reporting periods"). */
export interface PeriodIndicatorValueRow {
  periodId: number;
  code: string;
  community: string;
  /** Counted within the period alone (distinct persons active in it). */
  valueWithin: number | null;
  /** "To date D", D = the period's last day (or the project's end, or asOf, if earlier). */
  valueCumulative: number | null;
  /** The expected-to-date formula at the period's last day. */
  target: number | null;
  /** The expected-to-date value at D: the target once the period is over. */
  expected: number | null;
  achievement: number | null;
  status: IndicatorStatus;
  unit: IndicatorUnit;
  withinFrom: string | null;
  withinTo: string | null;
  cumulativeFrom: string | null;
  cumulativeTo: string | null;
}

/** Which of a period's two values a measurement is for. */
export type PeriodMeasure = 'within' | 'cumulative';

/** Measured values of an earlier run that still hold for a period's window, or null: then it is measured again. */
export type StillMeasuredInPeriod = (indicator: IndicatorConfig, periodId: number, measure: PeriodMeasure, window: DateWindow) => ValuesByScope | null;

/**
 * Every configured indicator for every reporting period and scope (each community and ALL),
 * measured on the facts in `connection` as of `asOf` (a civil date), or taken from `stillMeasured`
 * or `measured` (the run's values so far: periods share windows with each other and with the years).
 */
export async function computePeriodIndicatorValues(
  connection: DuckDBConnection,
  config: OslConfig,
  asOf: string,
  periods: readonly ReportingPeriodConfig[] = config.periods,
  stillMeasured: StillMeasuredInPeriod = () => null,
  measured: MeasuredWindows = new Map(),
): Promise<PeriodIndicatorValueRow[]> {
  const scopes = ['ALL', ...config.communities.map((c) => c.code)];
  const measure = (indicator: IndicatorConfig, periodId: number, kind: PeriodMeasure, window: DateWindow | null): Promise<ValuesByScope | null> =>
    window
      ? measureOnce(connection, indicator, window, config.project, measured, () => stillMeasured(indicator, periodId, kind, window))
      : Promise.resolve(null);
  const rows: PeriodIndicatorValueRow[] = [];
  for (const period of periods) {
    for (const indicator of config.indicators) {
      const within = computePeriodWithinWindow(config.project, period, asOf);
      const cumulative = computePeriodCumulativeWindow(config.project, indicator.cumulative, period, asOf);
      const withinValues = await measure(indicator, period.id, 'within', within);
      const cumulativeValues = await measure(indicator, period.id, 'cumulative', cumulative);
      for (const scope of scopes) {
        const valueOf = (values: ValuesByScope | null) => (values ? (values.get(scope) ?? defaultValue(indicator)) : null);
        const valueCumulative = valueOf(cumulativeValues);
        const judgement = judgePeriodValue(
          indicator,
          targetPathOf(indicator, scope),
          config.project,
          period,
          asOf,
          valueCumulative,
          config.project.statusThresholds,
        );
        rows.push({
          periodId: period.id,
          code: indicator.code,
          community: scope,
          valueWithin: valueOf(withinValues),
          valueCumulative,
          ...judgement,
          unit: indicator.unit,
          withinFrom: within?.from ?? null,
          withinTo: within?.to ?? null,
          cumulativeFrom: cumulative?.from ?? null,
          cumulativeTo: cumulative?.to ?? null,
        });
      }
    }
  }
  return rows;
}

/** The figures of one reporting period as the last run stored them (`indicator_period_value`). */
export async function readPeriodIndicatorValues(connection: DuckDBConnection, periodId: number): Promise<PeriodIndicatorValueRow[]> {
  const rows = await querySqlFile<{
    period_id: number;
    code: string;
    community: string;
    value_within: number | null;
    value_cumulative: number | null;
    target: number | null;
    expected: number | null;
    achievement: number | null;
    status: IndicatorStatus;
    unit: IndicatorUnit;
    within_from: string | null;
    within_to: string | null;
    cumulative_from: string | null;
    cumulative_to: string | null;
  }>(connection, 'indicator-period-values-read', [periodId]);
  return rows.map((r) => ({
    periodId: r.period_id,
    code: r.code,
    community: r.community,
    valueWithin: r.value_within,
    valueCumulative: r.value_cumulative,
    target: r.target,
    expected: r.expected,
    achievement: r.achievement,
    status: r.status,
    unit: r.unit,
    withinFrom: r.within_from,
    withinTo: r.within_to,
    cumulativeFrom: r.cumulative_from,
    cumulativeTo: r.cumulative_to,
  }));
}
