import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  AnalyticsStore,
  parseAnalyticsMeta,
  queryRows,
  readStoredMeta,
  type AnalyticsMeta,
  type IndicatorValueRow,
  type PublishedAnalytics,
} from '@osl/pipelines';
import { DomainError } from '../lib/domain-error.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';

/** An indicator's value to a month's end in a scope (indicator_month_value); `answers`: a survey share's answers counted. */
export interface IndicatorMonthRecord {
  code: string;
  community: string;
  month: string;
  value: number | null;
  answers: number | null;
}

/** An indicator value as published (the pipeline's row without its measurement window). */
export type IndicatorValueRecord = Omit<IndicatorValueRow, 'windowFrom' | 'windowTo'>;

export interface ParticipationMonthRecord {
  period: string;
  activities: number;
  attendances: number;
  namedAttendances: number;
  anonymousAttendances: number;
  distinctParticipants: number;
  newParticipants: number;
  returningParticipants: number;
  cumulativeParticipants: number;
  turnout: number | null;
}

const indicatorValuesSql = `
  SELECT code, community, year, value, target, baseline, expected, achievement, status, unit
  FROM indicator_value
  WHERE ($1::INTEGER IS NULL OR year = $1::INTEGER) AND ($2::VARCHAR IS NULL OR community = $2::VARCHAR)
  ORDER BY code, year, CASE WHEN community = 'ALL' THEN 0 ELSE 1 END, community`;

// Every month of the project to `$1` (YYYY-MM), oldest first; a scope, or every scope when $2 is null.
const indicatorMonthValuesSql = `
  SELECT code, community, month, value_to_month_end::DOUBLE AS value, answers::INTEGER AS answers
  FROM indicator_month_value
  WHERE month <= $1::VARCHAR AND ($2::VARCHAR IS NULL OR community = $2::VARCHAR)
  ORDER BY code, community, month`;

const participationByMonthSql = `
  SELECT period, activities, attendances, named_attendances AS namedAttendances,
         anonymous_attendances AS anonymousAttendances, distinct_participants AS distinctParticipants,
         new_participants AS newParticipants, returning_participants AS returningParticipants,
         cumulative_participants AS cumulativeParticipants, turnout::DOUBLE AS turnout
  FROM agg_participation_month WHERE community = $1 ORDER BY period`;

/** One row of agg_survey: a question's answers in a community (or ALL) and year; n_0 … n_5 answers per value. */
export interface SurveyAggregateRecord {
  survey: string;
  question: string;
  community: string;
  year: number;
  n: number;
  mean: number | null;
  n0: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  /** Per cent of the 1–5 scale's answers that are ≥ 4 (null without such answers). */
  share4OrMore: number | null;
}

const surveyAggregatesSql = `
  SELECT survey_code AS survey, question_code AS question, community, year::INTEGER AS year, n, mean,
         n_0 AS n0, n_1 AS n1, n_2 AS n2, n_3 AS n3, n_4 AS n4, n_5 AS n5, share_4_or_more AS share4OrMore
  FROM agg_survey WHERE year = $1::INTEGER ORDER BY survey, question, community`;

/** A regular's standing in a community as of the last complete week (lapsing_regular, codes only). */
export interface LapsingRegularRecord {
  community: string;
  participantId: number;
  code: string;
  usualRate: number;
  attended: number;
  opportunities: number;
  lastAttended: string;
  /** ISO week of the first activity they missed since (null while none). */
  missedSince: string | null;
  missed: number;
  absenceProbability: number;
  lapsing: boolean;
  /** Counted among the community's lapsing now (what its alert counts). */
  counted: boolean;
  groups: string[];
  rank: number;
}

const lapsingRegularsSql = `
  SELECT community, participant_id AS participantId, participant_code AS code, usual_rate AS usualRate, attended, opportunities,
         strftime(last_date, '%Y-%m-%d') AS lastAttended, missed_since AS missedSince, missed, absence_probability AS absenceProbability,
         lapsing, counted, groups, rank
  FROM lapsing_regular WHERE community = $1 ORDER BY rank`;

/** One non-empty cell of agg_participant_profile. */
export interface ParticipantProfileRecord {
  community: string;
  gender: string;
  ageBand: string;
  persons: number;
}

