import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { analyticsConfigVersion, type ConfigSnapshot } from '@osl/data';
import { AnalyticsStore, type PublishedAnalytics } from '../analytics/analytics-store.ts';
import { appendNullable, queryRows, querySqlFile, runSqlFile } from '../analytics/duckdb-sql.ts';
import { computeIndicatorValues, indicatorMayHaveChanged, type FactChanges, type StillMeasured, type ValuesByScope } from '../indicators/indicator-values.ts';
import { civilDateInZone } from '../lib/civil-date.ts';
import type { OperationalExtract, SourceCounts } from '../source/operational-extract.ts';
import { DECLINE_METHOD_VERSION } from '../decline/index.ts';
import { cleanUpAfter } from './clean-up.ts';
import { detectDeclines, lastCompleteWeek, seriesKey, type DetectedDecline } from './decline.step.ts';

export interface StepStats {
  name: string;
  rowsRead: number;
  rowsWritten: number;
  ms: number;
}

export type AggregationMode = 'full' | 'incremental';

export interface AggregationInput {
  extract: OperationalExtract;
  /** The configuration in force for the whole run (its version decides whether an incremental run may build on the published state). */
  config: ConfigSnapshot;
  dataDir: string;
  runId: number;
  now: Date;
  mode: AggregationMode;
  onStep?: (step: StepStats) => void;
  /** Called before each step starts, for progress displays. */
  onStepStart?: (name: string) => void;
  /**
   * Called before each step and just before publishing; throws when the run may no longer go on
   * (its process lost the pipeline lock to another), so that a run resumed after its lease ran out
   * never publishes over the run that took over.
   */
  ensureLease?: () => void;
}

export interface AggregationResult {
  published: PublishedAnalytics;
  asOf: string;
  /** What the run did: an incremental request falls back to full when the previous state cannot serve. */
  mode: AggregationMode;
  fallbackReason: string | null;
  watermark: number;
  steps: StepStats[];
  /** Declines in participation active as of the last complete week. */
  declines: DetectedDecline[];
}

/** How many steps a run reports (both modes), for progress displays; a test holds it to the truth. */
export const aggregationStepCount = 8;

/** Version of the tables an incremental run builds on; a published file of another layout is rebuilt in full. */
const analyticsLayout = '6';

/** Settings for DuckDB while building: bounded memory (it spills to disk beyond it). */
const buildSettings = { memory_limit: '1GB', preserve_insertion_order: 'false' };

/**
 * Builds the analytics store from the operational database and publishes it atomically.
 * Full: a new file from every row. Incremental: a copy of the published file plus the rows of
 * import batches newer than its watermark (new rows, and corrected rows replacing their old
 * version); aggregates, indicators and declines are then updated for what those rows change
 * (deltas when they only add, the touched periods recomputed when they correct), so both modes
 * give the same result. Before publishing, the facts are checked against the operational row counts; an
 * incremental run that does not match starts over in full. A failed run leaves the published
 * state untouched.
 */
export async function runAggregation(input: AggregationInput): Promise<AggregationResult> {
  const store = new AnalyticsStore(input.dataDir);
  const previous = store.current();
  const configHash = analyticsConfigVersion(input.config);
  let fallbackReason: string | null = null;
  if (input.mode === 'incremental') {
    const meta = previous ? await readMeta(path.join(store.dir, previous.file)) : { unreadable: '' };
    if (!previous) fallbackReason = 'nothing published yet';
    else if ('unreadable' in meta) fallbackReason = `the published state cannot be read (${meta.unreadable})`;
    else if (meta.values.layout !== analyticsLayout) fallbackReason = 'the analytics layout of this version differs';
    else if (meta.values.config_hash !== configHash) fallbackReason = 'the configuration changed';
    // Stored decline scans are resumed only by the method that made them.
    else if (meta.values.decline_method !== String(DECLINE_METHOD_VERSION)) fallbackReason = 'the decline method changed';
    if (!fallbackReason && 'values' in meta) {
      try {
        return await build(input, store, 'incremental', configHash, Number(meta.values.watermark), previous!, meta.values);
      } catch (error) {
        if (!(error instanceof FactsMismatchError)) throw error;
        fallbackReason = error.message;
      }
    }
  }
  return { ...(await build(input, store, 'full', configHash, 0, null, null)), fallbackReason };
}

class FactsMismatchError extends Error {}

