// What `npm start` and `npm run osl` run: the backend bundled by backend/scripts/build.ts (built for
// the tests by support/built-backend.ts). The CLI answers as the sources do (through tsx); the
// server answers, and its workers (the import worker process, the auditor-mask thread) run from
// the bundles; the server starts on an up-to-date database without migrating it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/api-session.ts';
import { builtBackendDir, builtCli } from '../support/built-backend.ts';
import { repositoryRoot } from '../support/installation.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-built-'));
const env = { OSL_DATA_DIR: dataDir, OSL_NOW: '2026-11-27T12:00:00Z', DATABASE_URL: '', OSL_DEMO_PASSWORD: 'haslo-demo-testowe' };

function runBuilt(args: string[]) {
  return spawnSync(process.execPath, [builtCli, ...args], { cwd: repositoryRoot, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(async () => {
  const demo = runBuilt(['demo', '--json']);
  expect(demo.status, demo.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the built CLI', () => {
  it('answers a read command as the sources do', () => {
    const built = runBuilt(['indicators', '--year', '2022', '--json']);
    expect(built.status).toBe(0);
    const fromSources = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repositoryRoot, 'backend', 'src', 'cli', 'main.ts'), 'indicators', '--year', '2022', '--json'],
      {
        cwd: repositoryRoot,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(fromSources.status).toBe(0);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(fromSources.stdout));
    expect(JSON.parse(built.stdout).length).toBeGreaterThan(0);
  });

  it('reports a misuse with its exit code', () => {
    const built = runBuilt(['indicators', '--year', 'nigdy', '--json']);
    expect(built.status).toBe(2);
    expect(JSON.parse(built.stdout)).toMatchObject({ error: { kind: 'invalid' } });
  });
});

describe('the built server', () => {
  let child: ReturnType<typeof spawn>;
  let baseUrl = '';
  let output = '';

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(builtBackendDir, 'main.js')], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    for (let attempt = 0; ; attempt += 1) {
      if (child.exitCode !== null) throw new Error(`the built server ended:\n${output}`);
      const answer = await fetch(`${baseUrl}/api/health`).catch(() => null);
      if (answer?.ok) break;
      if (attempt > 1_200) throw new Error(`the built server did not answer:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 180_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('started on an up-to-date database without migrating it', () => {
    expect(output).not.toMatch(/schema migrated/);
  });

  it('serves an auditor the masked figures, computed in the mask worker thread', async () => {
    const auditor = await signIn(baseUrl, 'audytor@demo.osl', env.OSL_DEMO_PASSWORD);
    const answer = await auditor.get('/api/indicators?year=2022');
    expect(answer.status).toBe(200);
    expect(Array.isArray(answer.body) || typeof answer.body === 'object').toBe(true);
  });

  it('imports an upload in the import worker process', async () => {
    const admin = await signIn(baseUrl, 'admin@demo.osl', env.OSL_DEMO_PASSWORD);
    const rows = Array.from({ length: 50 }, (_, i) => `B${i};10.06.2022;WZG;WARSZTAT;Warsztaty ${i}`).join('\r\n');
    const form = new FormData();
    form.append('files', new Blob([`id;data;spolecznosc;typ;tytul\r\n${rows}\r\n`]), 'dziennik-zbudowany.csv');
    const response = await admin.fetch('/api/imports?async=true', { method: 'POST', body: form });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    let job: { status: string; files?: { status: string; created: number }[] } = { status: 'running' };
    for (let attempt = 0; attempt < 300 && job.status === 'running'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await (await admin.fetch(`/api/imports/jobs/${id}`)).json()) as typeof job;
    }
    expect(job).toMatchObject({ status: 'finished' });
    expect(job.files?.[0]).toMatchObject({ status: 'imported', created: 50 });
    expect(output).toMatch(/import worker started/);
  });
});
