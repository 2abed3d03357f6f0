// Pipeline speed (issue 4, "Speed") against raw DuckDB over a Parquet file of the same rows,
// measured in the same run.
//   npm run bench:pipeline [-- --rows 10000000 --communities 1000] [--periods] [--keep] [--save F] [--compare F]
// Generates a history straight into the operational database of a fresh installation, then runs,
// each in its own process (so peak memory is the run's own): a full rebuild, the baseline, and
// after one more day of imports an incremental run; then, after corrections of the history, the
// figures "as of" the batch the full rebuild read (issue 15). Goals: full ≤ 5× raw DuckDB,
// incremental under 2 s, peak memory under 2 GB, "as of" ≤ 1.2× the full rebuild. With --periods,
// the same data is then built again with six half-year reporting periods (a full rebuild, and an
// incremental run after one more day), and what the periods add is printed beside the plain runs
// (issue 15: goal < 15% each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { readEnvironment } from '@osl/backend';
import { loadConfig, type ReportingPeriodConfig } from '@osl/data';
import { openInstallation, temporaryEnvironment } from '../support/installation.ts';
import { addDay, correctHistory, generateHistory, newestBatch, writeBenchConfig } from './pipeline-history.ts';
import { indicatorChecksum, publishedChecksums, rawIndicatorCodes } from './pipeline-raw.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    communities: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
    periods: { type: 'boolean', default: false },
    // Issue 16: the incremental run's growth with the history. --save writes this run's figures to a
    // file; --compare reads another size's (e.g. the 1M run's) and prints 10M against it.
    save: { type: 'string' },
    compare: { type: 'string' },
  },
});
const rows = Number(values.rows);
const communities = Number(values.communities);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(communities) || communities < 1 || communities > 9999) {
  throw new Error('--rows and --communities must be positive integers (communities at most 9999)');
}
const now = '2026-11-27T12:00:00Z';
const dayRows = Math.max(30, Math.round(rows / 1000));
const newDay = '2023-12-31';
// The day the incremental run with periods adds (pipeline-once.ts's warm run took 30 and 29 December).
const periodsDay = '2023-12-28';

