// Issue 11: an import in the server must not take the server with it. Uploads are imported by a
// worker process one file at a time, the database stays open to everyone meanwhile, a job
// survives as a record when the process running it ends, and a stop does not wait for imports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, ImportWorkerService, startServer, type OslEnvironment, type RunningServer } from '@osl/backend';
import { createUser, signIn, signInAsNewUser, testPassword, type ApiSession } from '../support/api-session.ts';
import { temporaryEnvironmentWithProject } from '../support/import-fixtures.ts';
import { repositoryRoot, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const activities = 3_000;
const people = 2_000;

function form(files: Record<string, string | Buffer>, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, content] of Object.entries(files)) data.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** A register and an activity log big enough for long attendance lists, imported as the CLI does. */
async function seed(server: RunningServer, dir: string): Promise<void> {
  const reports = await server.app
    .get(ImportService)
    .importPaths(
      [
        writeCsv(dir, 'rejestr.csv', [['kod', 'spolecznosc'], ...Array.from({ length: people }, (_, i) => [`U-${i}`, 'WZG'])]),
        writeCsv(dir, 'dziennik.csv', [
          ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
          ...Array.from({ length: activities }, (_, a) => [`D-${a}`, '10.05.2022', 'WZG', 'WARSZTAT', `Warsztaty ${a}`]),
        ]),
      ],
      { source: 'cli', importedBy: 'test' },
    );
  expect(reports.map((r) => r.status)).toEqual(['imported', 'imported']);
}

/** A server on `environment` with the register and the log seeded, and the admin signed in. */
async function seededServer(environment: OslEnvironment): Promise<{ server: RunningServer; admin: ApiSession }> {
  const server = await startServer({ ...environment, dashboardDir: null }, { demoIfEmpty: false, runPipeline: false });
  await seed(server, path.join(environment.dataDir, 'fixtures'));
  return { server, admin: await signInAsNewUser(server, 'admin@test.osl', 'admin') };
}

/** An attendance list of `rows` distinct (activity, person) pairs. */
function attendanceCsv(rows: number, offset = 0): string {
  const lines = ['id_dzialania;kod'];
  for (let n = offset; n < offset + rows; n += 1) lines.push(`D-${n % activities};U-${Math.floor(n / activities) % people}`);
  return `${lines.join('\r\n')}\r\n`;
}

