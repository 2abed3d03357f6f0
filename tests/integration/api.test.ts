// The REST API as the dashboard uses it, on a server started in-process on a small installation.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@osl/backend';
import { signInAsNewUser, type ApiSession } from '../support/api-session.ts';
import { importAndPublish, temporaryEnvironment, writeTwoActivityFixture } from '../support/installation.ts';

const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
let server: RunningServer;
let director: ApiSession;
let admin: ApiSession;

async function get(pathname: string): Promise<{ status: number; body: any }> {
  return director.get(pathname);
}

beforeAll(async () => {
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  await importAndPublish(server.app, writeTwoActivityFixture(path.join(environment.dataDir, 'fixtures')));
  director = await signInAsNewUser(server, 'dyrektor@test.osl', 'director');
  admin = await signInAsNewUser(server, 'admin@test.osl', 'admin');
});

afterAll(async () => {
  await server?.close();
});

describe('REST API', () => {
  it('reports health with the time of the published data', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      analytics: { available: true },
      dataAsOf: '2022-07-02T10:00:00.000Z',
      demo: false,
      lastRun: { status: 'succeeded' },
    });
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
    // The run in progress is named, in the request's language (Polish unless asked otherwise).
    expect(await second.json()).toMatchObject({ kind: 'conflict', key: 'pipeline.busy', runId: id, message: expect.stringContaining(`przebieg nr ${id}`) });
    let runs;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      runs = (await get('/api/pipeline/runs')).body;
      if (runs[0].status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(runs[0]).toMatchObject({ id, status: 'succeeded', trigger: 'api', mode: 'full' });
    // Its steps are named in the request's language too.
    expect(runs[0].steps.map((s: { name: string }) => s.name)).toContain('wskaźniki');
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

  it('words every refusal in Polish for a Polish request, and in English for an English one', async () => {
    const json = { 'content-type': 'application/json' };
    const refusals: [string, number, (headers: Record<string, string>) => Promise<Response>][] = [
      ['bad filter', 400, (headers) => director.fetch('/api/indicators?year=1999', { headers })],
      ['repeated filter', 400, (headers) => director.fetch('/api/indicators?year=2022&year=2023', { headers })],
      ['bad date', 400, (headers) => director.fetch('/api/activities?from=2022-13-01', { headers })],
      ['bad measure', 400, (headers) => director.fetch('/api/metrics?measures=bogus', { headers })],
      ['unknown route', 404, (headers) => director.fetch('/api/nothing-here', { headers })],
      ['unknown indicator', 404, (headers) => director.fetch('/api/indicators/XX9/sources', { headers })],
      ['unknown community', 404, (headers) => director.fetch('/api/communities/XYZ/participation', { headers })],
      ['forbidden route', 403, (headers) => admin.fetch('/api/audit', { headers })],
      ['signed out', 401, (headers) => fetch(`${server.url}/api/indicators`, { headers })],
      [
        'missing CSRF token',
        403,
        (headers) => admin.fetch('/api/pipeline/runs', { method: 'POST', csrf: false, headers: { ...json, ...headers }, body: '{}' }),
      ],
      ['bad mode', 400, (headers) => admin.fetch('/api/pipeline/runs', { method: 'POST', headers: { ...json, ...headers }, body: '{"mode":"sideways"}' })],
      ['malformed JSON', 400, (headers) => admin.fetch('/api/pipeline/runs', { method: 'POST', headers: { ...json, ...headers }, body: '{"mode":' })],
      [
        'not JSON',
        415,
        (headers) => admin.fetch('/api/pipeline/runs', { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: 'full' }),
      ],
    ];
    // Words of every English message of this sample; none is a Polish word.
    const english = /\b(must|unknown|the|is|not|use|one of|sign|may|cannot|no|there|send|request|each|takes|wrong|missing)\b/i;
    for (const [what, status, send] of refusals) {
      const polish = await send({ 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.8' });
      const bare = await send({});
      const inEnglish = await send({ 'accept-language': 'en-GB,en;q=0.9' });
      expect([polish.status, bare.status, inEnglish.status], what).toEqual([status, status, status]);
      const [pl, plByDefault, en] = [await polish.json(), await bare.json(), await inEnglish.json()];
      expect(pl.message, what).not.toMatch(english);
      expect(plByDefault.message, what).toBe(pl.message);
      expect(en.message, what).not.toBe(pl.message);
      expect({ key: en.key, kind: en.kind, code: en.code }, what).toEqual({ key: pl.key, kind: pl.kind, code: pl.code });
    }
  });
});