interface StepStats {
  name: string;
  rowsRead: number;
  rowsWritten: number;
  ms: number;
}
interface RunChild {
  openMs: number;
  ms: number;
  peakMb: number;
  report: { status: string; mode: string; fallbackReason: string | null; asOf: string | null; steps: StepStats[]; error: string | null };
}
interface AsOfChild {
  ms: number;
  steps: StepStats[];
  peakMb: number;
  asOf: string;
  indicators: string;
}
interface RawChild {
  ms: number;
  stepMs: { name: string; ms: number }[];
  peakMb: number;
  checksums: Record<string, number>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const count = (n: number) => n.toLocaleString('en');
const row = (label: string, value: string) => console.log(`${label.padEnd(46)} ${value}`);
const note = (text: string) => console.log(`${''.padEnd(46)} ${text}`);
const progress = (text: string) => process.stderr.write(`[bench:pipeline] ${text}\n`);

const base = temporaryEnvironment(now);
writeBenchConfig(base.dataDir, communities);
// Read again now that the installation has its own config folder.
const environment = readEnvironment(base.env);
const childEnv = { ...process.env, OSL_DATA_DIR: environment.dataDir, OSL_NOW: now, DATABASE_URL: '' };
const databaseFile = path.join(environment.dataDir, 'osl.db');
const config = loadConfig(environment.configDir);

// Six half-years over the project (2021–2023), as a centre reporting twice a year defines them.
const halfYears: ReportingPeriodConfig[] = [2021, 2022, 2023].flatMap((year, i) => [
  { id: 2 * i + 1, name: `H1 ${year}`, from: `${year}-01-01`, to: `${year}-06-30` },
  { id: 2 * i + 2, name: `H2 ${year}`, from: `${year}-07-01`, to: `${year}-12-31` },
]);

function runChild<T>(script: string, args: string[], periods: ReportingPeriodConfig[] = []): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    env: { ...childEnv, OSL_BENCH_PERIODS: JSON.stringify(periods) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${child.status}, signal ${child.signal}): ${child.stderr}`);
  return JSON.parse(child.stdout) as T;
}

function publishedFile(): string {
  const pointer = JSON.parse(fs.readFileSync(path.join(environment.dataDir, 'analytics', 'CURRENT.json'), 'utf8')) as { file: string };
  return path.join(environment.dataDir, 'analytics', pointer.file);
}

try {
  // 1. The installation (migrations, configuration), then the history straight into SQLite.
  progress(`installation in ${environment.dataDir}`);
  let started = performance.now();
  const context = await openInstallation(environment);
  await context.close();
  const openMs = performance.now() - started;
  progress(`generating ${count(rows)} attendance rows over ${count(communities)} communities`);
  started = performance.now();
  const history = generateHistory(databaseFile, rows, communities);
  const generationMs = performance.now() - started;
  // The data version the full rebuild reads: the figures "as of" it are built again at the end.
  const historyVersion = newestBatch(databaseFile);
  const databaseBytes = fs.statSync(databaseFile).size;

  // 2a. The full rebuild.
  progress('full rebuild');
  const full = runChild<RunChild>('pipeline-once.ts', ['full']);
  if (full.report.status !== 'succeeded') throw new Error(`the full rebuild failed: ${full.report.error}\nsteps: ${JSON.stringify(full.report.steps)}`);
  const fullFile = publishedFile();
  const analyticsBytes = fs.statSync(fullFile).size;

  // 3. The same rows as Parquet (from the published facts), the published sums, then the baseline.
  progress('exporting Parquet');
  const parquet = path.join(environment.dataDir, 'attendance.parquet');
  const codes = rawIndicatorCodes(config);
  started = performance.now();
  const analytics = await DuckDBInstance.create(fullFile, { access_mode: 'READ_ONLY' });
  const reader = await analytics.connect();
  await reader.run(
    `COPY (SELECT activity_id, participant_code, date, community, type_code, group_code FROM fact_attendance)
     TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`,
  );
  const exportMs = performance.now() - started;
  const parquetRows = Number(
    (await reader.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${parquet.replaceAll("'", "''")}')`)).getRowObjectsJS()[0]!.n,
  );
  const expected = await publishedChecksums(reader, codes);
  const fullIndicators = await indicatorChecksum(reader);
  reader.closeSync();
  analytics.closeSync();
  if (parquetRows !== history.attendances) throw new Error(`the Parquet file holds ${parquetRows} rows, the history ${history.attendances}`);
  progress('raw DuckDB baseline');
  const raw = runChild<RawChild>('pipeline-raw-once.ts', [parquet, full.report.asOf!]);
  const mismatches = Object.keys({ ...expected, ...raw.checksums }).filter((key) => expected[key] !== raw.checksums[key]);

  // 2b. One more day of imports, then the incremental run.
  progress(`adding ${count(dayRows)} attendance rows dated ${newDay}`);
  started = performance.now();
  const day = addDay(databaseFile, dayRows, communities, newDay);
  const addMs = performance.now() - started;
  progress('incremental run');
  const incremental = runChild<RunChild>('pipeline-once.ts', ['incremental']);
  if (incremental.report.status !== 'succeeded') throw new Error(`the incremental run failed: ${incremental.report.error}`);
  if (incremental.report.mode !== 'incremental')
    throw new Error(`the incremental request ran in ${incremental.report.mode} mode: ${incremental.report.fallbackReason}`);
  const after = await DuckDBInstance.create(publishedFile(), { access_mode: 'READ_ONLY' });
  const afterReader = await after.connect();
  const factsAfter = Number((await afterReader.runAndReadAll('SELECT count(*) AS n FROM fact_attendance')).getRowObjectsJS()[0]!.n);
  afterReader.closeSync();
  after.closeSync();
  if (factsAfter !== history.attendances + day.attendances)
    throw new Error(`after the incremental run the facts hold ${factsAfter} attendance rows, expected ${history.attendances + day.attendances}`);
  progress('incremental run in a warm process (two more days)');
  const warm = runChild<RunChild>('pipeline-once.ts', ['incremental-warm', String(dayRows), String(communities)]);
  if (warm.report.status !== 'succeeded' || warm.report.mode !== 'incremental')
    throw new Error(`the warm incremental run: ${warm.report.status} ${warm.report.mode} ${warm.report.error}`);

  // 2c. Corrections of the history (versions kept), then the figures as of the full rebuild's data version.
  progress('correcting the history (every 1000th activity, participant and attendance row)');
  const corrections = correctHistory(databaseFile, 1000);
  progress(`figures as of import batch ${historyVersion}`);
  const asOf = runChild<AsOfChild>('pipeline-as-of-once.ts', [String(historyVersion)]);
  const leftovers = fs.readdirSync(path.join(environment.dataDir, 'analytics')).filter((name) => name.startsWith('asof-'));

  // 2c. With --periods: the same data with six half-year reporting periods (a change of periods
  // makes the next run a full one), then one more day incrementally.
  let withPeriods: { full: RunChild; incremental: RunChild; rows: number } | null = null;
  if (values.periods) {
    progress('full rebuild with six half-year reporting periods');
    const periodsFull = runChild<RunChild>('pipeline-once.ts', ['full'], halfYears);
    if (periodsFull.report.status !== 'succeeded') throw new Error(`the full rebuild with periods failed: ${periodsFull.report.error}`);
    progress(`adding ${count(dayRows)} attendance rows dated ${periodsDay}, then the incremental run with periods`);
    addDay(databaseFile, dayRows, communities, periodsDay);
    const periodsIncremental = runChild<RunChild>('pipeline-once.ts', ['incremental'], halfYears);
    if (periodsIncremental.report.status !== 'succeeded' || periodsIncremental.report.mode !== 'incremental')
      throw new Error(
        `the incremental run with periods: ${periodsIncremental.report.status} ${periodsIncremental.report.mode} ${periodsIncremental.report.error}`,
      );
    const withRows = await DuckDBInstance.create(publishedFile(), { access_mode: 'READ_ONLY' });
    const withReader = await withRows.connect();
    const periodRows = Number((await withReader.runAndReadAll('SELECT count(*) AS n FROM indicator_period_value')).getRowObjectsJS()[0]!.n);
    withReader.closeSync();
    withRows.closeSync();
    const expectedRows = halfYears.length * config.indicators.length * (communities + 1);
    if (periodRows !== expectedRows) throw new Error(`indicator_period_value holds ${periodRows} rows, expected ${expectedRows}`);
    withPeriods = { full: periodsFull, incremental: periodsIncremental, rows: periodRows };
  }

  // 4. The figures.
  const ratio = full.ms / raw.ms;
  const steps = (list: StepStats[]) => list.forEach((s) => row(`  ${s.name}`, `${seconds(s.ms).padStart(9)}   ${count(s.rowsWritten)} rows written`));
  console.log(
    `\nPipeline benchmark: ${count(rows)} attendance rows, ${count(communities)} communities, ${config.project.periodStart}…${config.project.periodEnd}`,
  );
  row('history', `${count(history.participants)} participants, ${count(history.activities)} activities, ${count(history.attendances)} attendance rows,`);
  note(`${count(history.surveyAnswers)} survey answers, ${count(history.batches)} import batches; osl.db ${megabytes(databaseBytes)}`);
  row('generation', `${seconds(generationMs)}   straight SQLite inserts in one transaction (not the importer)`);
  row('opening the installation', `${seconds(openMs)}   migrations + configuration sync (not in any run's time)`);
  console.log('');
  row('full rebuild', `${seconds(full.ms)}   PipelineService.run('cli', 'full'): read SQLite, facts, aggregates,`);
  note(`indicators, publish (lock and run record included; opening the context, ${seconds(full.openMs)}, not)`);
  steps(full.report.steps);
  row('  analytics file', megabytes(analyticsBytes));
  row(
    'incremental after one day',
    `${seconds(incremental.ms)}   run('cli', 'incremental') after ${count(day.activities)} activities, ${count(day.attendances)} attendance rows`,
  );
  note(`dated ${newDay} in two new import batches (written in ${seconds(addMs)}); mode reported: ${incremental.report.mode}`);
  steps(incremental.report.steps);
  row('  the same in a warm process', `${seconds(warm.ms)}   one more day, run after another incremental run in the same process`);
  note("(as a server runs its scheduled runs: past the first run's warm-up of JavaScript and libraries)");
  row('raw DuckDB over Parquet (baseline)', `${seconds(raw.ms)}   the same aggregates as plain SQL over ${megabytes(fs.statSync(parquet).size)} of Parquet`);
  note('(in memory, memory_limit 1GB like the build; Parquet export from the published facts,');
  note(`${seconds(exportMs)}, not included; no SQLite read, no anonymous headcounts, leaders or surveys)`);
  for (const s of raw.stepMs) row(`  ${s.name}`, seconds(s.ms).padStart(9));
  row(
    '  results agree with the published file',
    mismatches.length === 0
      ? `yes (${Object.keys(expected).length} sums compared)`
      : `NO: ${mismatches
          .slice(0, 6)
          .map((k) => `${k} published ${expected[k]} raw ${raw.checksums[k]}`)
          .join('; ')}`,
  );
  row(
    "figures as of the full rebuild's data version",
    `${seconds(asOf.ms)}   withAnalyticsAsOf(batch ${historyVersion}) after ${count(corrections.activitiesMoved)} activities moved,`,
  );
  note(
    `${count(corrections.participantsCorrected)} leader flags turned, ${count(corrections.attendancesRemoved)} attendance rows removed (${count(corrections.versions)} version rows)`,
  );
  note('(a full build into a scratch file, a read of indicator_value, removal; no lock, no publish)');
  steps(asOf.steps);
  row(
    "  indicator rows equal the full rebuild's",
    asOf.indicators === fullIndicators ? `yes (${fullIndicators})` : `NO: ${asOf.indicators} vs ${fullIndicators}`,
  );
  row('  scratch files left', leftovers.length === 0 ? 'none' : leftovers.join(', '));
  console.log('');
  const asOfRatio = asOf.ms / full.ms;
  row('ratio "as of" / full rebuild', `${asOfRatio.toFixed(2)}x (goal ≤ 1.2x)${asOfRatio <= 1.2 ? '' : '  NOT MET'}`);
  row('ratio full rebuild / raw DuckDB', `${ratio.toFixed(1)}x (goal ≤ 5x)${ratio <= 5 ? '' : '  NOT MET'}`);
  row('incremental run', `${seconds(incremental.ms)} (goal < 2 s)${incremental.ms < 2000 ? '' : '  NOT MET'}; in a warm process ${seconds(warm.ms)}`);
  const incrementalShare = incremental.ms / raw.ms;
  row(
    'incremental / raw DuckDB full aggregation',
    `${(100 * incrementalShare).toFixed(1)}% (goal at 10M rows ≤ 2%; the same machine's speed in both)${rows >= 10_000_000 && incrementalShare > 0.02 ? '  NOT MET' : ''}`,
  );
  const figures = { rows, communities, incrementalMs: incremental.ms, warmMs: warm.ms, rawMs: raw.ms, fullMs: full.ms, at: new Date().toISOString() };
  if (values.save) fs.writeFileSync(values.save, `${JSON.stringify(figures, null, 2)}\n`);
  if (values.compare) {
    const other = JSON.parse(fs.readFileSync(values.compare, 'utf8')) as typeof figures;
    const growth = incremental.ms / other.incrementalMs;
    row(
      `incremental at ${count(rows)} / at ${count(other.rows)} rows`,
      `${growth.toFixed(2)}x (${seconds(incremental.ms)} / ${seconds(other.incrementalMs)}; goal ≤ 1.5x for 10M against 1M)${growth <= 1.5 ? '' : '  NOT MET'}`,
    );
    note(`warm: ${(warm.ms / other.warmMs).toFixed(2)}x; raw DuckDB ${(raw.ms / other.rawMs).toFixed(1)}x; the other run measured ${other.at}`);
  }
  const peaks: [string, number][] = [
    ['full', full.peakMb],
    ['incremental', incremental.peakMb],
    ['incremental, warm', warm.peakMb],
    ['raw', raw.peakMb],
    ['as of', asOf.peakMb],
  ];
  row(
    'peak memory (VmHWM of each child process)',
    `${peaks.map(([name, mb]) => `${name} ${Math.round(mb)} MB`).join(', ')} (goal < 2048 MB)${full.peakMb < 2048 && incremental.peakMb < 2048 && warm.peakMb < 2048 && asOf.peakMb < 2048 ? '' : '  NOT MET'}`,
  );
  note('(the whole process: Node, NestJS, Prisma, better-sqlite3 and DuckDB)');
  // Issue 16: the person-level step (lapsing regulars) beside the rest of each run.
  const lapsingOf = (run: RunChild) => run.report.steps.find((s) => s.name === 'lapsing regulars');
  const lapsingLine = (run: RunChild) => {
    const step = lapsingOf(run);
    if (!step) return 'no lapsing step in the run';
    const rest = run.ms - step.ms;
    return `${seconds(step.ms)} beside ${seconds(rest)} for the rest of the run: +${((100 * step.ms) / rest).toFixed(1)}%; ${count(step.rowsRead)} persons assessed`;
  };
  console.log('');
  row(
    'lapsing regulars, full rebuild',
    `${lapsingLine(full)} (goal < 25%)${(lapsingOf(full)?.ms ?? Infinity) < 0.25 * (full.ms - (lapsingOf(full)?.ms ?? 0)) ? '' : '  NOT MET'}`,
  );
  row(
    'lapsing regulars, incremental after one day',
    `${lapsingLine(incremental)} (goal < 0.3 s)${(lapsingOf(incremental)?.ms ?? Infinity) < 300 ? '' : '  NOT MET'}`,
  );
  note(`the day's rows touch ${count(day.communities)} of ${count(communities)} communities: each touched one is assessed again`);
  row('  the same in a warm process', lapsingLine(warm));
  if (withPeriods) {
    const indicatorsMs = (run: RunChild) => run.report.steps.find((s) => s.name === 'indicators')?.ms ?? 0;
    const added = (plain: RunChild, periods: RunChild) => {
      const share = (100 * (periods.ms - plain.ms)) / plain.ms;
      return `${seconds(periods.ms)} vs ${seconds(plain.ms)} plain: ${share >= 0 ? '+' : ''}${share.toFixed(1)}% (goal < 15%)${share < 15 ? '' : '  NOT MET'}`;
    };
    console.log('');
    row('with six half-year reporting periods', `${count(withPeriods.rows)} rows of indicator_period_value (6 periods × indicators × scopes)`);
    // Periods change the indicators step alone: its difference is their cost, with less of the
    // machine's noise than the difference of two whole runs made minutes apart.
    const stepShare = (plain: RunChild, periods: RunChild) => {
      const extra = indicatorsMs(periods) - indicatorsMs(plain);
      return `indicators step ${seconds(indicatorsMs(periods))} vs ${seconds(indicatorsMs(plain))} plain: ${extra >= 0 ? '+' : ''}${seconds(extra)} = ${((100 * extra) / plain.ms).toFixed(1)}% of the plain run`;
    };
    row('  full rebuild', added(full, withPeriods.full));
    note(stepShare(full, withPeriods.full));
    row('  incremental after one day', added(incremental, withPeriods.incremental));
    note(stepShare(incremental, withPeriods.incremental));
    note("(each a single run in its own process, minutes after the plain one: the machine's noise is in the whole-run ratio)");
  }
} finally {
  if (values.keep) progress(`kept ${environment.dataDir}`);
  else fs.rmSync(environment.dataDir, { recursive: true, force: true });
}
