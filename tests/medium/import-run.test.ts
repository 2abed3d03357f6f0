// An accepted import reaches the figures at once (issue 14): it starts an incremental pipeline run,
// queued behind the run in progress (one run at a time; a run waiting takes in later imports), and
// the import job says where that run is. A rejected import starts none. The upload's job service
// and the inbox run here on the real services, with the importer in this process instead of its
// worker process.
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, PipelineService } from '@osl/backend';
import { AnalyticsRepository } from '../../backend/src/repositories/analytics.repository.ts';
import { ImportJobRepository } from '../../backend/src/repositories/import-job.repository.ts';
import { ImportRepository } from '../../backend/src/repositories/import.repository.ts';
import { ImportJobsService, type ImportJob } from '../../backend/src/services/import-jobs.service.ts';
import { ImportRefreshService } from '../../backend/src/services/import-refresh.service.ts';
import type { ImportWorkerService } from '../../backend/src/services/import-worker.service.ts';
import { InboxService } from '../../backend/src/services/inbox.service.ts';
import { importAndPublish, openInstallation, temporaryEnvironment, writeCsv, writeTwoActivityFixture } from '../support/installation.ts';

const environment = temporaryEnvironment('2023-06-15T10:00:00Z');
const fixtures = path.join(environment.dataDir, 'fixtures');
const spool = path.join(environment.dataDir, 'spool');
let context: INestApplicationContext;
let jobs: ImportJobsService;
let inbox: InboxService;
let spooled = 0;

beforeAll(async () => {
  context = await openInstallation(environment);
  await importAndPublish(context, writeTwoActivityFixture(fixtures));
  const importer = context.get(ImportService);
  // The worker's contract, in this process: files given by path, progress and reports as they come.
  const inProcessWorker = {
    run: (_id: string, files: { fileName: string; path: string }[], options: object, listeners: object = {}) =>
      importer.importFiles(files, { ...(options as Parameters<ImportService['importFiles']>[1]), ...listeners }),
    memoryLimitMb: 0,
  } as unknown as ImportWorkerService;
  const refresh = context.get(ImportRefreshService);
  jobs = new ImportJobsService(inProcessWorker, context.get(ImportJobRepository), context.get(ImportRepository), environment, refresh);
  inbox = new InboxService(importer, environment, refresh);
});

afterAll(async () => {
  await context?.get(PipelineService).importRunsSettled();
  await context?.close();
});

const pipeline = () => context.get(PipelineService);
const runs = () => context.get(DatabaseRepository).client.pipelineRun.findMany({ orderBy: { id: 'asc' } });

/** An activity of OST on `date` with its attendance list, as two files to upload. */
function activityFiles(id: string, date: string): { fileName: string; path: string }[] {
  spooled += 1;
  return [
    {
      fileName: `dziennik-${id}.csv`,
      rows: [
        ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
        [id, date, 'OST', 'WARSZTAT', `Warsztaty ${id}`],
      ],
    },
    {
      fileName: `lista-${id}.csv`,
      rows: [
        ['id_dzialania', 'kod'],
        [id, 'OST-1'],
        [id, 'OST-2'],
      ],
    },
  ].map(({ fileName, rows }) => ({ fileName, path: writeCsv(path.join(spool, String(spooled)), fileName, rows) }));
}

async function upload(files: { fileName: string; path: string }[]): Promise<ImportJob> {
  return jobs.start(files, { source: 'api', importedBy: 'organizator@test.osl', lang: 'pl' }, null);
}

