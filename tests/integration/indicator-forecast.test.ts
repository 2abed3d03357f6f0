// GET /api/indicators/forecast on a demo installation (the project 2021–2023, over by the server's
// day): the "as of" view of a past month's end, the default day, and refusals in the user's words.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@osl/backend';
import { signInAsNewUser, type ApiSession } from '../support/api-session.ts';
import { importAndPublish, temporaryEnvironment, writeTwoActivityFixture } from '../support/installation.ts';

interface Forecast {
  horizon: 'year' | 'project';
  end: string;
  current: number | null;
  projected: number | null;
  low: number | null;
  high: number | null;
  target: number | null;
  probability: number | null;
  pacePerMonth: number | null;
  neededPerMonth: number | null;
  method: string;
}
interface Row {
  code: string;
  community: string;
  unit: string;
  value: number | null;
  target: number | null;
  status: string;
  forecasts: Forecast[];
}
interface Answer {
  asOf: string;
  year: number;
  rows: Row[];
}

let server: RunningServer;
let director: ApiSession;

beforeAll(async () => {
  server = await startServer(temporaryEnvironment('2026-11-27T12:00:00Z', { OSL_DASHBOARD_DIR: '' }), { demoIfEmpty: true, runPipeline: true });
  director = await signInAsNewUser(server, 'dyrektor-prognozy@test.osl', 'director');
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const cumulative = new Set(['P1', 'P3', 'P4', 'P5', 'R3']);
const row = (answer: Answer, code: string, community = 'ALL') => answer.rows.find((r) => r.code === code && r.community === community)!;

describe('GET /api/indicators/forecast', () => {
  it('as of 30 June 2022: every indicator and scope, the values to that day and forecasts to the end of 2022 and of the project', async () => {
    const { status, body } = await director.get('/api/indicators/forecast?asOf=2022-06-30');
    expect(status).toBe(200);
    const answer = body as Answer;
    expect(answer).toMatchObject({ asOf: '2022-06-30', year: 2022 });
    expect(answer.rows).toHaveLength(8 * 4);
    for (const r of answer.rows) {
      expect(r.forecasts.map((f) => [f.horizon, f.end])).toEqual([
        ['year', '2022-12-31'],
        ['project', '2023-12-31'],
      ]);
      for (const f of r.forecasts) {
        expect(f.current).toBe(r.value);
        if (f.probability !== null) {
          expect(f.probability).toBeGreaterThanOrEqual(0);
          expect(f.probability).toBeLessThanOrEqual(1);
        }
        if (f.low !== null && f.high !== null) {
          expect(f.low).toBeLessThanOrEqual(f.high);
          // A cumulative count cannot fall: the interval starts at the value reached.
          if (cumulative.has(r.code)) expect(f.low).toBeGreaterThanOrEqual(r.value!);
        }
      }
    }
    // The whole project's persons reached: a projection with an interval and a chance of the 2022 target.
    const p1 = row(answer, 'P1');
    expect(p1.value).toBeGreaterThan(0);
    const [year, project] = p1.forecasts;
    expect(year).toMatchObject({ target: 180 });
    expect(project).toMatchObject({ target: 260 });
    for (const f of [year, project]) {
      expect(f.projected).toBeGreaterThanOrEqual(p1.value!);
      expect(f.high! - f.low!).toBeGreaterThan(0);
      expect(f.probability).not.toBeNull();
    }
    // Persons reached to June are no more than to December.
    const wholeYear = (await director.get('/api/indicators?year=2022&community=ALL')).body as { code: string; value: number }[];
    expect(p1.value).toBeLessThanOrEqual(wholeYear.find((r) => r.code === 'P1')!.value);
  });

  it('as of a year’s last day: the values and targets are the year’s, as the indicator table has them', async () => {
    const answer = (await director.get('/api/indicators/forecast?asOf=2022-12-31')).body as Answer;
    const published = (await director.get('/api/indicators?year=2022')).body as {
      code: string;
      community: string;
      value: number | null;
      target: number | null;
    }[];
    for (const value of published) {
      const r = row(answer, value.code, value.community);
      expect([value.code, value.community, r.value, r.target]).toEqual([value.code, value.community, value.value, value.target]);
      // On that day the year still runs (a traffic light); the year's forecast is its final value.
      expect(r.forecasts[0]).toMatchObject({ end: '2022-12-31', projected: value.value, method: value.value === null ? 'none' : 'final' });
    }
  });

  it('by default, after the project has ended, as of its last day; a scope alone when asked', async () => {
    const answer = (await director.get('/api/indicators/forecast?community=OST')).body as Answer;
    expect(answer.asOf).toBe('2023-12-31');
    expect(new Set(answer.rows.map((r) => r.community))).toEqual(new Set(['OST']));
    // The project is over: both horizons end on its last day, and the forecast is the value reached.
    const p1 = row(answer, 'P1', 'OST');
    for (const f of p1.forecasts) expect(f.end).toBe('2023-12-31');
  });

  it('refuses a day it keeps no value for, naming the field in the user’s language', async () => {
    const polish = await director.fetch('/api/indicators/forecast?asOf=2022-06-15', { headers: { 'accept-language': 'pl' } });
    expect(polish.status).toBe(400);
    expect(((await polish.json()) as { message: string }).message).toBe(
      'Dzień „stan na” (asOf) z przeszłości musi być ostatnim dniem miesiąca, np. 2022-06-30 (podano „2022-06-15”).',
    );
    const english = await director.fetch('/api/indicators/forecast?asOf=2024-01-31', { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(400);
    expect(((await english.json()) as { message: string }).message).toBe('asOf must lie inside the project, from 2021-01-01 to 2023-12-31 (got "2024-01-31")');
    expect((await director.get('/api/indicators/forecast?year=2023&asOf=2022-06-30')).status).toBe(400);
  });
});

describe('GET /api/indicators/forecast while the project runs', () => {
  let running: RunningServer;
  let director: ApiSession;

  beforeAll(async () => {
    const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
    running = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
    await importAndPublish(running.app, writeTwoActivityFixture(path.join(environment.dataDir, 'fixtures')));
    director = await signInAsNewUser(running, 'dyrektor-biezacy@test.osl', 'director');
  }, 120_000);

  afterAll(async () => {
    await running?.close();
  });

  it('by default as of today, with the values to date the indicator table shows', async () => {
    const answer = (await director.get('/api/indicators/forecast')).body as Answer;
    expect(answer).toMatchObject({ asOf: '2022-07-02', year: 2022 });
    const toDate = (await director.get('/api/indicators?year=to-date')).body as { code: string; community: string; value: number | null; status: string }[];
    expect(toDate.length).toBe(answer.rows.length);
    for (const value of toDate) {
      const r = row(answer, value.code, value.community);
      expect([value.code, value.community, r.value, r.status]).toEqual([value.code, value.community, value.value, value.status]);
      expect(r.forecasts.map((f) => f.end)).toEqual(['2022-12-31', '2023-12-31']);
    }
    // A day after today is refused.
    expect((await director.get('/api/indicators/forecast?asOf=2022-07-31')).status).toBe(400);
  });
});
