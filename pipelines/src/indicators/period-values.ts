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

/** What a run hands to computePeriodIndicatorValues besides the data. */
export interface PeriodComputationOptions {
  /** The run's values so far, by window (kept up to date): periods share windows with each other and with the years. */
  measured?: MeasuredWindows;
  /** Which periods' figures of which indicators to compute (an incremental run keeps the others' rows); all by default. */
  include?: (periodId: number, indicator: IndicatorConfig) => boolean;
}

/**
 * Every configured indicator for every reporting period and scope (each community and ALL),
 * measured on the facts in `connection` as of `asOf` (a civil date), each window once (or taken
 * from `options.measured`).
 */
export async function computePeriodIndicatorValues(
  connection: DuckDBConnection,
  config: OslConfig,
  asOf: string,
  periods: readonly ReportingPeriodConfig[] = config.periods,
  options: PeriodComputationOptions = {},
): Promise<PeriodIndicatorValueRow[]> {
  const scopes = ['ALL', ...config.communities.map((c) => c.code)];
  const measured = options.measured ?? new Map();
  const measure = (indicator: IndicatorConfig, window: DateWindow | null): Promise<ValuesByScope | null> =>
    window ? measureOnce(connection, indicator, window, config.project, measured, () => null) : Promise.resolve(null);
  // Hoisted out of the loops: with a thousand communities the rows are many and each closure counts.
  const targetPaths = new Map(config.indicators.map((indicator) => [indicator.code, new Map(scopes.map((scope) => [scope, targetPathOf(indicator, scope)]))]));
  const rows: PeriodIndicatorValueRow[] = [];
  for (const period of periods) {
    const within = computePeriodWithinWindow(config.project, period, asOf);
    for (const indicator of config.indicators) {
      if (options.include && !options.include(period.id, indicator)) continue;
      const cumulative = computePeriodCumulativeWindow(config.project, indicator.cumulative, period, asOf);
      const withinValues = await measure(indicator, within);
      const cumulativeValues = await measure(indicator, cumulative);
      const paths = targetPaths.get(indicator.code)!;
      for (const scope of scopes) {
        const valueCumulative = scopeValue(indicator, cumulativeValues, scope);
        const judgement = judgePeriodValue(indicator, paths.get(scope)!, config.project, period, asOf, valueCumulative, config.project.statusThresholds);
        rows.push({
          periodId: period.id,
          code: indicator.code,
          community: scope,
          valueWithin: scopeValue(indicator, withinValues, scope),
          valueCumulative,
          target: judgement.target,
          expected: judgement.expected,
          achievement: judgement.achievement,
          status: judgement.status,
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

/** A scope's value in what was measured (null: nothing to measure, the window is empty). */
function scopeValue(indicator: IndicatorConfig, values: ValuesByScope | null, scope: string): number | null {
  return values ? (values.get(scope) ?? defaultValue(indicator)) : null;
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
