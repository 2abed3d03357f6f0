import type { DuckDBConnection } from '@duckdb/node-api';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { appendNullable, appendRows, querySqlFile, runSqlFile } from '../analytics/duckdb-sql.ts';
import {
  computeIndicatorValues,
  indicatorMayHaveChanged,
  type FactChanges,
  type MeasuredWindows,
  type StillMeasured,
  type ValuesByScope,
} from '../indicators/indicator-values.ts';
import { computeIndicatorMonthValues, type IndicatorMonthValueRow } from '../indicators/month-values.ts';
import { computePeriodIndicatorValues, type PeriodIndicatorValueRow } from '../indicators/period-values.ts';
import { computePeriodCumulativeWindow, computePeriodWithinWindow, isPeriodOver } from '../indicators/period-window.ts';
import type { DateWindow } from '../indicators/indicator-window.ts';
import type { IndicatorConfig, OslConfig } from '@osl/data';
import type { SourceCounts } from '../source/operational-extract.ts';
import type { PipelineStep } from './pipeline-step.ts';

/**
 * Every indicator for every project year and scope, for every reporting period and scope
 * (within the period and cumulative to its end), and to every month's end (the forecasts' history). An incremental run keeps the previous run's
 * measured values of the years whose window and sources the staged rows did not change, and the
 * stored rows of the periods' figures they cannot change.
 */
export const indicatorsStep: PipelineStep = {
  name: 'indicators',
  label: () => ({ key: 'indicators' }),
  reads: ['fact_activity', 'fact_attendance', 'fact_survey_answer', 'dim_participant', 'person_first', 'person_first_anywhere', 'staged_dates'],
  writes: ['indicator_value', 'indicator_period_value', 'indicator_month_value'],
  readsPrevious: ['indicator_value', 'indicator_period_value'],
  sql: [
    'staged-days',
    'indicator-values-previous',
    'indicator-activity-count',
    'indicator-distinct-participants',
    'indicator-leaders',
    'indicator-reached-participants',
    'indicator-survey-share',
    'indicator-values',
    'indicator-period-windows-previous',
    'indicator-period-values',
    'indicator-month-activity-count',
    'indicator-month-distinct-participants',
    'indicator-month-reached-participants',
    'indicator-month-leaders',
    'indicator-month-survey-share',
    'indicator-month-values',
  ],
  async run({ db, config, mode, asOf, state, previousMeta }) {
    const changes = mode === 'incremental' ? await factChanges(db, state.staged!) : null;
    // Years and periods measure many of the same windows: each once.
    const measured: MeasuredWindows = new Map();
    const values = await computeIndicatorValues(db, config, asOf, changes ? await previousIndicatorValues(db, changes) : undefined, measured);
    await runSqlFile(db, 'indicator-values');
    const n = await appendRows(db, 'indicator_value', values, (a, v) => {
      a.appendVarchar(v.code);
      a.appendVarchar(v.community);
      a.appendInteger(v.year);
      appendNullable(a, v.value, (x) => a.appendDouble(x));
      appendNullable(a, v.target, (x) => a.appendDouble(x));
      appendNullable(a, v.baseline, (x) => a.appendDouble(x));
      appendNullable(a, v.expected, (x) => a.appendDouble(x));
      appendNullable(a, v.achievement, (x) => a.appendDouble(x));
      a.appendVarchar(v.status);
      a.appendVarchar(v.unit);
      appendNullable(a, v.windowFrom, (x) => a.appendVarchar(x));
      appendNullable(a, v.windowTo, (x) => a.appendVarchar(x));
    });
    // An incremental run rewrites only the periods' figures its rows can change; a full run all.
    const unchanged = changes && previousMeta ? await unchangedPeriodFigures(db, config, changes, previousMeta.asOf, asOf) : new Set<string>();
    const periodValues = await computePeriodIndicatorValues(db, config, asOf, config.periods, {
      measured,
      include: (periodId, indicator) => !unchanged.has(periodKey(periodId, indicator.code)),
    });
    await runSqlFile(db, 'indicator-period-values', [listValue([...unchanged])], [LIST(VARCHAR)]);
    const m = await appendPeriodIndicatorValues(db, periodValues);
    // The forecasts' history: all of it in every run (one set query per indicator, cheap).
    await runSqlFile(db, 'indicator-month-values');
    const k = await appendMonthIndicatorValues(db, await computeIndicatorMonthValues(db, config, asOf));
    return { rowsRead: 0, rowsWritten: n + m + k };
  },
};

