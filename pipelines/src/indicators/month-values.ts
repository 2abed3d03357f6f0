import { BOOLEAN, DOUBLE, INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { IndicatorConfig, OslConfig } from '@osl/data';
import { querySqlFile } from '../analytics/duckdb-sql.ts';
import { endOfMonth, monthsBetween } from '../lib/civil-date.ts';
import { computeSharePercent, defaultValue } from './indicator-values.ts';
import type { DateWindow, ProjectPeriod } from './indicator-window.ts';
import { computePeriodCumulativeWindow } from './period-window.ts';

/** One indicator's value for one scope "to the end" of one month of the project (indicator_month_value). */
export interface IndicatorMonthValueRow {
  code: string;
  community: string;
  /** 'YYYY-MM' */
  month: string;
  /** "To date D", D = measuredTo; null without a value (no answers, or a month after asOf). */
  value: number | null;
  /** For a survey share: the answers behind it (0 without any); null for counts. */
  answers: number | null;
  /** D: the month's last day, or the project's end or asOf if earlier; null for a month after asOf. */
  measuredTo: string | null;
}

/** A month of the project and the window its value "to the month's end" counts (null after asOf). */
export interface MonthWindow {
  month: string;
  window: DateWindow | null;
}

/**
 * The windows of an indicator's month values: for each month of the project, the window of the
 * value "cumulative to the period's end" of a period that is that month (period-window.ts), none
 * for a month that begins after asOf.
 */
export function monthWindows(project: ProjectPeriod, cumulative: boolean, asOf: string): MonthWindow[] {
  return monthsBetween(project.periodStart, project.periodEnd).map((month) => {
    const from = `${month}-01`;
    if (from > asOf) return { month, window: null };
    return { month, window: computePeriodCumulativeWindow(project, cumulative, { from, to: endOfMonth(month) }, asOf) };
  });
}

/**
 * Every configured indicator's value to every month's end of the project, per scope (each
 * community and ALL): one set query per indicator over all its month windows, counting as
 * measureIndicator counts one window (tests/medium/indicator-month-values.test.ts holds them equal).
 */
export async function computeIndicatorMonthValues(connection: DuckDBConnection, config: OslConfig, asOf: string): Promise<IndicatorMonthValueRow[]> {
  const scopes = ['ALL', ...config.communities.map((c) => c.code)];
  const rows: IndicatorMonthValueRow[] = [];
  for (const indicator of config.indicators) {
    const windows = monthWindows(config.project, indicator.cumulative, asOf);
    const measured = windows.filter((w): w is { month: string; window: DateWindow } => w.window !== null);
    const values = measured.length > 0 ? await measureMonths(connection, config, indicator, measured) : new Map<string, MonthScopeValue>();
    const survey = indicator.computation.kind === 'survey_share';
    for (const { month, window } of windows) {
      for (const scope of scopes) {
        const found = values.get(`${month}|${scope}`);
        rows.push({
          code: indicator.code,
          community: scope,
          month,
          value: window ? (found ? found.value : defaultValue(indicator)) : null,
          answers: survey && window ? (found?.answers ?? 0) : null,
          measuredTo: window?.to ?? null,
        });
      }
    }
  }
  return rows;
}

interface MonthScopeValue {
  value: number | null;
  answers: number | null;
}

async function measureMonths(
  connection: DuckDBConnection,
  config: OslConfig,
  indicator: IndicatorConfig,
  windows: readonly { month: string; window: DateWindow }[],
): Promise<Map<string, MonthScopeValue>> {
  const zipped: DuckDBValue[] = [
    listValue(windows.map((w) => w.month)),
    listValue(windows.map((w) => w.window.from)),
    listValue(windows.map((w) => w.window.to)),
  ];
  const zippedTypes: DuckDBType[] = [LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR)];
  const values = new Map<string, MonthScopeValue>();
  const keep = (rows: { month: string; scope: string; value: number }[]) => {
    for (const row of rows) values.set(`${row.month}|${row.scope}`, { value: row.value, answers: null });
  };
  const computation = indicator.computation;
  switch (computation.kind) {
    case 'distinct_participants': {
      // As measureIndicator: the persons reached from the project start come from their first attendance.
      const fromStart = windows.every((w) => w.window.from === config.project.periodStart);
      if (computation.minAttendances === 1 && fromStart) keep(await querySqlFile(connection, 'indicator-month-reached-participants', zipped, zippedTypes));
      else keep(await querySqlFile(connection, 'indicator-month-distinct-participants', [...zipped, computation.minAttendances], [...zippedTypes, INTEGER]));
      break;
    }
    case 'activity_count':
      keep(
        await querySqlFile(
          connection,
          'indicator-month-activity-count',
          [...zipped, listValue(computation.groups ?? []), listValue(computation.types ?? []), computation.residentInitiative ?? null],
          [...zippedTypes, LIST(VARCHAR), LIST(VARCHAR), BOOLEAN],
        ),
      );
      break;
    case 'leaders':
      keep(await querySqlFile(connection, 'indicator-month-leaders', zipped, zippedTypes));
      break;
    case 'survey_share': {
      const scale = config.project.answerScales.likert5;
      const rows = await querySqlFile<{ month: string; scope: string; answers: number; at_least: number }>(
        connection,
        'indicator-month-survey-share',
        [...zipped, computation.survey, computation.question, computation.minValue, scale.min, scale.max],
        [...zippedTypes, VARCHAR, VARCHAR, DOUBLE, DOUBLE, DOUBLE],
      );
      for (const row of rows) {
        values.set(`${row.month}|${row.scope}`, { value: computeSharePercent(row.at_least, row.answers, computation.decimals), answers: row.answers });
      }
      break;
    }
  }
  return values;
}
