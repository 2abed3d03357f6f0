import { BOOLEAN, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { IndicatorConfig, OslConfig, ProjectConfig } from '@osl/data';
import { querySqlFile } from '../analytics/duckdb-sql.ts';
import { computeAchievement, computeExpectedToDate, computeIndicatorStatus, roundTo, type IndicatorStatus, type IndicatorUnit } from './indicator-status.ts';
import { computeIndicatorWindow, isIndicatorYearOver, projectYears, type DateWindow } from './indicator-window.ts';

export interface IndicatorValueRow {
  code: string;
  community: string;
  year: number;
  value: number | null;
  target: number | null;
  baseline: number | null;
  expected: number | null;
  achievement: number | null;
  status: IndicatorStatus;
  unit: IndicatorUnit;
  windowFrom: string | null;
  windowTo: string | null;
}

export type ValuesByScope = Map<string, number | null>;

/** Measured values of an earlier run that still hold, or null: then the indicator is measured again. */
export type StillMeasured = (indicator: IndicatorConfig, year: number, window: DateWindow) => ValuesByScope | null;

/**
 * Values already measured in this run, by indicator and window: the years and the reporting
 * periods often measure the same window (a half-year ending 31 December and its year, cumulatively).
 */
export type MeasuredWindows = Map<string, ValuesByScope>;

/** The values of `indicator` over `window`: from `measured`, else from `earlier` (a previous run's), else measured now; kept in `measured`. */
export async function measureOnce(
  connection: DuckDBConnection,
  indicator: IndicatorConfig,
  window: DateWindow,
  project: ProjectConfig,
  measured: MeasuredWindows,
  earlier: () => ValuesByScope | null,
): Promise<ValuesByScope> {
  const key = `${indicator.code}|${window.from}|${window.to}`;
  let values = measured.get(key) ?? earlier();
  values ??= await measureIndicator(connection, indicator, window, project);
  measured.set(key, values);
  return values;
}

/**
 * Every configured indicator for every project year and scope (each community and ALL),
 * measured on the facts in `connection` as of `asOf` (a civil date), or taken from `stillMeasured`
 * or `measured` (which keeps what this call measures).
 */
export async function computeIndicatorValues(
  connection: DuckDBConnection,
  config: OslConfig,
  asOf: string,
  stillMeasured: StillMeasured = () => null,
  measured: MeasuredWindows = new Map(),
): Promise<IndicatorValueRow[]> {
  const scopes = ['ALL', ...config.communities.map((c) => c.code)];
  const rows: IndicatorValueRow[] = [];
  for (const indicator of config.indicators) {
    for (const year of projectYears(config.project)) {
      const window = computeIndicatorWindow(config.project, indicator.cumulative, year, asOf);
      const values = window
        ? await measureOnce(connection, indicator, window, config.project, measured, () => stillMeasured(indicator, year, window))
        : new Map();
      for (const scope of scopes) {
        rows.push(describeValue(indicator, config, scope, year, asOf, window, window ? (values.get(scope) ?? defaultValue(indicator)) : null));
      }
    }
  }
  return rows;
}

function describeValue(
  indicator: IndicatorConfig,
  config: OslConfig,
  scope: string,
  year: number,
  asOf: string,
  window: DateWindow | null,
  value: number | null,
): IndicatorValueRow {
  const targetsByYear: Record<number, number> = {};
  for (const [y, v] of Object.entries(indicator.targets[scope] ?? {})) targetsByYear[Number(y)] = v;
  const baseline = indicator.baseline[scope] ?? null;
  const target = targetsByYear[year] ?? null;
  const expected = computeExpectedToDate(indicator, { baseline, targets: targetsByYear }, year, asOf);
  return {
    code: indicator.code,
    community: scope,
    year,
    value,
    target,
    baseline,
    expected: expected === null ? null : roundTo(expected, 2),
    achievement: computeAchievement(value, target),
    status: computeIndicatorStatus(value, target, expected, config.project.statusThresholds, isIndicatorYearOver(config.project, year, asOf)),
    unit: indicator.unit,
    windowFrom: window?.from ?? null,
    windowTo: window?.to ?? null,
  };
}

/** What a scope without rows measures: counts are 0 where nothing happened; a survey share has no value without answers. */
export function defaultValue(indicator: IndicatorConfig): number | null {
  return indicator.computation.kind === 'survey_share' ? null : 0;
}

/**
 * An indicator measured over `window` on the facts in `connection`, per scope that has rows (the
 * years and the reporting periods share it: one SQL per computation).
 */
export async function measureIndicator(
  connection: DuckDBConnection,
  indicator: IndicatorConfig,
  window: DateWindow,
  project: ProjectConfig,
): Promise<ValuesByScope> {
  const { periodStart } = project;
  const computation = indicator.computation;
  const values: ValuesByScope = new Map();
  switch (computation.kind) {
    case 'distinct_participants': {
      // Persons reached from the project start (P1): their first attendance in the period is known.
      if (computation.minAttendances === 1 && window.from === periodStart) {
        const rows = await querySqlFile<{ scope: string; value: number }>(connection, 'indicator-reached-participants', [window.to]);
        for (const row of rows) values.set(row.scope, row.value);
        break;
      }
      const rows = await querySqlFile<{ scope: string; value: number }>(connection, 'indicator-distinct-participants', [
        window.from,
        window.to,
        computation.minAttendances,
      ]);
      for (const row of rows) values.set(row.scope, row.value);
      break;
    }
    case 'activity_count': {
      const rows = await querySqlFile<{ scope: string; value: number }>(
        connection,
        'indicator-activity-count',
        [window.from, window.to, listValue(computation.groups ?? []), listValue(computation.types ?? []), computation.residentInitiative ?? null],
        [VARCHAR, VARCHAR, LIST(VARCHAR), LIST(VARCHAR), BOOLEAN],
      );
      for (const row of rows) values.set(row.scope, row.value);
      break;
    }
    case 'leaders': {
      const rows = await querySqlFile<{ scope: string; value: number }>(connection, 'indicator-leaders', [window.from, window.to]);
      for (const row of rows) values.set(row.scope, row.value);
      break;
    }
    case 'survey_share': {
      const rows = await countSurveyAnswers(connection, computation, window, project);
      for (const row of rows) values.set(row.scope, computeSharePercent(row.at_least, row.answers, computation.decimals));
      break;
    }
  }
  return values;
}

export type SurveyShareComputation = Extract<IndicatorConfig['computation'], { kind: 'survey_share' }>;

/** A survey share's answers over `window` (on the project's likert scale) and how many reach its minimum, per scope that has answers. */
export function countSurveyAnswers(
  connection: DuckDBConnection,
  computation: SurveyShareComputation,
  window: DateWindow,
  project: ProjectConfig,
): Promise<{ scope: string; answers: number; at_least: number }[]> {
  return querySqlFile(connection, 'indicator-survey-share', [
    window.from,
    window.to,
    computation.survey,
    computation.question,
    computation.minValue,
    project.answerScales.likert5.min,
    project.answerScales.likert5.max,
  ]);
}

/** The percentage `part / whole`, rounded half up to `decimals`; null without answers. */
export function computeSharePercent(part: number, whole: number, decimals: number): number | null {
  if (whole === 0) return null;
  const factor = 10 ** decimals;
  // Integer arithmetic first, so that 12.5% stays 12.5 and 1/8 rounds like a person would.
  return Math.round((part * 100 * factor) / whole) / factor;
}

/** What an incremental run changed in the facts: the days of added or corrected rows, and whether the register or surveys changed. */
export interface FactChanges {
  days: readonly string[];
  participants: boolean;
  surveyAnswers: boolean;
}

/**
 * Whether an indicator measured over `window` can have changed: a count of activities or persons
 * only when a changed day falls in the window; leaders with any register change, survey shares
 * with any new answers.
 */
export function indicatorMayHaveChanged(kind: IndicatorConfig['computation']['kind'], window: DateWindow, changes: FactChanges): boolean {
  switch (kind) {
    case 'distinct_participants':
    case 'activity_count':
      return changes.days.some((day) => day >= window.from && day <= window.to);
    case 'leaders':
      return changes.participants;
    case 'survey_share':
      return changes.surveyAnswers;
  }
}
