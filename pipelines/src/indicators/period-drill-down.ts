import type { DuckDBConnection } from '@duckdb/node-api';
import type { IndicatorConfig, OslConfig, ReportingPeriodConfig } from '@osl/data';
import { querySqlFile } from '../analytics/duckdb-sql.ts';
import { countSurveyAnswers } from './indicator-values.ts';
import type { DateWindow } from './indicator-window.ts';
import { computePeriodCumulativeWindow, computePeriodWithinWindow } from './period-window.ts';

/**
 * The rows behind a reporting period's figures, for the auditor and the frozen report: codes and
 * organizers' ids only, never names. Every list is sorted, so that equal data gives equal lists.
 */
export interface PeriodDrillDown {
  /** The activities within the period, sorted by date, then id. */
  activities: {
    /** The organizer's external id. */
    activityId: string;
    date: string;
    community: string;
    type: string;
    group: string;
    named: number;
    anonymous: number;
    residentInitiative: boolean;
  }[];
  /** Participant codes active within the period, per community of the activity (P1 within the period). */
  persons: { code: string; community: string; attendances: number }[];
  /** The regulars (R1) of D's year up to D: at least minAttendances per community, and in all together ('ALL'). */
  regulars: { code: string; community: string; attendances: number }[];
  /** The leaders (P5) identified from the project start to D, by home community. */
  leaders: { code: string; community: string; leaderSince: string }[];
  /** The answers behind each survey share (R2), per community and ALL, within the period and in its cumulative window. */
  surveyAnswers: { survey: string; question: string; community: string; window: 'within' | 'cumulative'; answers: number; atLeast: number }[];
}

/** The SQL files the readers of this module and period-values.ts run (no pipeline step runs them). */
export const periodReaderSqlFiles = [
  'indicator-period-values-read',
  'period-drill-activities',
  'period-drill-persons',
  'period-drill-regulars',
  'period-drill-leaders',
] as const;

/**
 * The drill-down of `period` on the facts in `connection` as of `asOf`, over the windows its
 * figures are measured on (computePeriodIndicatorValues): the activities and persons within the
 * period, the regulars of the first indicator counting persons with more than one attendance, the
 * leaders of the first leaders' indicator, and the answers of every survey share.
 */
export async function readPeriodDrillDown(
  connection: DuckDBConnection,
  config: OslConfig,
  period: ReportingPeriodConfig,
  asOf: string,
): Promise<PeriodDrillDown> {
  const { project } = config;
  const within = computePeriodWithinWindow(project, period, asOf);
  const cumulativeOf = (indicator: IndicatorConfig) => computePeriodCumulativeWindow(project, indicator.cumulative, period, asOf);
  const drillDown: PeriodDrillDown = { activities: [], persons: [], regulars: [], leaders: [], surveyAnswers: [] };

  if (within) {
    const activities = await querySqlFile<{
      activity_id: string;
      date: string;
      community: string;
      type_code: string;
      group_code: string;
      named: number;
      anonymous: number;
      resident_initiative: boolean;
    }>(connection, 'period-drill-activities', [within.from, within.to]);
    drillDown.activities = activities.map((a) => ({
      activityId: a.activity_id,
      date: a.date,
      community: a.community,
      type: a.type_code,
      group: a.group_code,
      named: a.named,
      anonymous: a.anonymous,
      residentInitiative: a.resident_initiative,
    }));
    drillDown.persons = await querySqlFile(connection, 'period-drill-persons', [within.from, within.to]);
  }

  const regularsIndicator = config.indicators.find((i) => i.computation.kind === 'distinct_participants' && i.computation.minAttendances > 1);
  const regularsWindow = regularsIndicator && cumulativeOf(regularsIndicator);
  if (regularsIndicator?.computation.kind === 'distinct_participants' && regularsWindow) {
    drillDown.regulars = await querySqlFile(connection, 'period-drill-regulars', [
      regularsWindow.from,
      regularsWindow.to,
      regularsIndicator.computation.minAttendances,
    ]);
  }

  const leadersIndicator = config.indicators.find((i) => i.computation.kind === 'leaders');
  const leadersWindow = leadersIndicator && cumulativeOf(leadersIndicator);
  if (leadersWindow) {
    const leaders = await querySqlFile<{ code: string; community: string; leader_since: string }>(connection, 'period-drill-leaders', [
      leadersWindow.from,
      leadersWindow.to,
    ]);
    drillDown.leaders = leaders.map((l) => ({ code: l.code, community: l.community, leaderSince: l.leader_since }));
  }

  for (const indicator of config.indicators) {
    const computation = indicator.computation;
    if (computation.kind !== 'survey_share') continue;
    const windows: ['within' | 'cumulative', DateWindow | null][] = [
      ['within', within],
      ['cumulative', cumulativeOf(indicator)],
    ];
    for (const [kind, window] of windows) {
      if (!window) continue;
      // The same query as the indicator's value, so that the answers add up to it.
      const rows = await countSurveyAnswers(connection, computation, window, project);
      rows.sort((a, b) => a.scope.localeCompare(b.scope));
      for (const row of rows) {
        drillDown.surveyAnswers.push({
          survey: computation.survey,
          question: computation.question,
          community: row.scope,
          window: kind,
          answers: row.answers,
          atLeast: row.at_least,
        });
      }
    }
  }
  return drillDown;
}