const participantProfileSql = `
  SELECT community, gender, age_band AS ageBand, persons FROM agg_participant_profile WHERE year = $1::INTEGER ORDER BY community, gender, age_band`;

/** A person an indicator of distinct participants counts: attendances in its window and scope, and the first of them. */
export interface PersonBehindRecord {
  participantId: number;
  code: string;
  attendances: number;
  firstDate: string;
}

// The persons indicator-distinct-participants.sql counts for one scope ($4: a community, or null for ALL).
const personsBehindSql = `
  SELECT participant_id AS "participantId", participant_code AS code, count(*)::INTEGER AS attendances,
         strftime(min(date), '%Y-%m-%d') AS "firstDate"
  FROM fact_attendance
  WHERE date BETWEEN $1::DATE AND $2::DATE AND ($4::VARCHAR IS NULL OR community = $4::VARCHAR)
  GROUP BY participant_id, participant_code HAVING count(*) >= $3::INTEGER
  ORDER BY participant_code`;

/** A survey answer a survey-share indicator takes over (indicator-survey-share.sql's rows). */
export interface SurveyAnswerBehindRecord {
  answerId: number;
  responseId: number;
  date: string;
  community: string;
  value: number;
  importBatchId: number;
}

const surveyAnswersBehindSql = `
  SELECT answer_id AS "answerId", response_id AS "responseId", strftime(date, '%Y-%m-%d') AS date, community,
         value_number AS value, import_batch_id AS "importBatchId"
  FROM fact_survey_answer
  WHERE date BETWEEN $1::DATE AND $2::DATE AND survey_code = $3 AND question_code = $4
    AND value_number BETWEEN $5 AND $6 AND ($7::VARCHAR IS NULL OR community = $7::VARCHAR)
  ORDER BY date, community, answer_id`;

/** A register entry a leaders indicator counts (indicator-leaders.sql's rows). */
export interface LeaderBehindRecord {
  participantId: number;
  code: string;
  homeCommunity: string;
  leaderSince: string;
  importBatchId: number;
}

const leadersBehindSql = `
  SELECT participant_id AS "participantId", participant_code AS code, home_community AS "homeCommunity",
         strftime(leader_since, '%Y-%m-%d') AS "leaderSince", import_batch_id AS "importBatchId"
  FROM dim_participant
  WHERE leader AND leader_since BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR home_community = $3::VARCHAR)
  ORDER BY leader_since, participant_code`;

interface OpenState {
  published: PublishedAnalytics;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

/** The published file cannot be read (corrupt, truncated, not a file, locked), and why. */
export interface AnalyticsUnreadable {
  file: string;
  reason: string;
}

/**
 * Analytics cannot be served because the published file cannot be read. An HTTP answer of 503
 * with the reason; the next pipeline run (or server start-up) rebuilds the file from the
 * operational database.
 */
export class AnalyticsUnavailableError extends DomainError {
  constructor(readonly unreadable: AnalyticsUnreadable) {
    super('unavailable', 'analytics.unavailable', { file: unreadable.file, reason: unreadable.reason });
    this.name = 'AnalyticsUnavailableError';
  }
}

// DuckDB's own words for a file it cannot read: the file, not the query, is at fault.
const storageError = /\b(IO|Serialization|FATAL) Error\b|Corrupt|invalidated/i;

/**
 * Reads the published analytics state. It follows the store's pointer: when a run publishes
 * a new file, the next read opens it (read-only) and the old one is closed. A published file
 * that cannot be opened or read is reported once in the log and makes reads fail with
 * AnalyticsUnavailableError (503) instead of an internal error, until a run publishes anew.
 */
@Injectable()
export class AnalyticsRepository implements OnModuleDestroy {
  private readonly logger = new Logger('AnalyticsRepository');
  private readonly store: AnalyticsStore;
  private state: OpenState | null = null;
  private opening: Promise<OpenState | null> | null = null;
  /** The last failure to read the published file, and the file's identity then (to retry when it changes). */
  private failure: (AnalyticsUnreadable & { identity: string }) | null = null;