interface StoredFinding {
  community: string;
  group_code: string;
  measure: DetectedDecline['measure'];
  since: string;
  raised_in: string;
  last_week: string;
  observed: number;
  expected: number;
  drop: number;
  p_value: number;
  baseline_kind: string;
  sentence_pl: string;
  sentence_en: string;
}

function fromStored(f: StoredFinding): DetectedDecline {
  return {
    community: f.community,
    groupCode: f.group_code,
    measure: f.measure,
    since: f.since,
    raisedIn: f.raised_in,
    lastWeek: f.last_week,
    observed: f.observed,
    expected: f.expected,
    drop: f.drop,
    pValue: f.p_value,
    baselineKind: f.baseline_kind,
    sentencePl: f.sentence_pl,
    sentenceEn: f.sentence_en,
  };
}

async function build(
  input: AggregationInput,
  store: AnalyticsStore,
  mode: AggregationMode,
  configHash: string,
  sinceBatch: number,
  previous: PublishedAnalytics | null,
  previousMeta: Record<string, string> | null,
): Promise<AggregationResult> {
  const { config, runId, now } = input;
  const asOf = civilDateInZone(now, config.project.timeZone);
  const buildFile = store.buildPath(runId);
  store.discard(buildFile);
  const workDir = path.join(store.dir, `work-${runId}`);
  const steps: StepStats[] = [];
  const step = async (name: string, work: () => Promise<{ rowsRead: number; rowsWritten: number }>) => {
    input.ensureLease?.();
    input.onStepStart?.(name);
    const started = performance.now();
    const counts = await work();
    const stats = { name, ...counts, ms: Math.round(performance.now() - started) };
    steps.push(stats);
    input.onStep?.(stats);
  };

  let watermark = sinceBatch;
  let declines: DetectedDecline[] = [];
  const declineWeek = lastCompleteWeek(asOf);
  try {
    if (mode === 'incremental') fs.copyFileSync(path.join(store.dir, previous!.file), buildFile);
  } catch (error) {
    throw cleanUpAfter(error, () => store.discard(buildFile));
  }
  const instance = await DuckDBInstance.create(buildFile, buildSettings);
  let connection: DuckDBConnection | null = null;
  try {
    connection = await instance.connect();
    const db = connection;
    if (mode === 'full') await runSqlFile(db, 'schema');
    await runSqlFile(db, 'staging');
    let totals: SourceCounts | null = null;
    let staged: SourceCounts | null = null;
    await step(mode === 'full' ? 'read operational data' : `read changes after import #${sinceBatch}`, async () => {
      const extract = await input.extract.stage(db, workDir, sinceBatch);
      totals = extract.totals;
      staged = extract.staged;
      watermark = extract.watermark;
      const read = Object.values(extract.staged).reduce((a, b) => a + b, 0);
      return { rowsRead: read, rowsWritten: read };
    });
    await step('dimensions', async () => {
      await db.run('DELETE FROM dim_community');
      await db.run('DELETE FROM dim_activity_type');
      const communities = await appendRows(db, 'dim_community', input.config.communities, (a, c) => {
        a.appendVarchar(c.code);
        a.appendVarchar(c.name);
        a.appendVarchar(c.kind);
      });
      const types = await appendRows(db, 'dim_activity_type', input.config.activityTypes, (a, t) => {
        a.appendVarchar(t.code);
        a.appendVarchar(t.namePl);
        a.appendVarchar(t.nameEn);
        a.appendVarchar(t.group);
      });
      return { rowsRead: communities + types, rowsWritten: communities + types };
    });
    // Whether the staged rows only add (no earlier activity corrected): participation then grows by deltas.
    let additive = false;
    await step('facts', async () => {
      // What the staged rows will change, noted while the previous facts are still there.
      if (mode === 'incremental') {
        await runSqlFile(db, 'affected-periods');
        const [corrected] = await queryRows<{ n: number }>(db, 'SELECT count(*) AS n FROM stage_activity WHERE activity_id IN (SELECT activity_id FROM fact_activity)');
        additive = corrected!.n === 0;
      }
      await runSqlFile(db, 'build-facts', [config.project.periodStart]);
      await db.run('DROP TABLE stage_participant; DROP TABLE stage_activity; DROP TABLE stage_attendance; DROP TABLE stage_survey_answer;');
      const counts = await factCounts(db);
      const expected = totals!;
      // Every operational row must be in the facts exactly once; otherwise this build is wrong.
      for (const key of Object.keys(expected) as (keyof SourceCounts)[]) {
        if (counts[key] !== expected[key]) {
          const message = `${key}: the facts hold ${counts[key]} rows, the operational database ${expected[key]}`;
          if (mode === 'incremental') throw new FactsMismatchError(`incremental state does not match (${message})`);
          throw new Error(`the build is inconsistent (${message})`);
        }
      }
      return { rowsRead: 0, rowsWritten: counts.attendances + counts.activities + counts.participants + counts.surveyAnswers };
    });
    const participationStep =
      mode === 'full' ? 'participation by week, month, quarter, year' : additive ? 'participation: what the added rows add' : 'participation of the corrected periods';
    await step(participationStep, async () => {
      const grains = ['week', 'month', 'quarter', 'year'];
      if (mode === 'full') {
        await runSqlFile(db, 'person-first', [config.project.periodStart, config.project.periodEnd]);
        await runSqlFile(db, 'participation-table');
        await db.run('CREATE OR REPLACE TABLE affected_dates (date DATE); CREATE OR REPLACE TABLE affected_persons (participant_id INTEGER);');
        for (const grain of grains) await runSqlFile(db, 'participation', [grain, config.project.periodStart, config.project.periodEnd, true]);
      } else if (additive) {
        await runSqlFile(db, 'person-first-added', [sinceBatch, config.project.periodStart, config.project.periodEnd]);
        const [addedSpan] = await querySqlFile<{ from: string | null; to: string | null }>(db, 'added-span');
        await runSqlFile(db, 'participation-added-rows', [sinceBatch, addedSpan!.from, addedSpan!.to]);
        for (const grain of grains) await runSqlFile(db, 'participation-added', [grain, sinceBatch]);
        await runSqlFile(db, 'participation-added-apply');
        // The grid of periods grows only when the facts now span more days.
        const [spanNow] = await querySqlFile<{ same: boolean }>(db, 'fact-span-unchanged');
        if (!spanNow?.same) for (const grain of grains) await runSqlFile(db, 'participation-grid', [grain, config.project.periodStart, config.project.periodEnd]);
      } else {
        // Corrections can move rows out of a period: its figures are recomputed from its rows.
        await runSqlFile(db, 'person-first-update', [config.project.periodStart, config.project.periodEnd]);
        await runSqlFile(db, 'affected-periods-after');
        for (const grain of grains) await runSqlFile(db, 'participation', [grain, config.project.periodStart, config.project.periodEnd, false]);
      }
      return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_participation') };
    });
    await step('participation by month', async () => {
      await runSqlFile(db, 'participation-month');
      return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_participation_month') };
    });
    await step('survey aggregates', async () => {
      const likert = input.config.project.answerScales.likert5;
      await runSqlFile(db, 'survey-aggregates', [likert.min, likert.max]);
      return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_survey') };
    });
    await step('indicators', async () => {
      const changes = mode === 'incremental' ? await factChanges(db, staged!) : null;
      const values = await computeIndicatorValues(db, config, asOf, changes ? await previousIndicatorValues(db, changes) : undefined);
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
      return { rowsRead: 0, rowsWritten: n };
    });
    await step('decline detection', async () => {
      let weeksTested = 0;
      await runSqlFile(db, 'decline-findings');
      // Within the same week, an unchanged series gives the same findings (unless the facts' span of
      // days changed: then every series gains or loses weeks). A series that is scanned again resumes
      // its previous scan at its first changed week (detectDeclines).
      const [span] = mode === 'incremental' ? await querySqlFile<{ same: boolean }>(db, 'fact-span-unchanged') : [];
      if (mode === 'incremental' && previousMeta?.decline_week === declineWeek && span?.same) {
        const affected = new Set((await queryRows<{ community: string; group_code: string }>(db, 'SELECT community, group_code FROM affected_series')).map((r) => seriesKey(r.community, r.group_code)));
        const kept = (await queryRows<StoredFinding>(db, 'SELECT * FROM decline_finding')).filter((f) => !affected.has(seriesKey(f.community, f.group_code))).map(fromStored);
        const detected = await detectDeclines(db, config, asOf, affected);
        declines = [...kept, ...detected.declines];
        weeksTested = detected.weeksTested;
      } else {
        const detected = await detectDeclines(db, config, asOf);
        declines = detected.declines;
        weeksTested = detected.weeksTested;
      }
      await db.run('DELETE FROM decline_finding');
      await appendRows(db, 'decline_finding', declines, (a, d) => {
        for (const text of [d.community, d.groupCode, d.measure, d.since, d.raisedIn, d.lastWeek]) a.appendVarchar(text);
        for (const number of [d.observed, d.expected, d.drop, d.pValue]) a.appendDouble(number);
        for (const text of [d.baselineKind, d.sentencePl, d.sentenceEn]) a.appendVarchar(text);
      });
      return { rowsRead: weeksTested, rowsWritten: declines.length };
    });
    await db.run('DELETE FROM meta');
    const meta: Record<string, string> = {
      layout: analyticsLayout,
      run_id: String(runId),
      built_at: now.toISOString(),
      as_of: asOf,
      mode,
      watermark: String(watermark),
      decline_week: declineWeek,
      config_hash: configHash,
      decline_method: String(DECLINE_METHOD_VERSION),
    };
    await appendRows(db, 'meta', Object.entries(meta), (a, [key, value]) => {
      a.appendVarchar(key);
      a.appendVarchar(value);
    });
    await db.run('CHECKPOINT');
  } catch (error) {
    throw cleanUpAfter(
      error,
      () => connection?.closeSync(),
      () => instance.closeSync(),
      () => store.discard(buildFile),
      () => fs.rmSync(workDir, { recursive: true, force: true }),
    );
  }
  connection.closeSync();
  instance.closeSync();
  try {
    fs.rmSync(workDir, { recursive: true, force: true });
  } catch {
    // Removed with the other leftovers of dead runs later: a work folder does not fail a complete build.
  }
  try {
    input.ensureLease?.();
  } catch (error) {
    throw cleanUpAfter(error, () => store.discard(buildFile));
  }
  const published = store.publish(buildFile, runId, now);
  return { published, asOf, mode, fallbackReason: null, watermark, steps, declines };
}