/** Polls a job as the dashboard does until `done` holds; returns every refresh status seen. */
async function follow(id: string, done: (job: ImportJob) => boolean): Promise<{ job: ImportJob; seen: string[] }> {
  const seen: string[] = [];
  for (let poll = 0; poll < 600; poll += 1) {
    const job = (await jobs.get(id))!;
    const status = job.status === 'running' ? 'importing' : (job.refresh?.status ?? 'none');
    if (seen.at(-1) !== status) seen.push(status);
    if (done(job)) return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id}: still ${seen.at(-1)} after 30 s`);
}

async function participationIn(period: string) {
  const months = await context.get(AnalyticsRepository).participationByMonth('OST');
  return months.find((m) => m.period === period);
}

describe('a run after an accepted import', () => {
  it('starts at once; the job says when the figures show the rows, and the published analytics hold them', async () => {
    const before = (await runs()).length;
    expect(await participationIn('2022-03')).toMatchObject({ activities: 0, attendances: 0 });
    const job = await upload(activityFiles('M1', '10.03.2022'));
    expect(job.refresh).toBeNull();
    const { job: finished, seen } = await follow(job.id, (j) => j.refresh?.status === 'shown');
    expect(finished.files!.map((f) => f.status)).toEqual(['imported', 'imported']);
    // Never said shown before it was; never lost on the way.
    expect(seen[0]).toBe('importing');
    expect(seen.at(-1)).toBe('shown');
    expect(seen.filter((s) => !['importing', 'queued', 'running', 'shown'].includes(s))).toEqual([]);

    const added = (await runs()).slice(before);
    expect(added.map((r) => [r.trigger, r.mode, r.status])).toEqual([['import', 'incremental', 'succeeded']]);
    expect(finished.refresh).toMatchObject({ status: 'shown', runId: added[0]!.id });
    expect(finished.refresh!.typicalSeconds).toBeGreaterThanOrEqual(1);
    expect(await participationIn('2022-03')).toMatchObject({ activities: 1, attendances: 2, distinctParticipants: 2 });
  });

  it('waits behind a run in progress; two imports meanwhile give exactly one more run, which shows both', async () => {
    // Another process's run holds the pipeline lock.
    const lock = await context.get(DatabaseRepository).operational.pipelineRunLock().acquire(null);
    const before = (await runs()).length;
    let released = false;
    try {
      const first = await upload(activityFiles('M2', '11.04.2022'));
      const queued = await follow(first.id, (j) => j.status !== 'running');
      expect(queued.job.refresh).toMatchObject({ status: 'queued' });
      // The second through the inbox, while the first waits.
      const [log, list] = activityFiles('M3', '12.05.2022');
      for (const file of [log!, list!]) {
        fs.mkdirSync(inbox.folder, { recursive: true });
        const dropped = path.join(inbox.folder, file.fileName);
        fs.renameSync(file.path, dropped);
        const settled = new Date(Date.now() - 60_000);
        fs.utimesSync(dropped, settled, settled);
      }
      expect((await inbox.scan()).map((r) => r.status)).toEqual(['imported', 'imported']);
      expect(pipeline().importRunState().queuedUpToBatch).not.toBeNull();
      // Nothing starts while the lock is held.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await runs()).length).toBe(before);
      expect((await jobs.get(first.id))!.refresh).toMatchObject({ status: 'queued' });

      await lock.release();
      released = true;
      const run = await pipeline().importRunsSettled();
      const added = (await runs()).slice(before);
      expect(added.map((r) => [r.trigger, r.mode, r.status])).toEqual([['import', 'incremental', 'succeeded']]);
      expect(run).toMatchObject({ id: added[0]!.id, status: 'succeeded' });
      expect((await jobs.get(first.id))!.refresh).toMatchObject({ status: 'shown', runId: added[0]!.id });
      expect(await participationIn('2022-04')).toMatchObject({ activities: 1, attendances: 2 });
      expect(await participationIn('2022-05')).toMatchObject({ activities: 1, attendances: 2 });
    } finally {
      if (!released) await lock.release();
    }
  });

  it('follows a run of this process that started before the import with one more run', async () => {
    const before = (await runs()).length;
    const { id, done } = await pipeline().start('api', 'full');
    const job = await upload(activityFiles('M4', '13.06.2022'));
    await follow(job.id, (j) => j.status !== 'running');
    await done;
    await pipeline().importRunsSettled();
    // The run in progress read the database before the import: another one reads it after.
    const added = (await runs()).slice(before);
    expect(added.map((r) => [r.id === id ? 'api' : r.trigger, r.status])).toEqual([
      ['api', 'succeeded'],
      ['import', 'succeeded'],
    ]);
    expect((await jobs.get(job.id))!.refresh).toMatchObject({ status: 'shown', runId: added[1]!.id });
    expect(await participationIn('2022-06')).toMatchObject({ activities: 2 });
  });

  it('starts none for a rejected import', async () => {
    const before = (await runs()).length;
    spooled += 1;
    const bad = writeCsv(path.join(spool, String(spooled)), 'dziennik-zly.csv', [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['M9', '31.02.2022', 'OST', 'WARSZTAT', 'Zła data'],
    ]);
    const job = await upload([{ fileName: 'dziennik-zly.csv', path: bad }]);
    const { job: finished } = await follow(job.id, (j) => j.status !== 'running');
    expect(finished.files!.map((f) => f.status)).toEqual(['rejected']);
    expect(finished.refresh).toBeNull();
    expect(pipeline().importRunState()).toMatchObject({ queuedUpToBatch: null, running: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await runs()).length).toBe(before);
  });
});