async function pollJob(session: ApiSession, id: string, until: (job: any) => boolean, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await session.fetch(`/api/imports/jobs/${id}`);
    expect(response.status).toBe(200);
    const job = await response.json();
    if (until(job) || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('an import running through the API', () => {
  const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
  let server: RunningServer;
  let admin: ApiSession;

  beforeAll(async () => {
    ({ server, admin } = await seededServer(environment));
    await createUser(server.app, 'dyrektor@test.osl', 'director');
  });
  afterAll(async () => server?.close());

  it('leaves the server answering, signing in and importing other files while it writes 300,000 rows', async () => {
    const db = server.app.get(DatabaseRepository).client;
    expect(await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    const started = await admin.fetch('/api/imports?async=true', { method: 'POST', body: form({ 'duza-lista.csv': attendanceCsv(300_000) }) });
    expect(started.status).toBe(202);
    const { id } = await started.json();

    // While it runs: reads, a sign-in (a write), job polls and a second, small import all succeed.
    const slowest: Record<string, number> = { health: 0, signIn: 0, poll: 0 };
    const timed = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = await call();
      slowest[what] = Math.max(slowest[what] ?? 0, performance.now() - start);
      return result;
    };
    let during = 0;
    // Queued behind the large one in the worker: it waits its turn instead of failing on a locked database.
    let smallImport: Promise<Response> | null = null;
    for (let job = await pollJob(admin, id, () => true); job.status === 'running'; job = await timed('poll', () => pollJob(admin, id, () => true))) {
      expect((await timed('health', () => fetch(`${server.url}/api/health`))).status).toBe(200);
      if (during % 5 === 0) await timed('signIn', () => signIn(server.url, 'dyrektor@test.osl'));
      smallImport ??= admin.fetch('/api/imports', { method: 'POST', body: form({ 'mala-lista.csv': 'id_dzialania;kod\r\nD-1;U-1999\r\n' }) });
      during += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const job = await pollJob(admin, id, (j) => j.status !== 'running');
    expect(job).toMatchObject({ status: 'finished', files: [{ status: 'imported', created: 300_000 }] });
    expect(during, 'the import ended before the server could be asked anything').toBeGreaterThan(3);
    expect((await smallImport!).status).toBe(200);
    // Generous bounds (a shared two-core machine): blocked requests took tens of seconds or failed.
    expect(slowest.health).toBeLessThan(5_000);
    expect(slowest.signIn).toBeLessThan(5_000);
    expect(await db.attendance.count()).toBe(300_000 + 1);
  });

  it('imports the files of one upload one at a time: a file is read only when the one before it is written', async () => {
    const phases: string[] = [];
    const reports = await server.app.get(ImportService).importFiles(
      [
        { fileName: 'a.csv', content: Buffer.from(attendanceCsv(10, 400_000)) },
        { fileName: 'b.csv', content: Buffer.from(attendanceCsv(10, 400_100)) },
        { fileName: 'c.csv', content: Buffer.from(attendanceCsv(10, 400_200)) },
      ],
      { source: 'cli', importedBy: 'test', onProgress: (p) => phases.push(`${p.file}:${p.phase}`) },
    );
    expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const firstOf = (entry: string) => phases.indexOf(entry);
    expect(firstOf('b.csv:reading')).toBeGreaterThan(firstOf('a.csv:done'));
    expect(firstOf('c.csv:reading')).toBeGreaterThan(firstOf('b.csv:done'));
  });

  it('keeps nothing of an upload on disk once it is imported', async () => {
    const response = await admin.fetch('/api/imports', { method: 'POST', body: form({ 'jeszcze-lista.csv': attendanceCsv(5, 500_000) }) });
    expect(response.status).toBe(200);
    const spool = path.join(environment.dataDir, 'uploads');
    expect(fs.existsSync(spool) ? fs.readdirSync(spool) : []).toEqual([]);
  });

  it('keeps nothing on disk of a refused upload (a wrong kind or language)', async () => {
    for (const fields of [{ kind: 'nonsense' }, { lang: 'xx' }] as Record<string, string>[]) {
      const response = await admin.fetch('/api/imports', { method: 'POST', body: form({ 'odrzucona.csv': attendanceCsv(5, 600_000) }, fields) });
      expect(response.status).toBe(400);
    }
    const spool = path.join(environment.dataDir, 'uploads');
    expect(fs.existsSync(spool) ? fs.readdirSync(spool) : []).toEqual([]);
  });

  it('pages the import history', async () => {
    const first = await (await admin.fetch('/api/imports?limit=2')).json();
    expect(first).toHaveLength(2);
    const next = await (await admin.fetch(`/api/imports?limit=2&before=${first[1].id}`)).json();
    expect(next[0].id).toBeLessThan(first[1].id);
    expect((await admin.fetch('/api/imports?limit=100000')).status).toBe(400);
    expect((await admin.fetch('/api/imports?before=abc')).status).toBe(400);
  });
});

describe('limits of an upload', () => {
  const environment = temporaryEnvironmentWithProject('2022-07-02T10:00:00Z', (project) => {
    project.importLimits = { ...project.importLimits, maxUploadBytes: 1024 * 1024 };
  });
  let server: RunningServer;
  let admin: ApiSession;

  beforeAll(async () => {
    ({ server, admin } = await seededServer(environment));
  });
  afterAll(async () => server?.close());

  it("refuses files that together pass the upload limit, in the uploader's language, storing nothing", async () => {
    const part = attendanceCsv(40_000); // ~0.5 MB each, three of them over 1 MB together
    const before = await server.app.get(DatabaseRepository).client.importBatch.count();
    const response = await admin.fetch('/api/imports?lang=pl', { method: 'POST', body: form({ 'a.csv': part, 'b.csv': part, 'c.csv': part }) });
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/razem ponad 1 MB.*w kilku częściach/);
    // The language chosen in the form (sent before the files) is the refusal's too.
    const english = new FormData();
    english.append('lang', 'en');
    for (const name of ['a.csv', 'b.csv', 'c.csv']) english.append('files', new Blob([part]), name);
    // Streamed without a length, so the limit is met while the files are stored, after the field is read.
    const encoded = new Response(english);
    const inEnglish = await admin.fetch('/api/imports', {
      method: 'POST',
      body: encoded.body,
      headers: { 'content-type': encoded.headers.get('content-type')! },
      duplex: 'half',
    } as RequestInit);
    expect(inEnglish.status).toBe(413);
    expect((await inEnglish.json()).message).toMatch(/over 1 MB together.*several parts/);
    expect(await server.app.get(DatabaseRepository).client.importBatch.count()).toBe(before);
    const spool = path.join(environment.dataDir, 'uploads');
    expect(fs.existsSync(spool) ? fs.readdirSync(spool) : []).toEqual([]);
  });
});

describe('an import that needs more memory than the worker has', () => {
  const environment = temporaryEnvironmentWithProject('2022-07-02T10:00:00Z', (project) => {
    project.importLimits = { ...project.importLimits, workerMemoryMb: 160 };
  });
  let server: RunningServer;
  let admin: ApiSession;

  beforeAll(async () => {
    ({ server, admin } = await seededServer(environment));
  });
  afterAll(async () => server?.close());

  it('fails with the reason and a history row, and the server and the next import go on', async () => {
    // ~40 MB, within the 50 MB file limit: as rows of cells it is far more than a 160 MB heap.
    const lines = ['id_dzialania;kod;uwagi'];
    for (let n = 0; n < 900_000; n += 1) lines.push(`D-${n % activities};U-${n % people};uwaga ${n}`);
    const started = await admin.fetch('/api/imports?async=true', { method: 'POST', body: form({ 'ogromna.csv': `${lines.join('\r\n')}\r\n` }) });
    expect(started.status).toBe(202);
    const { id } = await started.json();
    const job = await pollJob(admin, id, (j) => j.status !== 'running');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/więcej pamięci.*160 MB/);
    expect(job.files[0]).toMatchObject({ file: 'ogromna.csv', status: 'rejected', errors: [{ code: 'import_out_of_memory' }] });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const history = await (await admin.fetch('/api/imports')).json();
    expect(history.find((h: { file: string }) => h.file === 'ogromna.csv')).toMatchObject({ status: 'rejected' });
    const next = await admin.fetch('/api/imports', { method: 'POST', body: form({ 'mala.csv': attendanceCsv(3) }) });
    expect(next.status).toBe(200);
    expect(await server.app.get(DatabaseRepository).client.attendance.count()).toBe(3);
  });
});

describe('an idle import worker', () => {
  it('ends after its idle time (its heap grown by a large file goes with it), and the next import starts a new one', async () => {
    const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '', OSL_IMPORT_WORKER_IDLE_MS: '300' });
    const { server, admin } = await seededServer(environment);
    try {
      const workers = server.app.get(ImportWorkerService);
      expect((await admin.fetch('/api/imports', { method: 'POST', body: form({ 'pierwsza.csv': attendanceCsv(5) }) })).status).toBe(200);
      const first = workers.workerPid;
      expect(first).not.toBeNull();
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      const deadline = Date.now() + 15_000;
      while ((workers.workerPid !== null || alive(first!)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(workers.workerPid).toBeNull();
      expect(alive(first!), 'the idle worker process ended').toBe(false);
      expect((await admin.fetch('/api/imports', { method: 'POST', body: form({ 'druga.csv': attendanceCsv(5, 10) }) })).status).toBe(200);
      expect(workers.workerPid).not.toBe(first);
    } finally {
      await server.close();
    }
  });
});

describe('an import job cut short', () => {
  it('is reported failed with its reason after a restart, with a history row and an audit event', async () => {
    const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
    let { server, admin } = await seededServer(environment);
    const { id } = await (await admin.fetch('/api/imports?async=true', { method: 'POST', body: form({ 'przerwana.csv': attendanceCsv(300_000) }) })).json();
    const running = await pollJob(admin, id, (j) => j.progress?.phase === 'writing' || j.status !== 'running');
    expect(running.status).toBe('running');
    // The process ends as a crash would leave it: the job row still says "running".
    const db = server.app.get(DatabaseRepository).client;
    await server.close();
    await db.importJob.update({ where: { id }, data: { status: 'running', finishedAt: null, error: null } });

    server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
    try {
      admin = await signIn(server.url, 'admin@test.osl');
      const job = await (await admin.fetch(`/api/imports/jobs/${id}`)).json();
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/przerwano.*Wyślij plik jeszcze raz/);
      const history = await (await admin.fetch('/api/imports')).json();
      const row = history.find((h: { file: string }) => h.file === 'przerwana.csv');
      expect(row).toMatchObject({ status: 'rejected', rowsWritten: 0 });
      expect(row.report.errors[0].code).toBe('import_interrupted');
      const after = server.app.get(DatabaseRepository).client;
      expect(await after.attendance.count()).toBe(0);
      expect(await after.auditEvent.count({ where: { action: 'import.rejected', entityId: String(row.id) } })).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('does not hold up a stop: SIGTERM ends the server within seconds while a large import runs', async () => {
    const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
    await (await seededServer(environment)).server.close();

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'backend', 'src', 'main.ts')], {
      cwd: repositoryRoot,
      env: { ...environment.env, OSL_DEMO: '0', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serves (http:\/\/localhost:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', () => reject(new Error(`the server ended before serving: ${output}`)));
    });
    const admin = await signIn(url, 'admin@test.osl', testPassword);
    const { id } = await (await admin.fetch('/api/imports?async=true', { method: 'POST', body: form({ 'lista.csv': attendanceCsv(300_000) }) })).json();
    await pollJob(admin, id, (j) => j.progress?.phase === 'validating' || j.progress?.phase === 'writing' || j.status !== 'running');
    const stopAt = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    expect(performance.now() - stopAt).toBeLessThan(15_000);
    expect(code).toBe(0);
  });
});