async function factChanges(db: DuckDBConnection, staged: SourceCounts): Promise<FactChanges> {
  const days = (await querySqlFile<{ day: string }>(db, 'staged-days')).map((r) => r.day);
  return { days, participants: staged.participants > 0, surveyAnswers: staged.surveyAnswers > 0 };
}

/** The previous run's measured indicator values, for the indicators whose window and sources did not change. */
async function previousIndicatorValues(db: DuckDBConnection, changes: FactChanges): Promise<StillMeasured> {
  const rows = await querySqlFile<{ code: string; year: number; window_from: string | null; window_to: string | null; scopes: string[]; values: (number | null)[] }>(
    db,
    'indicator-values-previous',
  );
  const measured = new Map<string, { from: string | null; to: string | null; values: ValuesByScope }>();
  for (const row of rows) {
    measured.set(`${row.code}|${row.year}`, { from: row.window_from, to: row.window_to, values: new Map(row.scopes.map((scope, i) => [scope, row.values[i] ?? null])) });
  }
  return (indicator, year, window) => {
    const entry = measured.get(`${indicator.code}|${year}`);
    if (!entry || entry.from !== window.from || entry.to !== window.to) return null;
    return indicatorMayHaveChanged(indicator.computation.kind, window, changes) ? null : entry.values;
  };
}