function appendPeriodIndicatorValues(db: DuckDBConnection, rows: readonly PeriodIndicatorValueRow[]): Promise<number> {
  return appendRows(db, 'indicator_period_value', rows, (a, v) => {
    a.appendInteger(v.periodId);
    a.appendVarchar(v.code);
    a.appendVarchar(v.community);
    for (const x of [v.valueWithin, v.valueCumulative, v.target, v.expected, v.achievement]) appendNullable(a, x, (y) => a.appendDouble(y));
    a.appendVarchar(v.status);
    a.appendVarchar(v.unit);
    for (const x of [v.withinFrom, v.withinTo, v.cumulativeFrom, v.cumulativeTo]) appendNullable(a, x, (y) => a.appendVarchar(y));
  });
}

function appendMonthIndicatorValues(db: DuckDBConnection, rows: readonly IndicatorMonthValueRow[]): Promise<number> {
  return appendRows(db, 'indicator_month_value', rows, (a, v) => {
    a.appendVarchar(v.code);
    a.appendVarchar(v.community);
    a.appendVarchar(v.month);
    appendNullable(a, v.value, (x) => a.appendDouble(x));
    appendNullable(a, v.answers, (x) => a.appendInteger(x));
    appendNullable(a, v.measuredTo, (x) => a.appendVarchar(x));
  });
}

async function factChanges(db: DuckDBConnection, staged: SourceCounts): Promise<FactChanges> {
  const days = (await querySqlFile<{ day: string }>(db, 'staged-days')).map((r) => r.day);
  return { days, participants: staged.participants > 0, surveyAnswers: staged.surveyAnswers > 0 };
}

/** The previous run's measured indicator values, for the indicators whose window and sources did not change. */
async function previousIndicatorValues(db: DuckDBConnection, changes: FactChanges): Promise<StillMeasured> {
  const rows = await querySqlFile<{
    code: string;
    year: number;
    window_from: string | null;
    window_to: string | null;
    scopes: string[];
    values: (number | null)[];
  }>(db, 'indicator-values-previous');
  const measured = new Map<string, { from: string | null; to: string | null; values: ValuesByScope }>();
  for (const row of rows) {
    measured.set(`${row.code}|${row.year}`, {
      from: row.window_from,
      to: row.window_to,
      values: new Map(row.scopes.map((scope, i) => [scope, row.values[i] ?? null])),
    });
  }
  return (indicator, year, window) => {
    const entry = measured.get(`${indicator.code}|${year}`);
    if (!entry || entry.from !== window.from || entry.to !== window.to) return null;
    return indicatorMayHaveChanged(indicator.computation.kind, window, changes) ? null : entry.values;
  };
}

const periodKey = (periodId: number, code: string) => `${periodId}|${code}`;

/**
 * The (period, indicator) pairs whose stored figures an incremental run keeps as they are: the
 * same windows as before, no changed row in either (indicatorMayHaveChanged), and the same date
 * or a period over at both (then nothing in its rows depends on the date). Keeping their rows
 * spares rebuilding tens of thousands of rows at a thousand communities.
 */
async function unchangedPeriodFigures(db: DuckDBConnection, config: OslConfig, changes: FactChanges, previousAsOf: string, asOf: string): Promise<Set<string>> {
  const rows = await querySqlFile<{
    period_id: number;
    code: string;
    within_from: string | null;
    within_to: string | null;
    cumulative_from: string | null;
    cumulative_to: string | null;
  }>(db, 'indicator-period-windows-previous');
  const previous = new Map(rows.map((r) => [periodKey(r.period_id, r.code), r]));
  const unchanged = new Set<string>();
  const untouched = (indicator: IndicatorConfig, window: DateWindow | null, from: string | null, to: string | null) =>
    (window?.from ?? null) === from && (window?.to ?? null) === to && (!window || !indicatorMayHaveChanged(indicator.computation.kind, window, changes));
  for (const period of config.periods) {
    const sameJudgement = previousAsOf === asOf || (isPeriodOver(config.project, period, previousAsOf) && isPeriodOver(config.project, period, asOf));
    if (!sameJudgement) continue;
    const within = computePeriodWithinWindow(config.project, period, asOf);
    for (const indicator of config.indicators) {
      const before = previous.get(periodKey(period.id, indicator.code));
      const cumulative = computePeriodCumulativeWindow(config.project, indicator.cumulative, period, asOf);
      if (
        before &&
        untouched(indicator, within, before.within_from, before.within_to) &&
        untouched(indicator, cumulative, before.cumulative_from, before.cumulative_to)
      )
        unchanged.add(periodKey(period.id, indicator.code));
    }
  }
  return unchanged;
}
