// Issue 4, "Failure": each way a pipeline run can go wrong, on real SQLite and DuckDB, with real
// child processes where a process is killed or competes for the lock. What is served never
// shows a half-built or broken state, and the next run (or start) repairs what is left.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  BootstrapService,
  DatabaseRepository,
  ImportService,
  IndicatorsService,
  PipelineService,
  ScheduledJobs,
  UsersService,
  renderStoredText,
  startServer,
  withLanguage,
  type FileImportReport,
  type RetryTimer,
  type RunningServer,
} from '@osl/backend';
import { AnalyticsStore } from '@osl/pipelines';
import { PipelineBusyError } from '@osl/prisma';
import { createUser, signIn } from '../support/api-session.ts';
import { runOsl, type CliOutcome } from '../support/cli.ts';
import { openInstallation } from '../support/installation.ts';
import {
  analyticsEntries,
  communities,
  editConfig,
  environmentWithOwnConfig,
  factCounts,
  logLines,
  pointer,
  publishedPath,
  runFile,
  spawnOsl,
  waitFor,
  withoutSchedule,
  writeHistory,
  writeNewcomers,
  yearOf,
  type GeneratedHistory,
} from '../support/pipeline-fixtures.ts';

// After the project period: every year is complete, so every value is settled.
const now = '2024-03-01T12:00:00Z';
const environment = environmentWithOwnConfig(now, withoutSchedule);
const { dataDir } = environment;
const analyticsDir = path.join(dataDir, 'analytics');
const fixtures = path.join(dataDir, 'fixtures');
let context: INestApplicationContext;
let history: GeneratedHistory;

const pipeline = () => context.get(PipelineService);
const database = () => context.get(DatabaseRepository).client;
const indicatorValues = () => context.get(IndicatorsService).list();
const publishedCounts = () => factCounts(publishedPath(dataDir));

async function importFiles(files: string[], into = context): Promise<void> {
  expectImported(await into.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'test' }), files);
}

function expectImported(reports: FileImportReport[], files: string[]): void {
  expect(reports.map((r) => [r.file, r.status, r.errors.slice(0, 2)])).toEqual(files.map((f) => [path.basename(f), 'imported', []]));
}

/** A run's record as stored, its note and error (kept as messages) in English. */
async function runStatus(id: number) {
  const run = await database().pipelineRun.findUniqueOrThrow({ where: { id } });
  return { ...run, error: renderStoredText(run.error, 'en'), note: renderStoredText(run.note, 'en') };
}

/**
 * Stops a child process (SIGSTOP), but not in the middle of a write to the operational database
 * (SQLite's rollback journal exists only then): this process must go on using it meanwhile.
 */
