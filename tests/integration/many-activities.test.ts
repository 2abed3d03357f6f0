// More activities and attendees than SQLite binds in one statement (issue 11): 1,500 activities in
// one month and 1,200 attendees, read through every route that lists activities or participants,
// as the director, the auditor and (the participant list is not the auditor's) the organizer.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService, PipelineService, startServer, type RunningServer } from '@osl/backend';
import { createUser, signIn, type ApiSession } from '../support/api-session.ts';
import { temporaryEnvironment, writeCsv } from '../support/installation.ts';

const activityCount = 1_500;
const attendeeCount = 1_200;
const code = (n: number) => `LAZ-${String(n).padStart(4, '0')}`;
const activityId = (n: number) => `M${String(n).padStart(4, '0')}`;

let server: RunningServer;
const sessions = {} as Record<'director' | 'auditor' | 'organizer', ApiSession>;

beforeAll(async () => {
  const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  const dir = path.join(environment.dataDir, 'fixtures');
  const register: (string | number)[][] = [['kod', 'spolecznosc', 'plec', 'rok_urodzenia']];
  for (let n = 1; n <= attendeeCount; n++) register.push([code(n), 'LAZ', n % 2 ? 'K' : 'M', 1940 + (n % 30)]);
  const log: (string | number)[][] = [['id', 'data', 'spolecznosc', 'typ', 'tytul']];
  // All in March 2022: the auditor's answers widen to whole months, so one month holds them all.
  for (let n = 1; n <= activityCount; n++) log.push([activityId(n), `${String(1 + (n % 31)).padStart(2, '0')}.03.2022`, 'LAZ', 'WARSZTAT', `Warsztat ${n}`]);
  const list: (string | number)[][] = [['id_dzialania', 'kod']];
  for (let n = 1; n <= activityCount; n++) list.push([activityId(n), code(1 + ((n - 1) % attendeeCount))]);
  const files = [writeCsv(dir, 'rejestr.csv', register), writeCsv(dir, 'dziennik.csv', log), writeCsv(dir, 'lista.csv', list)];
  const reports = await server.app.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'test' });
  if (reports.some((r) => r.status !== 'imported')) throw new Error(`fixture import failed: ${JSON.stringify(reports.map((r) => r.errors.slice(0, 3)))}`);
  const run = await server.app.get(PipelineService).run('api', 'full');
  if (run.status !== 'succeeded') throw new Error(`fixture pipeline failed: ${run.error}`);
  await createUser(server.app, 'dyrektor@test.osl', 'director');
  await createUser(server.app, 'audytor@test.osl', 'auditor');
  await createUser(server.app, 'organizator.laz@test.osl', 'organizer', ['LAZ']);
  sessions.director = await signIn(server.url, 'dyrektor@test.osl');
  sessions.auditor = await signIn(server.url, 'audytor@test.osl');
  sessions.organizer = await signIn(server.url, 'organizator.laz@test.osl');
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe('more than 999 activities and attendees', () => {
  it('lists every activity of the month with its attendance list, for the director and the auditor', async () => {
    for (const viewer of ['director', 'auditor'] as const) {
      const { status, body } = await sessions[viewer].get('/api/activities?community=LAZ&from=2022-03-01&to=2022-03-31');
      expect(status, viewer).toBe(200);
      expect(body.activities, viewer).toHaveLength(activityCount);
      expect(body.truncated).toBe(false);
      expect(
        body.activities.every((a: { attendanceLists: unknown[] }) => a.attendanceLists.length === 1),
        viewer,
      ).toBe(true);
    }
    const director = await sessions.director.get('/api/activities?community=LAZ');
    expect(director.body.activities.reduce((sum: number, a: { namedAttendances: number }) => sum + a.namedAttendances, 0)).toBe(activityCount);
  });

  it('drills an indicator down to all its activities and exports them, for the director and the auditor', async () => {
    for (const viewer of ['director', 'auditor'] as const) {
      const sources = await sessions[viewer].get('/api/indicators/P1/sources?year=2022&community=LAZ');
      expect(sources.status, viewer).toBe(200);
      expect(sources.body.activities, viewer).toHaveLength(activityCount);
      const exported = await sessions[viewer].fetch('/api/exports/indicators/P1/sources?year=2022&community=LAZ&format=csv');
      expect(exported.status, viewer).toBe(200);
      const csv = await exported.text();
      expect(
        // One row per activity, dated as Polish Excel reads a date (dd.mm.yyyy).
        csv.split('\r\n').filter((line) => /^\d\d\.03\.2022;M\d{4};/.test(line)),
        viewer,
      ).toHaveLength(activityCount);
    }
  });

  it('lists every participant of the community with their attendances, for the director and the organizer', async () => {
    for (const viewer of ['director', 'organizer'] as const) {
      const { status, body } = await sessions[viewer].get('/api/communities/LAZ/participants');
      expect(status, viewer).toBe(200);
      expect(body.participants, viewer).toHaveLength(attendeeCount);
      expect(
        body.participants.reduce((sum: number, p: { attendances: number }) => sum + p.attendances, 0),
        viewer,
      ).toBe(activityCount);
    }
    // The auditor is not given participant lists at all.
    expect((await sessions.auditor.get('/api/communities/LAZ/participants')).status).toBe(403);
  });
});
