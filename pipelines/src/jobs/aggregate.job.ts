import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { OslConfig } from '@osl/data';
import type { PrismaClient } from '@osl/prisma';
import { AnalyticsStore, type PublishedAnalytics } from '../analytics/analytics-store.ts';
import { queryRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import { computeIndicatorValues } from '../indicators/indicator-values.ts';
import { civilDateInZone } from '../lib/civil-date.ts';
import { OperationalSourceRepository } from '../source/operational-source.repository.ts';

export interface StepStats {
  name: string;
  rowsRead: number;
  rowsWritten: number;
  ms: number;
}

export interface AggregationInput {
  prisma: PrismaClient;
  config: OslConfig;
  dataDir: string;
  runId: number;
  now: Date;
  onStep?: (step: StepStats) => void;
}

export interface AggregationResult {
  published: PublishedAnalytics;
  asOf: string;
  steps: StepStats[];
}

/**
 * Rebuilds the analytics store from the operational database: loads codes-only facts into a
 * new DuckDB file, aggregates participation, computes the indicators, checks the result and
 * only then publishes it. Any failure leaves the previously published file serving.
 */
export async function runAggregation(input: AggregationInput): Promise<AggregationResult> {
  const { prisma, config, dataDir, runId, now } = input;
  const store = new AnalyticsStore(dataDir);
  const buildFile = store.buildPath(runId);
  store.discard(buildFile);
  const asOf = civilDateInZone(now, config.project.timeZone);
  const source = new OperationalSourceRepository(prisma);
  const steps: StepStats[] = [];
  const step = async (name: string, work: () => Promise<{ rowsRead: number; rowsWritten: number }>) => {
    const started = performance.now();
    const counts = await work();
    const stats = { name, ...counts, ms: Math.round(performance.now() - started) };
    steps.push(stats);
    input.onStep?.(stats);
  };

  const instance = await DuckDBInstance.create(buildFile);
  let connection: DuckDBConnection | null = null;
  try {
    connection = await instance.connect();
    const db = connection;
    await runSqlFile(db, 'schema');
    await step('dimensions', async () => {
      const written = await appendRows(db, 'dim_community', [config.communities], (a, c) => {
        a.appendVarchar(c.code);
        a.appendVarchar(c.name);
        a.appendVarchar(c.kind);
      });
      const types = await appendRows(db, 'dim_activity_type', [config.activityTypes], (a, t) => {
        a.appendVarchar(t.code);
        a.appendVarchar(t.namePl);
        a.appendVarchar(t.nameEn);
        a.appendVarchar(t.group);
      });
      return { rowsRead: written + types, rowsWritten: written + types };
    });
    await step('participants', async () => {
      const n = await appendRows(db, 'stage_participant', source.participants(), (a, p) => {
        a.appendVarchar(p.code);
        a.appendVarchar(p.homeCommunity);
        appendNullable(a, p.gender, (v) => a.appendVarchar(v));
        appendNullable(a, p.birthYear, (v) => a.appendInteger(v));
        a.appendBoolean(p.leader);
        appendNullable(a, p.leaderSince, (v) => a.appendVarchar(v));
      });
      return { rowsRead: n, rowsWritten: n };
    });
    await step('activities', async () => {
      const n = await appendRows(db, 'stage_activity', source.activities(), (a, x) => {
        a.appendInteger(x.id);
        a.appendVarchar(x.externalId);
        a.appendVarchar(x.date);
        a.appendVarchar(x.community);
        a.appendVarchar(x.typeCode);
        a.appendInteger(x.headcountAnonymous);
        a.appendBoolean(x.residentInitiative);
        a.appendInteger(x.importBatchId);
        a.appendInteger(x.sourceRow);
      });
      return { rowsRead: n, rowsWritten: n };
    });
    await step('attendance', async () => {
      const n = await appendRows(db, 'stage_attendance', source.attendances(), (a, x) => {
        a.appendInteger(x.activityId);
        a.appendVarchar(x.participantCode);
      });
      return { rowsRead: n, rowsWritten: n };
    });
    await step('survey answers', async () => {
      const n = await appendRows(db, 'stage_survey_answer', source.surveyAnswers(), (a, x) => {
        a.appendInteger(x.responseId);
        a.appendVarchar(x.surveyCode);
        a.appendVarchar(x.questionCode);
        a.appendVarchar(x.date);
        a.appendVarchar(x.community);
        a.appendDouble(x.valueNumber);
      });
      return { rowsRead: n, rowsWritten: n };
    });
    await step('facts', async () => {
      const [staged] = await queryRows<{ n: number }>(db, 'SELECT count(*) AS n FROM stage_attendance');
      await runSqlFile(db, 'build-facts', [config.project.periodStart]);
      const [facts] = await queryRows<{ n: number }>(db, 'SELECT count(*) AS n FROM fact_attendance');
      // Every attendance must land on a known activity: a loss here is a broken build, not data.
      if (facts!.n !== staged!.n) throw new Error(`fact_attendance has ${facts!.n} rows, ${staged!.n} were read`);
      return { rowsRead: staged!.n, rowsWritten: facts!.n };
    });
    await step('participation by month', async () => {
      await runSqlFile(db, 'participation-month', [config.project.periodStart, config.project.periodEnd]);
      const [row] = await queryRows<{ n: number }>(db, 'SELECT count(*) AS n FROM agg_participation_month');
      return { rowsRead: 0, rowsWritten: row!.n };
    });
    await step('indicators', async () => {
      const values = await computeIndicatorValues(db, config, asOf);
      await runSqlFile(db, 'indicator-values');
      const n = await appendRows(db, 'indicator_value', [values], (a, v) => {
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
      return { rowsRead: 0, rowsWritten: n };
    });
    const meta: Record<string, string> = { run_id: String(runId), built_at: now.toISOString(), as_of: asOf, config_source: config.source };
    await appendRows(db, 'meta', [Object.entries(meta)], (a, [key, value]) => {
      a.appendVarchar(key);
      a.appendVarchar(value);
    });
    await db.run('CHECKPOINT');
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    store.discard(buildFile);
    throw error;
  }
  connection.closeSync();
  instance.closeSync();
  const published = store.publish(buildFile, runId, now);
  return { published, asOf, steps };
}

type Batches<T> = Iterable<T[]> | AsyncIterable<T[]>;

async function appendRows<T>(connection: DuckDBConnection, table: string, batches: Batches<T>, write: (appender: DuckDBAppender, row: T) => void): Promise<number> {
  const appender = await connection.createAppender(table);
  let count = 0;
  try {
    for await (const batch of batches) {
      for (const row of batch) {
        write(appender, row);
        appender.endRow();
        count += 1;
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return count;
}

function appendNullable<T>(appender: DuckDBAppender, value: T | null, append: (value: T) => void): void {
  if (value === null) appender.appendNull();
  else append(value);
}