async function factCounts(db: DuckDBConnection): Promise<SourceCounts> {
  const [row] = await queryRows<SourceCounts>(
    db,
    `SELECT (SELECT count(*) FROM dim_participant) AS participants, (SELECT count(*) FROM fact_activity) AS activities,
            (SELECT count(*) FROM fact_attendance) AS attendances, (SELECT count(*) FROM fact_survey_answer) AS "surveyAnswers"`,
  );
  return row!;
}

async function countRows(db: DuckDBConnection, table: 'agg_participation_month' | 'agg_participation' | 'agg_survey'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`);
  return row!.n;
}

/** The meta table of a published file, or why it cannot be read (locked, corrupt, not a file). */
async function readMeta(file: string): Promise<{ values: Record<string, string> } | { unreadable: string }> {
  let instance: DuckDBInstance | null = null;
  try {
    instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    const rows = await queryRows<{ key: string; value: string }>(connection, 'SELECT key, value FROM meta');
    connection.closeSync();
    return { values: Object.fromEntries(rows.map((r) => [r.key, r.value])) };
  } catch (error) {
    return { unreadable: (error as Error).message.split('\n')[0]! };
  } finally {
    instance?.closeSync();
  }
}

async function appendRows<T>(connection: DuckDBConnection, table: string, rows: Iterable<T>, write: (appender: DuckDBAppender, row: T) => void): Promise<number> {
  const appender = await connection.createAppender(table);
  let count = 0;
  try {
    for (const row of rows) {
      write(appender, row);
      appender.endRow();
      count += 1;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return count;
}
