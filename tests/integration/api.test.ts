// The REST API as the dashboard uses it, on a server started in-process on a small installation.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService, PipelineService, startServer, type RunningServer } from '@osl/backend';
import { createUser, signIn, type ApiSession } from '../support/api-session.ts';
import { temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
let server: RunningServer;
let director: ApiSession;
let admin: ApiSession;

async function get(pathname: string): Promise<{ status: number; body: any }> {
  return director.get(pathname);
}

beforeAll(async () => {
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  const dir = path.join(environment.dataDir, 'fixtures');
  const files = [
    writeCsv(dir, 'rejestr.csv', [['kod', 'spolecznosc'], ['OST-1', 'OST'], ['OST-2', 'OST']]),
    writeCsv(dir, 'dziennik.csv', [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['K1', '14.01.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
      ['K2', '20.06.2022', 'OST', 'IMPREZA', 'Festyn'],
    ]),
    writeCsv(dir, 'lista.csv', [['id_dzialania', 'kod'], ['K1', 'OST-1'], ['K1', 'OST-2'], ['K2', 'OST-1']]),
  ];
  const reports = await server.app.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'test' });
  expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  expect((await server.app.get(PipelineService).run('api', 'full')).status).toBe('succeeded');
  await createUser(server.app, 'dyrektor@test.osl', 'director');
  director = await signIn(server.url, 'dyrektor@test.osl');
  await createUser(server.app, 'admin@test.osl', 'admin');
  admin = await signIn(server.url, 'admin@test.osl');
});

afterAll(async () => {
  await server?.close();
});

describe('REST API', () => {
  it('reports health with the time of the published data', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', analytics: { available: true }, dataAsOf: '2022-07-02T10:00:00.000Z', demo: false, lastRun: { status: 'succeeded' } });
  });

  it('serves indicators for a year, with expected-to-date in a running year', async () => {
    const { status, body } = await get('/api/indicators?year=2022&community=OST');
    expect(status).toBe(200);
    const p1 = body.find((r: { code: string }) => r.code === 'P1');
    // 2022-07-02 is day 183 of 365: OST's P1 path runs from 27 (2021) to 54 (2022).
    expect(p1).toMatchObject({ value: 2, target: 54, expected: Number((27 + (27 * 183) / 365).toFixed(2)), status: 'behind' });
    // "To date" on 2022-07-02 is the running year 2022, measured up to that day.
    const toDate = await get('/api/indicators?year=to-date&community=OST');
    expect(toDate.body.find((r: { code: string }) => r.code === 'P1')).toEqual(p1);
    // The 2023 year has not begun on 2022-07-02.
    const later = await get('/api/indicators?year=2023&community=ALL');
    expect(later.body.every((r: { status: string; value: unknown }) => r.status === 'not_started' && r.value === null)).toBe(true);
  });

  it('answers a repeated read of unchanged analytics with 304 (ETag = analytics version)', async () => {
    for (const pathname of ['/api/indicators?year=2022', '/api/communities/OST/participation']) {
      const first = await director.fetch(pathname);
      const etag = first.headers.get('etag');
      expect(etag, pathname).toMatch(/^W\/"a\d+-[\w-]+"$/);
      const again = await director.fetch(pathname, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      // Another query is another answer.
      expect((await director.fetch(`${pathname}${pathname.includes('?') ? '&' : '?'}community=OST`, { headers: { 'if-none-match': etag! } })).status).toBe(200);
    }
  });

  it('serves monthly participation with the P1 target path', async () => {
    const { status, body } = await get('/api/communities/ost/participation');
    expect(status).toBe(200);
    expect(body.community.code).toBe('OST');
    expect(body.periods).toHaveLength(36);
    expect(body.periods.find((p: { period: string }) => p.period === '2022-01')).toMatchObject({
      activities: 1,
      attendances: 2,
      distinctParticipants: 2,
      newParticipants: 2,
      cumulativeParticipants: 2,
      turnout: 2,
    });
    expect(body.periods.find((p: { period: string }) => p.period === '2022-06')).toMatchObject({ newParticipants: 0, returningParticipants: 1 });
    expect(body.targetPath.at(-1)).toEqual({ period: '2023-12', expected: 78 });
    expect(body.target).toEqual({ indicator: 'P1', baseline: 0, targets: { 2021: 27, 2022: 54, 2023: 78 } });
  });

  it('starts pipeline runs on request, one at a time, and lists them', async () => {
    const post = (body: unknown) =>
      admin.fetch('/api/pipeline/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const first = await post({ mode: 'full' });
    expect(first.status).toBe(202);
    const { id } = await first.json();
    const second = await post({ mode: 'incremental' });
    expect(second.status).toBe(409);
    expect((await second.json()).message).toContain(`run #${id}`);
    let runs;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      runs = (await get('/api/pipeline/runs')).body;
      if (runs[0].status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(runs[0]).toMatchObject({ id, status: 'succeeded', trigger: 'api', mode: 'full' });
    expect(runs[0].steps.map((s: { name: string }) => s.name)).toContain('indicators');
    expect((await post({ mode: 'sideways' })).status).toBe(400);
  });

  it('answers bad parameters with 400 or 404 and a message, never 500', async () => {
    for (const query of ['year=1999', 'year=abc', "community=X'%20OR%201=1", 'year=2022&year=2023']) {
      const { status, body } = await get(`/api/indicators?${query}`);
      expect(status, query).toBe(400);
      expect(body.message, query).toBeTruthy();
    }
    expect(await get('/api/alerts')).toEqual({ status: 200, body: [] });
    expect((await get('/api/alerts?status=bogus')).status).toBe(400);
    expect((await get('/api/alerts?community=XYZ')).status).toBe(400);
    const unknown = await get('/api/communities/XYZ/participation');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('XYZ');
    expect((await get('/api/nothing-here')).status).toBe(404);
  });
});