  constructor(@Inject(OSL_ENVIRONMENT) environment: OslEnvironment) {
    this.store = new AnalyticsStore(environment.dataDir);
  }

  published(): PublishedAnalytics | null {
    return this.store.current();
  }

  async indicatorValues(filter: { year: number | null; community: string | null }): Promise<IndicatorValueRecord[]> {
    return this.query<IndicatorValueRecord>(indicatorValuesSql, [filter.year, filter.community]);
  }

  /** Indicators' values to each month's end up to `throughMonth` (YYYY-MM), in a scope or (null) every scope. */
  async indicatorMonthValues(throughMonth: string, community: string | null): Promise<IndicatorMonthRecord[]> {
    return this.query<IndicatorMonthRecord>(indicatorMonthValuesSql, [throughMonth, community]);
  }

  /** The dates an indicator value was measured over (its window), or null when it has none. */
  async indicatorWindow(code: string, community: string, year: number): Promise<{ from: string; to: string } | null> {
    const [row] = await this.query<{ from: string | null; to: string | null }>(
      `SELECT strftime(window_from, '%Y-%m-%d') AS "from", strftime(window_to, '%Y-%m-%d') AS "to" FROM indicator_value WHERE code = $1 AND community = $2 AND year = $3`,
      [code, community, year],
    );
    return row?.from && row.to ? { from: row.from, to: row.to } : null;
  }

  /** The persons with at least `minAttendances` attendances in the window, in a community (null: all together). */
  async personsBehind(window: { from: string; to: string }, minAttendances: number, community: string | null): Promise<PersonBehindRecord[]> {
    return this.query<PersonBehindRecord>(personsBehindSql, [window.from, window.to, minAttendances, community]);
  }

  /** The answers on the scale [scaleMin, scaleMax] to one question in the window, in a community (null: all). */
  async surveyAnswersBehind(
    window: { from: string; to: string },
    question: { survey: string; question: string; scaleMin: number; scaleMax: number },
    community: string | null,
  ): Promise<SurveyAnswerBehindRecord[]> {
    return this.query<SurveyAnswerBehindRecord>(surveyAnswersBehindSql, [
      window.from,
      window.to,
      question.survey,
      question.question,
      question.scaleMin,
      question.scaleMax,
      community,
    ]);
  }

  /** The register's leaders whose leader_since lies in the window, by home community (null: all). */
  async leadersBehind(window: { from: string; to: string }, community: string | null): Promise<LeaderBehindRecord[]> {
    return this.query<LeaderBehindRecord>(leadersBehindSql, [window.from, window.to, community]);
  }

  /** Rows of a compiled metrics query (analytics/metrics-query.ts): whitelisted SQL, values as parameters. */
  async metrics(compiled: { sql: string; params: (string | null)[] }): Promise<Record<string, unknown>[]> {
    return this.query<Record<string, unknown>>(compiled.sql, compiled.params);
  }

  async participationByMonth(community: string): Promise<ParticipationMonthRecord[]> {
    return this.query<ParticipationMonthRecord>(participationByMonthSql, [community]);
  }

  /** Survey answers per survey, question and community (and ALL) in a year. */
  async surveyAggregates(year: number): Promise<SurveyAggregateRecord[]> {
    return this.query<SurveyAggregateRecord>(surveyAggregatesSql, [year]);
  }