async function stopOutsideWrite(child: ChildProcess): Promise<void> {
  const journal = path.join(dataDir, 'osl.db-journal');
  for (;;) {
    child.kill('SIGSTOP');
    if (!fs.existsSync(journal)) return;
    child.kill('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function get(server: RunningServer, pathname: string): Promise<{ status: number; body: any }> {
  // Public routes (health) need no session; the rest are read as a director.
  if (pathname.startsWith('/api/health')) {
    const response = await fetch(`${server.url}${pathname}`);
    return { status: response.status, body: await response.json() };
  }
  if (!(await server.app.get(UsersService).list()).some((u) => u.email === 'dyrektor@test.osl')) await createUser(server.app, 'dyrektor@test.osl', 'director');
  return (await signIn(server.url, 'dyrektor@test.osl')).get(pathname);
}

/** The error a promise rejects with (fails when it fulfils). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

beforeAll(async () => {
  context = await openInstallation(environment);
  // ~52,000 attendances: a full run takes long enough to be caught in the middle.
  history = writeHistory(fixtures, { prefix: '', participantsPerCommunity: 400, activitiesPerMonth: 12, attendeesPerActivity: 40 });
  await importFiles(history.files);
  expect((await pipeline().run('cli', 'full')).status).toBe('succeeded');
});

afterAll(async () => {
  await context?.close();
});

describe('pipeline failures', () => {
  it('a run killed mid-way leaves the published state serving; the next run takes its lock over, ignores and removes its leftovers, and marks it abandoned', async () => {
    const before = pointer(dataDir);
    const valuesBefore = await indicatorValues();
    const countsBefore = await publishedCounts();
    const newcomers = writeNewcomers(fixtures, 'N1', 30, history);
    await importFiles(newcomers.files);

    const cli = spawnOsl(['pipeline', 'run', '--full', '--json'], environment.env);
    // Once the run has read the operational database (its progress names a later step), stop it.
    const run = await waitFor(
      async () => {
        if (cli.child.exitCode !== null) throw new Error(`the CLI run ended before it could be stopped (exit ${cli.child.exitCode})`);
        const running = await database().pipelineRun.findFirst({ where: { status: 'running' }, orderBy: { id: 'desc' } });
        return running && Array.isArray(running.steps) && running.steps.length >= 2 ? running : null;
      },
      'the CLI run to pass its read step',
      60_000,
      3,
    );
    await stopOutsideWrite(cli.child);
    const build = path.join(analyticsDir, runFile('build', run.id));
    expect(fs.existsSync(build), 'the run had already published').toBe(true);
    expect(pointer(dataDir)).toEqual(before);

    // While its process lives, the run is in progress: another request is refused naming it,
    // and neither a start nor a clean-up abandons its run or touches its build file.
    const busy = await rejection(pipeline().run('api', 'incremental'));
    expect(busy).toBeInstanceOf(PipelineBusyError);
    expect(busy.message).toContain(`run #${run.id}, process ${cli.child.pid}`);
    await context.get(BootstrapService).start({ demoIfEmpty: false, runPipeline: false });
    expect(new AnalyticsStore(dataDir).removeAbandoned()).toEqual([]);
    expect(fs.existsSync(build)).toBe(true);
    expect((await runStatus(run.id)).status).toBe('running');

    cli.child.kill('SIGKILL');
    expect((await cli.exited).signal).toBe('SIGKILL');
    // Killed: the state published before serves unchanged; its build file and lock are left behind.
    expect(pointer(dataDir)).toEqual(before);
    expect(await indicatorValues()).toEqual(valuesBefore);
    expect(fs.existsSync(build)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(analyticsDir, 'pipeline.lock'), 'utf8'))).toMatchObject({ runId: run.id, pid: cli.child.pid });

    // The next run takes the dead process's lock over, publishes, and removes what the killed run left.
    const next = await pipeline().run('cli', 'incremental');
    expect(next).toMatchObject({ status: 'succeeded', mode: 'incremental', fallbackReason: null });
    expect(analyticsEntries(dataDir)).toEqual(['CURRENT.json', runFile('analytics', next.id)]);
    expect(await publishedCounts()).toMatchObject({
      participants: countsBefore.participants + newcomers.people,
      attendances: countsBefore.attendances + newcomers.attendances,
    });
    expect(await indicatorValues()).not.toEqual(valuesBefore);

    // The killed run's record is settled by the next run (holding the lock, it knows no other run lives), not only at the next start.
    expect(await runStatus(run.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^abandoned: the process stopped \(found gone at /),
      finishedAt: expect.any(Date),
    });
    await context.get(BootstrapService).start({ demoIfEmpty: false, runPipeline: false });
    expect(await runStatus(run.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('abandoned'), finishedAt: expect.any(Date) });
    expect((await runStatus(next.id)).status).toBe('succeeded');
  });

  it('a corrupt, truncated or unreadable published file answers 503 (not 500), logged once, and is rebuilt by the next run and at start-up', async () => {
    let server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
    try {
      const healthy = await get(server, '/api/indicators');
      expect(healthy.status).toBe(200);
      expect(healthy.body.length).toBeGreaterThan(0);

      // Corrupt: a run (in the CLI context) publishes a file that is garbage by the time the server opens it.
      expect((await pipeline().run('cli', 'incremental')).status).toBe('succeeded');
      const corrupt = pointer(dataDir)!.file;
      fs.writeFileSync(publishedPath(dataDir), Buffer.alloc(fs.statSync(publishedPath(dataDir)).size, 0x5a));
      const logged = logLines(dataDir, `[AnalyticsRepository] analytics file ${corrupt} unreadable`).length;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const answer = await get(server, '/api/indicators?year=2022');
        expect(answer.status).toBe(503);
        expect(answer.body.message).toMatch(
          new RegExp(
            `^Dane analityczne są niedostępne: nie da się odczytać pliku ${corrupt} \\(IO Error: .*not a valid DuckDB database file.*\\)\\. Następny przebieg przetwarzania odbuduje go`,
          ),
        );
        expect((await get(server, '/api/communities/wzg/participation')).status).toBe(503);
      }
      const health = await get(server, '/api/health');
      expect(health.body).toMatchObject({ status: 'degraded', analytics: { available: false } });
      // (the CLI context read it too: one line per reader)
      const unavailable = await rejection(indicatorValues());
      expect(unavailable).toMatchObject({ kind: 'unavailable', key: 'analytics.unavailable' });
      expect(logLines(dataDir, `[AnalyticsRepository] analytics file ${corrupt} unreadable`).length - logged).toBe(2);

      // The next run, asked for incremental, cannot start from it: it rebuilds in full.
      const rebuilt = await pipeline().run('schedule', 'incremental');
      expect(rebuilt).toMatchObject({ status: 'succeeded', mode: 'full', fallbackReason: expect.stringMatching(/^the published state cannot be read/) });
      expect(await indicatorValues()).toEqual(healthy.body);

      // Unreadable: a folder where the rebuilt file should be, before the server opens it (as a
      // lock or permissions would make it, even for root).
      const folder = publishedPath(dataDir);
      fs.rmSync(folder);
      fs.mkdirSync(path.join(folder, 'inside'), { recursive: true });
      const answer = await get(server, '/api/indicators');
      expect(answer.status).toBe(503);
      expect(answer.body.message).toContain('Is a directory');
      expect(await pipeline().run('schedule', 'incremental')).toMatchObject({
        status: 'succeeded',
        mode: 'full',
        fallbackReason: expect.stringMatching(/^the published state cannot be read/),
      });
      expect(await get(server, '/api/indicators')).toEqual(healthy);
      expect(analyticsEntries(dataDir)).toEqual(['CURRENT.json', pointer(dataDir)!.file]);

      // Truncated, found at start-up: the server rebuilds it before serving, and says so.
      await server.close();
      const truncated = pointer(dataDir)!.file;
      fs.truncateSync(publishedPath(dataDir), Math.floor(fs.statSync(publishedPath(dataDir)).size / 2));
      server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
      const [line] = logLines(dataDir, `analytics file ${truncated} unreadable (`).filter((l) => l.includes('[Bootstrap]'));
      expect(line).toMatch(
        /WARN \[Bootstrap\] analytics file analytics-\d+\.duckdb unreadable \(IO Error: Could not read enough bytes .*\); rebuilding from the operational database$/,
      );
      expect(await database().pipelineRun.findFirst({ orderBy: { id: 'desc' } })).toMatchObject({ trigger: 'startup', mode: 'full', status: 'succeeded' });
      expect(pointer(dataDir)!.file).not.toBe(truncated);
      expect(await get(server, '/api/indicators')).toEqual(healthy);
    } finally {
      await server.close();
    }
  });

  it('a run whose analytics file cannot be written is recorded as failed and the previous state keeps serving', async () => {
    const before = pointer(dataDir);
    const valuesBefore = await indicatorValues();
    const nextId = (await database().pipelineRun.findFirstOrThrow({ orderBy: { id: 'desc' } })).id + 1;

    // The build file cannot be created: a folder stands at its path.
    fs.mkdirSync(path.join(analyticsDir, runFile('build', nextId)));
    const unwritable = await pipeline().run('cli', 'full');
    expect(unwritable).toMatchObject({
      id: nextId,
      status: 'failed',
      error: expect.stringMatching(new RegExp(`^IO Error: .*${runFile('build', nextId)}.*Is a directory`)),
    });
    expect(await runStatus(nextId)).toMatchObject({ status: 'failed', error: unwritable.error, analyticsFile: null });
    expect(pointer(dataDir)).toEqual(before);
    expect(await indicatorValues()).toEqual(valuesBefore);

    // The finished build cannot be put in place: a folder stands where it would be published.
    fs.mkdirSync(path.join(analyticsDir, runFile('analytics', nextId + 1), 'inside'), { recursive: true });
    const unpublishable = await pipeline().run('cli', 'incremental');
    expect(unpublishable).toMatchObject({
      id: nextId + 1,
      status: 'failed',
      error: expect.stringContaining(`cannot publish ${runFile('build', nextId + 1)} as ${runFile('analytics', nextId + 1)}`),
    });
    expect((await runStatus(nextId + 1)).status).toBe('failed');
    expect(fs.existsSync(path.join(analyticsDir, runFile('build', nextId + 1)))).toBe(false);
    expect(pointer(dataDir)).toEqual(before);
    expect(await indicatorValues()).toEqual(valuesBefore);

    // Neither failure holds the lock or blocks the next run, which clears what they left.
    const next = await pipeline().run('cli', 'incremental');
    expect(next.status).toBe('succeeded');
    expect(analyticsEntries(dataDir)).toEqual(['CURRENT.json', runFile('analytics', next.id)]);
    expect(await indicatorValues()).toEqual(valuesBefore);
  });

  it('two runs requested at once: one runs, the other is refused naming the run in progress, in one process and from the CLI', async () => {
    const runsBefore = await database().pipelineRun.count();
    const [first, second] = await Promise.allSettled([pipeline().run('api', 'incremental'), pipeline().run('schedule', 'full')]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { status: 'succeeded' } });
    expect(second.status).toBe('rejected');
    const refused = (second as PromiseRejectedResult).reason as Error;
    expect(refused).toBeInstanceOf(PipelineBusyError);
    expect(refused.message).toMatch(new RegExp(`^A pipeline run is already in progress \\(run #(\\?|\\d+), process ${process.pid}, since `));
    // A refused request leaves no run behind.
    expect(await database().pipelineRun.count()).toBe(runsBefore + 1);

    // Requested while a run is under way: the refusal names that run.
    let during: Promise<Error> | null = null;
    const holding = await pipeline().run('api', 'incremental', () => {
      during ??= rejection(pipeline().run('schedule', 'incremental'));
    });
    expect(holding.status).toBe('succeeded');
    expect((await during!).message).toContain(`run #${holding.id}, process ${process.pid}`);

    // The CLI asking while the server's run holds the lock: exit 1, the reason in JSON.
    let cli: CliOutcome | null = null;
    const serverRun = await pipeline().run('api', 'incremental', () => {
      cli ??= runOsl(['pipeline', 'run', '--json'], environment.env);
    });
    expect(serverRun.status).toBe('succeeded');
    expect(cli!.status).toBe(1);
    expect(JSON.parse(cli!.stdout)).toEqual({
      error: { kind: 'conflict', code: 'busy', key: 'pipeline.busy', message: expect.stringContaining(`(przebieg nr ${serverRun.id}, rozpoczęty `) },
    });
    expect(await database().pipelineRun.count()).toBe(runsBefore + 3);
  });

  it('a configuration change that adds indicators: the next run computes them for every year and scope', async () => {
    const other = environmentWithOwnConfig(now, withoutSchedule);
    let installation = await openInstallation(other);
    try {
      const small = writeHistory(path.join(other.dataDir, 'fixtures'), {
        prefix: '',
        participantsPerCommunity: 24,
        activitiesPerMonth: 2,
        attendeesPerActivity: 6,
      });
      await importFiles(small.files, installation);
      expect((await installation.get(PipelineService).run('cli', 'full')).status).toBe('succeeded');
      const before = await installation.get(IndicatorsService).list();
      expect(before.filter((v) => v.code === 'P9' || v.code === 'P10')).toEqual([]);

      editConfig<Record<string, unknown>[]>(other.configDir, 'indicators.json', (indicators) => {
        const template = indicators.find((i) => i.code === 'P1')!;
        indicators.push(
          {
            ...template,
            code: 'P9',
            namePl: 'Osoby z co najmniej 2 obecnościami',
            nameEn: 'People with at least 2 attendances',
            computation: { kind: 'distinct_participants', minAttendances: 2 },
          },
          {
            ...template,
            code: 'P10',
            namePl: 'Liczba warsztatów w roku',
            nameEn: 'Workshops in the year',
            unit: 'activities',
            cumulative: false,
            computation: { kind: 'activity_count', types: ['WARSZTAT'] },
          },
        );
      });
      await installation.close();
      installation = await openInstallation(other);
      const run = await installation.get(PipelineService).run('schedule', 'incremental');
      expect(run).toMatchObject({ status: 'succeeded', mode: 'full', fallbackReason: 'the configuration changed' });

      const values = await installation.get(IndicatorsService).list();
      const computed = Object.fromEntries(
        values.filter((v) => v.code === 'P9' || v.code === 'P10').map((v) => [`${v.code} ${v.year} ${v.community}`, v.value]),
      );
      expect(computed).toEqual(countByHand(small));
      expect(Object.keys(computed)).toHaveLength(2 * 3 * 4);
      // The indicators there before are untouched.
      expect(values.filter((v) => v.code !== 'P9' && v.code !== 'P10')).toEqual(before);
    } finally {
      await installation.close();
    }
  });

  it('an import arriving during a run is wholly in the next run, never half in this one', async () => {
    // In this process: the import starts once the run has read the operational database.
    const countsBefore = await publishedCounts();
    const arriving = writeNewcomers(fixtures, 'N2', 30, history);
    let importing: Promise<FileImportReport[]> | null = null;
    const run = await pipeline().run('api', 'incremental', () => {
      importing ??= context.get(ImportService).importPaths(arriving.files, { source: 'cli', importedBy: 'test' });
    });
    expectImported(await importing!, arriving.files);
    expect(run.status).toBe('succeeded');
    expect(await publishedCounts()).toEqual(countsBefore);
    const picked = await pipeline().run('schedule', 'incremental');
    expect(picked).toMatchObject({ status: 'succeeded', mode: 'incremental', fallbackReason: null });
    const countsAfter = await publishedCounts();
    expect(countsAfter).toMatchObject({
      participants: countsBefore.participants + arriving.people,
      attendances: countsBefore.attendances + arriving.attendances,
    });
    const incremental = await indicatorValues();
    expect((await pipeline().run('cli', 'full')).status).toBe('succeeded');
    expect(await indicatorValues()).toEqual(incremental);

    // From another process, while the CLI's run is reading: each file is in that run or not at all.
    const late = writeNewcomers(fixtures, 'N3', 30, history);
    const cli = spawnOsl(['pipeline', 'run', '--full', '--json'], environment.env);
    await waitFor(
      () => {
        if (cli.child.exitCode !== null) throw new Error(`the CLI run ended before it read anything (exit ${cli.child.exitCode})`);
        const exporting = (folder: string) => {
          try {
            return fs.readdirSync(path.join(analyticsDir, folder)).some((file) => file.endsWith('.csv'));
          } catch {
            return false; // the run removed it meanwhile
          }
        };
        return fs.readdirSync(analyticsDir).some((name) => name.startsWith('work-') && exporting(name));
      },
      'the CLI run to export the operational data',
      60_000,
      1,
    );
    cli.child.kill('SIGSTOP');
    // Resumed from outside: an import waiting for the run's read transaction blocks this process.
    spawn('sh', ['-c', `sleep 0.3; kill -CONT ${cli.child.pid}`], { stdio: 'ignore' });
    await importFiles(late.files);
    const outcome = await cli.exited;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ status: 'succeeded', mode: 'full' });
    const seen = await publishedCounts();
    const batches = await database().importBatch.findMany({ where: { fileName: { in: late.files.map((f) => path.basename(f)) } }, orderBy: { id: 'asc' } });
    const [registerIn, listIn] = batches.map((b) => b.id <= seen.watermark);
    expect(seen).toEqual({
      ...countsAfter,
      participants: countsAfter.participants + (registerIn ? late.people : 0),
      attendances: countsAfter.attendances + (listIn ? late.attendances : 0),
      watermark: seen.watermark,
    });
    const last = await pipeline().run('schedule', 'incremental');
    expect(last).toMatchObject({ status: 'succeeded', mode: 'incremental', fallbackReason: null });
    expect(await publishedCounts()).toMatchObject({
      participants: countsAfter.participants + late.people,
      attendances: countsAfter.attendances + late.attendances,
    });
  });
});

/**
 * Makes a folder refuse new and removed entries, also for root (for whom chmod changes nothing):
 * `chattr +i` when this process is root, chmod 555 otherwise. Checked, so a test never passes
 * because the folder stayed writable.
 */
function makeUnwritable(dir: string): void {
  if (process.getuid?.() === 0) execFileSync('chattr', ['+i', dir]);
  else fs.chmodSync(dir, 0o555);
  const probe = path.join(dir, `probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
  } catch {
    return;
  }
  fs.rmSync(probe);
  makeWritable(dir);
  throw new Error(`${dir} stayed writable: this test needs chattr +i (root) or chmod (another user)`);
}

function makeWritable(dir: string): void {
  if (process.getuid?.() === 0) execFileSync('chattr', ['-i', dir]);
  else fs.chmodSync(dir, 0o755);
}

/** A full run by the CLI with a one-second lease, once it has passed its read step. */
async function cliRunPastItsRead(interruption: string) {
  const env = { ...environment.env, OSL_PIPELINE_LEASE_MS: '1000' };
  const cli = spawnOsl(['pipeline', 'run', '--full', '--json'], env);
  const run = await waitFor(
    async () => {
      if (cli.child.exitCode !== null) throw new Error(`the CLI run ended before it could be ${interruption} (exit ${cli.child.exitCode})`);
      const running = await database().pipelineRun.findFirst({ where: { status: 'running' }, orderBy: { id: 'desc' } });
      return running && Array.isArray(running.steps) && running.steps.length >= 2 ? running : null;
    },
    'the CLI run to pass its read step',
    60_000,
    3,
  );
  return { cli, run };
}

describe('pipeline failures (issue 11)', () => {
  it('a scheduled run meeting a run in progress is recorded as coalesced into it; one that cannot start is recorded as failed, with why, and retried', async () => {
    const timers: { delayMs: number; fire: () => void }[] = [];
    const timer: RetryTimer = (_name, delayMs, fire) => {
      const entry = { delayMs, fire };
      timers.push(entry);
      return () => timers.splice(timers.indexOf(entry), 1);
    };
    const jobs = new ScheduledJobs(new SchedulerRegistry(), pipeline(), {} as never, {} as never, { timer });

    // Refused by the run in progress: recorded, as coalesced into that run, and not retried.
    let during: Promise<void> | null = null;
    const holding = await pipeline().run('api', 'incremental', () => {
      during ??= jobs.runPipelineJob('incremental-15min', 'incremental');
    });
    await during;
    expect(holding.status).toBe('succeeded');
    const coalesced = await runStatus((await database().pipelineRun.findFirstOrThrow({ where: { id: { gt: holding.id } } })).id);
    expect(coalesced).toMatchObject({
      trigger: 'schedule',
      mode: 'incremental',
      status: 'skipped',
      error: null,
      // The run in progress by its number and mode, when it started on the project's clock (no process id).
      note: expect.stringMatching(
        new RegExp(`^Coalesced into the run in progress: run #${holding.id} \\(incremental\\), started \\d\\d/\\d\\d/\\d{4}, \\d\\d:\\d\\d\\.$`),
      ),
    });
    expect(timers).toEqual([]);

    // Cannot start at all (a folder stands where the lock file goes): recorded as failed with the
    // reason in words, and tried again a minute later, when it runs.
    const lockPath = path.join(analyticsDir, 'pipeline.lock');
    fs.mkdirSync(lockPath);
    await jobs.runPipelineJob('incremental-15min', 'incremental');
    const failed = await runStatus((await database().pipelineRun.findFirstOrThrow({ orderBy: { id: 'desc' } })).id);
    expect(failed).toMatchObject({ trigger: 'schedule', mode: 'incremental', status: 'failed', finishedAt: expect.any(Date) });
    expect(failed.error).toMatch(
      /^Could not start: cannot take the pipeline lock: .*pipeline\.lock is not a file \(remove it\); retry 1 of 3 at \d\d\/\d\d\/\d{4}, \d\d:\d\d\.$/,
    );
    expect((await withLanguage('en', () => pipeline().list())).find((r) => r.id === failed.id)).toMatchObject({ status: 'failed', error: failed.error });
    expect((await pipeline().list()).find((r) => r.id === failed.id)!.error).toMatch(
      /^Nie udało się uruchomić: cannot take the pipeline lock: .*; ponowienie 1 z 3: \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/,
    );
    expect(timers.map((t) => t.delayMs)).toEqual([60_000]);
    expect(jobs.pendingRetry()).toMatchObject({ job: 'incremental-15min', mode: 'incremental', retry: 1 });

    fs.rmdirSync(lockPath);
    timers[0]!.fire();
    const retried = await waitFor(
      () => database().pipelineRun.findFirst({ where: { id: { gt: failed.id }, status: { not: 'running' } } }),
      'the retry to run',
      60_000,
      20,
    );
    expect(retried).toMatchObject({ trigger: 'schedule', mode: 'incremental', status: 'succeeded' });
    expect(jobs.pendingRetry()).toBeNull();
  });

  it('a killed run shows as failed (abandoned, with when) once its lease runs out, without a restart or another run', async () => {
    const { cli, run } = await cliRunPastItsRead('killed');
    expect(run.leaseExpiresAt).toBeInstanceOf(Date);
    await stopOutsideWrite(cli.child);
    cli.child.kill('SIGKILL');
    await cli.exited;

    // Nobody restarts anything: the history (and the health answer) tell the truth once the lease has run out.
    const shown = await waitFor(
      async () => (await withLanguage('en', () => pipeline().list())).find((r) => r.id === run.id && r.status !== 'running'),
      'the run to show as abandoned',
      10_000,
      50,
    );
    const lastLease = (await runStatus(run.id)).leaseExpiresAt!;
    expect(shown).toMatchObject({
      status: 'failed',
      finishedAt: lastLease,
      error: `abandoned: the process stopped (its lease ran out at ${onProjectClock(lastLease, 'en-GB')})`,
    });
    expect(lastLease.getTime()).toBeLessThanOrEqual(Date.now());
    // Read in Polish (outside a request or command, and for a Polish request), it says so in Polish.
    expect((await pipeline().list()).find((r) => r.id === run.id)!.error).toBe(
      `porzucony: proces się zatrzymał (jego dzierżawa wygasła ${onProjectClock(lastLease, 'pl-PL')})`,
    );

    // The next run settles the record as it was shown.
    const next = await pipeline().run('cli', 'incremental');
    expect(next.status).toBe('succeeded');
    expect(await runStatus(run.id)).toMatchObject({ status: 'failed', finishedAt: lastLease, error: shown!.error });
  });

  it('a frozen run whose lease ran out: another process takes the lock over and publishes; the frozen one, resumed, publishes nothing', async () => {
    const { cli, run } = await cliRunPastItsRead('stopped');
    await stopOutsideWrite(cli.child);
    try {
      // Its process is alive but no longer renews: once the lease has run out, the lock is free.
      const lock = JSON.parse(fs.readFileSync(path.join(analyticsDir, 'pipeline.lock'), 'utf8')) as { pid: number; leaseExpiresAt: string };
      expect(lock.pid).toBe(cli.child.pid);
      await waitFor(() => Date.now() > new Date(lock.leaseExpiresAt).getTime() + 50, 'the lease to run out', 10_000, 20);
      const next = await pipeline().run('api', 'incremental');
      expect(next.status).toBe('succeeded');
      expect(pointer(dataDir)!.runId).toBe(next.id);
      expect(await runStatus(run.id)).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/^abandoned: the process stopped \(its lease ran out at /),
      });
    } finally {
      cli.child.kill('SIGCONT');
    }
    const outcome = await cli.exited;
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ id: run.id, status: 'failed', error: expect.stringContaining('the run lost the pipeline lock') });
    // The record keeps what the run that took over found; what is served is that run's.
    expect(await runStatus(run.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^abandoned: the process stopped/) });
    const served = pointer(dataDir)!;
    expect(served.runId).toBeGreaterThan(run.id);
    expect(fs.existsSync(path.join(analyticsDir, 'pipeline.lock'))).toBe(false);
    expect((await pipeline().run('cli', 'incremental')).status).toBe('succeeded');
  });
  it('a run whose analytics folder becomes unwritable records the original cause, the clean-up failure only appended, and the next run is not blocked', async () => {
    const before = pointer(dataDir);
    const valuesBefore = await indicatorValues();
    let unwritable = false;
    let run;
    try {
      run = await pipeline().run('cli', 'full', {
        onStepStart: (name) => {
          if (name !== 'decline detection' || unwritable) return;
          makeUnwritable(analyticsDir);
          unwritable = true;
        },
      });
    } finally {
      if (unwritable) makeWritable(analyticsDir);
    }
    expect(unwritable).toBe(true);
    // What failed first is the cause, in words (DuckDB could not finish its file there, or the build
    // could not be published); that its build file could not be removed either only comes after it.
    expect(run.status).toBe('failed');
    const [cause, cleanUp] = run.error!.split('; the clean-up also failed: ');
    expect(cause).toMatch(
      new RegExp(`${runFile('build', run.id).replace('.', '\\.')}.*(Operation not permitted|operation not permitted|Permission denied|permission denied)`),
    );
    expect(cause).not.toMatch(/^(EPERM|EACCES): [a-z ]+, (unlink|rmdir|scandir)/);
    expect(cleanUp).toMatch(
      new RegExp(`^(EPERM: operation not permitted|EACCES: permission denied), unlink '.*${runFile('build', run.id).replace('.', '\\.')}'`),
    );
    expect(await runStatus(run.id)).toMatchObject({ status: 'failed', error: run.error });
    expect(pointer(dataDir)).toEqual(before);
    expect(await indicatorValues()).toEqual(valuesBefore);

    // The lock it could not remove does not refuse the next run, which clears what it left.
    const next = await pipeline().run('cli', 'incremental');
    expect(next.status).toBe('succeeded');
    expect(analyticsEntries(dataDir)).toEqual(['CURRENT.json', runFile('analytics', next.id)]);
  });
});

/** P9 (persons with ≥ 2 attendances to the end of each year) and P10 (workshops in each year), from the files. */
function countByHand(history: GeneratedHistory): Record<string, number> {
  const expected: Record<string, number> = {};
  const activities = new Map(history.activities.map((a) => [a.id, a]));
  for (const year of [2021, 2022, 2023]) {
    for (const scope of ['ALL', ...communities]) {
      const attendances = new Map<string, number>();
      for (const { activity, participant } of history.attendance) {
        const a = activities.get(activity)!;
        if (yearOf(a) <= year && (scope === 'ALL' || a.community === scope)) attendances.set(participant, (attendances.get(participant) ?? 0) + 1);
      }
      expected[`P9 ${year} ${scope}`] = [...attendances.values()].filter((n) => n >= 2).length;
      expected[`P10 ${year} ${scope}`] = history.activities.filter(
        (a) => yearOf(a) === year && a.type === 'WARSZTAT' && (scope === 'ALL' || a.community === scope),
      ).length;
    }
  }
  return expected;
}

/** A moment as the run history words it: the reader's calendar and clock, in the project's zone. */
function onProjectClock(at: Date, locale: 'pl-PL' | 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(at);
}