  /**
   * A community's regulars as of the last complete week, most unusual absence first (the lapsing
   * step's rows); none from a state published before the step existed.
   */
  async lapsingRegulars(community: string): Promise<LapsingRegularRecord[]> {
    const [table] = await this.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'lapsing_regular'`, []);
    if (!table?.n) return [];
    return this.query<LapsingRegularRecord>(lapsingRegularsSql, [community]);
  }

  /** Persons by gender and age band per community (and ALL) in a year; cells not listed are 0. */
  async participantProfile(year: number): Promise<ParticipantProfileRecord[]> {
    return this.query<ParticipantProfileRecord>(participantProfileSql, [year]);
  }

  /**
   * The published state: the run that built it, when, and the newest import batch it holds
   * (its watermark: every batch up to it is in the figures). Null when nothing is published.
   */
  async publishedState(): Promise<{ runId: number; builtAt: string; watermark: number } | null> {
    const state = await this.open();
    if (!state) return null;
    const [row] = await queryRows<{ value: string }>(state.connection, `SELECT value FROM meta WHERE key = 'watermark'`, []);
    return row ? { runId: state.published.runId, builtAt: state.published.builtAt, watermark: Number(row.value) } : null;
  }

  /**
   * Runs `read` on the published state's connection with its metadata (as of, watermark, the
   * configuration version it was built with); null when nothing is published.
   */
  async withPublished<T>(read: (connection: DuckDBConnection, meta: AnalyticsMeta) => Promise<T | null>): Promise<T | null> {
    const state = await this.open();
    if (!state) return null;
    return read(state.connection, parseAnalyticsMeta(await readStoredMeta(state.connection)));
  }

  /**
   * Whether the published file can be read (opened, and its indicator table scanned): null when
   * it can or when nothing is published yet, else the file and why not.
   */
  async unreadable(): Promise<AnalyticsUnreadable | null> {
    try {
      await this.query('SELECT max(length(code)) AS n FROM indicator_value', []);
      return null;
    } catch (error) {
      // Anything else (a missing table, say) is not about reading the file: the reads report it.
      return error instanceof AnalyticsUnavailableError ? error.unreadable : null;
    }
  }

  /** Why the published file could not be read at the last attempt (null: it could, or was not tried), for health answers. */
  lastFailure(): AnalyticsUnreadable | null {
    const published = this.store.current();
    return this.failure && published?.file === this.failure.file ? { file: this.failure.file, reason: this.failure.reason } : null;
  }

  /** Rows of a query on the published state; empty when nothing is published yet. */
  private async query<T>(sql: string, params: (string | number | boolean | null)[]): Promise<T[]> {
    const state = await this.open();
    if (!state) {
      if (this.failure) throw new AnalyticsUnavailableError({ file: this.failure.file, reason: this.failure.reason });
      return [];
    }
    try {
      return await queryRows<T>(state.connection, sql, params);
    } catch (error) {
      if (!storageError.test((error as Error).message)) throw error;
      // The file went bad under an open connection: stop using it.
      if (this.state === state) {
        this.state = null;
        this.close(state);
      }
      const unreadable = this.recordFailure(state.published, error);
      throw new AnalyticsUnavailableError(unreadable);
    }
  }

  private async open(): Promise<OpenState | null> {
    const published = this.store.current();
    if (this.state && published && this.state.published.file === published.file) return this.state;
    this.opening ??= this.switchTo(published).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async switchTo(published: PublishedAnalytics | null): Promise<OpenState | null> {
    const previous = this.state;
    this.state = null;
    if (published) {
      const file = path.join(this.store.dir, published.file);
      const known = this.failure && this.failure.file === published.file && this.failure.identity === identity(file);
      if (!known) {
        let instance: DuckDBInstance | null = null;
        try {
          instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
          this.state = { published, instance, connection: await instance.connect() };
          this.failure = null;
        } catch (error) {
          instance?.closeSync();
          this.recordFailure(published, error);
        }
      }
    } else {
      this.failure = null;
    }
    if (previous) this.close(previous);
    return this.state;
  }

  /** Remembers why the published file cannot be read; logs it once per file and reason. */
  private recordFailure(published: PublishedAnalytics, error: unknown): AnalyticsUnreadable {
    const file = path.join(this.store.dir, published.file);
    const reason = (error as Error).message.split(`${this.store.dir}${path.sep}`).join('');
    const repeated = this.failure?.file === published.file && this.failure.reason === reason;
    this.failure = { file: published.file, reason, identity: identity(file) };
    if (!repeated) {
      this.logger.error(
        `analytics file ${published.file} unreadable (${reason}); analytics requests answer 503 until it is rebuilt from the operational database (next pipeline run or start-up)`,
      );
    }
    return { file: published.file, reason };
  }

  private close(state: OpenState): void {
    state.connection.closeSync();
    state.instance.closeSync();
  }

  onModuleDestroy(): void {
    if (this.state) this.close(this.state);
    this.state = null;
  }
}

/** Changes when the file is replaced or rewritten. */
function identity(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'missing';
}
