// The rows behind an indicator value (issue 15, "For the auditor"): the persons of P1 and R1, the
// survey answers of R2, the register's leaders of P5, asked as the director, an organizer and the
// auditor. Each list adds up to the value the same role is shown; names only where domain.md allows
// them; the auditor's lists are empty exactly where their figure is hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startServer, type RunningServer } from '@osl/backend';
import { signInAsNewUser, type ApiSession } from '../support/api-session.ts';
import { importAndPublish, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const names = ['Bronisława', 'Wierzbicka', 'Zdzisław', 'Pąkowski'];

let server: RunningServer;
let director: ApiSession;
let organizerOst: ApiSession;
let auditor: ApiSession;

beforeAll(async () => {
  const environment = temporaryEnvironment('2022-12-15T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  const dir = path.join(environment.dataDir, 'fixtures');
  const files = [
    writeCsv(dir, 'rejestr.csv', [
      ['kod', 'spolecznosc', 'imie', 'nazwisko', 'plec', 'rok_urodzenia', 'lider', 'lider_od'],
      ['OST-1', 'OST', names[0]!, names[1]!, 'K', 1961, 'tak', '01.06.2021'],
      ['OST-2', 'OST', '', '', 'M', 1958, 'tak', '01.03.2022'],
      ['OST-3', 'OST', '', '', 'K', 1970, 'tak', '02.03.2022'],
      ['OST-4', 'OST', '', '', 'M', 1980, 'nie', ''],
      ['OST-5', 'OST', '', '', 'K', 1990, 'nie', ''],
      ['LAZ-1', 'LAZ', names[2]!, names[3]!, 'M', 1949, 'tak', '01.04.2022'],
      ['LAZ-2', 'LAZ', '', '', 'M', 1950, 'nie', ''],
      ['WZG-1', 'WZG', '', '', 'K', 1975, 'nie', ''],
      ['WZG-2', 'WZG', '', '', 'M', 1976, 'nie', ''],
      ['WZG-3', 'WZG', '', '', 'K', 1977, 'nie', ''],
    ]),
    writeCsv(dir, 'dziennik.csv', [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['K0', '10.10.2021', 'OST', 'WARSZTAT', 'Warsztaty jesienne'],
      ['K1', '14.01.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
      ['K2', '10.03.2022', 'OST', 'IMPREZA', 'Festyn'],
      ['K3', '10.05.2022', 'OST', 'SPOTKANIE', 'Spotkanie'],
      ['L1', '15.02.2022', 'LAZ', 'WARSZTAT', 'Spotkanie'],
      ['W1', '16.02.2022', 'WZG', 'WARSZTAT', 'Spotkanie'],
    ]),
    writeCsv(dir, 'lista.csv', [
      ['id_dzialania', 'kod'],
      ['K0', 'OST-1'],
      ...['OST-1', 'OST-2', 'OST-3', 'OST-4'].map((c) => ['K1', c]),
      ...['OST-1', 'OST-2', 'OST-3', 'OST-5'].map((c) => ['K2', c]),
      ...['OST-1', 'OST-2', 'OST-3', 'LAZ-1'].map((c) => ['K3', c]),
      ...['LAZ-1', 'LAZ-2'].map((c) => ['L1', c]),
      ...['WZG-1', 'WZG-2', 'WZG-3'].map((c) => ['W1', c]),
    ]),
    // 2022: OST 8 answers (5 of them ≥ 4, two 4s: a small count), LAZ 6, WZG 2 (its share is about two persons).
    writeCsv(dir, 'ankieta.csv', [
      ['ankieta', 'data', 'spolecznosc', 'JAKOSC_ZYCIA', 'POLECAM'],
      ...[5, 5, 5, 4, 4, 3, 3, 3].map((v) => ['ANK-ROCZNA', '12.11.2022', 'OST', v, 'tak']),
      ...[5, 4, 4, 3, 3, 1].map((v) => ['ANK-ROCZNA', '13.11.2022', 'LAZ', v, 'tak']),
      ...[5, 4].map((v) => ['ANK-ROCZNA', '14.11.2022', 'WZG', v, 'tak']),
    ]),
  ];
  await importAndPublish(server.app, files);
  director = await signInAsNewUser(server, 'dyrektor@test.osl', 'director');
  organizerOst = await signInAsNewUser(server, 'organizator@test.osl', 'organizer', ['OST']);
  auditor = await signInAsNewUser(server, 'audytor@test.osl', 'auditor');
}, 180_000);

afterAll(async () => {
  await server?.close();
});

interface Shown {
  code: string;
  community: string;
  year: number;
  value: number | null;
  suppressed?: string[];
}

/** Whether the auditor's trace of a value is withheld: its figure is hidden, or (the whole project) one community's is. */
async function traceWithheld(code: string, year: number, community: string): Promise<boolean> {
  const { body } = await auditor.get(`/api/indicators?year=${year}`);
  const rows = (body as Shown[]).filter((v) => v.code === code && (community === 'ALL' || v.community === community));
  return rows.some((v) => v.suppressed?.includes('value') ?? false);
}

async function valueShown(session: ApiSession, code: string, year: number, community: string): Promise<Shown> {
  const { body } = await session.get(`/api/indicators?year=${year}&community=${community}`);
  return (body as Shown[]).find((v) => v.code === code)!;
}

const cases = [
  ['P1', 2022, 'ALL'],
  ['P1', 2022, 'OST'],
  ['P1', 2022, 'LAZ'],
  ['P1', 2021, 'OST'],
  ['R1', 2022, 'ALL'],
  ['R1', 2022, 'OST'],
  ['R1', 2022, 'LAZ'],
] as const;

describe('the persons behind P1 and R1', () => {
  it('add up to the value each role is shown, and to the value measured', async () => {
    let shownTraces = 0;
    let hiddenTraces = 0;
    const expected: Record<string, number> = {
      'P1|2022|ALL': 10,
      'P1|2022|OST': 6,
      'P1|2022|LAZ': 2,
      'P1|2021|OST': 1,
      'R1|2022|ALL': 3,
      'R1|2022|OST': 3,
      'R1|2022|LAZ': 0,
    };
    for (const [code, year, community] of cases) {
      const key = `${code}|${year}|${community}`;
      const full = await director.get(`/api/indicators/${code}/persons?year=${year}&community=${community}`);
      expect(full.status, key).toBe(200);
      expect(full.body.persons.length, key).toBe((await valueShown(director, code, year, community)).value);
      expect(full.body.persons.length, key).toBe(expected[key]);
      expect(full.body.hidden).toBe(false);

      const audited = await auditor.get(`/api/indicators/${code}/persons?year=${year}&community=${community}`);
      const shown = await valueShown(auditor, code, year, community);
      expect(audited.status, key).toBe(200);
      const masked = await traceWithheld(code, year, community);
      expect(audited.body.hidden, key).toBe(masked);
      expect(audited.body.value, key).toBe(shown.value);
      expect(audited.body.persons.length, key).toBe(masked ? 0 : shown.value);
      if (!masked) shownTraces += 1;
      else hiddenTraces += 1;
    }
    // Both cases happen here: the check above is not vacuous.
    expect(shownTraces).toBeGreaterThan(0);
    expect(hiddenTraces).toBeGreaterThan(0);
  });

  it('gives R1 the persons with at least three attendances in the year, with their count and first date', async () => {
    const { body } = await director.get('/api/indicators/R1/persons?year=2022&community=ALL');
    expect(body.minAttendances).toBe(3);
    expect(body.persons.map((p: { code: string; attendances: number; firstDate: string }) => [p.code, p.attendances, p.firstDate])).toEqual([
      ['OST-1', 3, '2022-01-14'],
      ['OST-2', 3, '2022-01-14'],
      ['OST-3', 3, '2022-01-14'],
    ]);
  });

  it('hides a small count from the auditor, with everything that would tell it', async () => {
    const { body } = await auditor.get('/api/indicators/P1/persons?year=2022&community=LAZ');
    expect(body).toMatchObject({ hidden: true, value: null, persons: [] });
  });

  it('shows names to the director and the community’s organizer only, codes alone to the auditor', async () => {
    const directorText = JSON.stringify((await director.get('/api/indicators/P1/persons?year=2022&community=OST')).body);
    expect(directorText).toContain(names[0]);
    // LAZ-1 came to an OST activity: the director sees the name, the OST organizer does not (LAZ's register).
    expect(directorText).toContain(names[2]);
    const organizer = (await organizerOst.get('/api/indicators/P1/persons?year=2022&community=OST')).body;
    const organizerText = JSON.stringify(organizer);
    expect(organizerText).toContain(names[0]);
    expect(organizerText).not.toContain(names[2]);
    expect(organizer.persons.find((p: { code: string }) => p.code === 'LAZ-1')).toEqual({ code: 'LAZ-1', attendances: 1, firstDate: '2022-05-10' });
    const audited = (await auditor.get('/api/indicators/P1/persons?year=2022&community=OST')).body;
    expect(audited.hidden).toBe(false);
    expect(audited.persons.map((p: { code: string }) => p.code)).toContain('OST-1');
    for (const name of names) expect(JSON.stringify(audited)).not.toContain(name);
    expect(audited.persons[0]).toEqual({ code: expect.any(String), attendances: null, firstDate: null });
  });

  it('refuses an organizer another community and the whole project, and the admin altogether', async () => {
    expect((await organizerOst.get('/api/indicators/P1/persons?year=2022&community=LAZ')).status).toBe(403);
    expect((await organizerOst.get('/api/indicators/P1/persons?year=2022&community=ALL')).status).toBe(403);
    const admin = await signInAsNewUser(server, 'admin@test.osl', 'admin');
    expect((await admin.get('/api/indicators/P1/persons?year=2022&community=OST')).status).toBe(403);
    // Another kind of indicator has no persons.
    expect((await director.get('/api/indicators/P3/persons?year=2022&community=OST')).status).toBe(400);
  });
});

describe('R2 traced to its survey answers', () => {
  it('counts the answers the share is taken over, with their file and row, never who answered', async () => {
    for (const community of ['ALL', 'OST', 'LAZ', 'WZG']) {
      const { body } = await director.get(`/api/indicators/R2/survey-answers?year=2022&community=${community}`);
      const value = (await valueShown(director, 'R2', 2022, community)).value;
      expect(Math.round((body.counted / body.answered) * 1000) / 10, community).toBe(value);
      expect(body.answers.filter((a: { counted: boolean }) => a.counted).length).toBe(body.counted);
      for (const answer of body.answers) {
        expect(answer.file).toBe('ankieta.csv');
        expect(answer.row).toBeGreaterThanOrEqual(2);
        expect(answer.counted).toBe(answer.value >= 4);
      }
    }
    const ost = (await director.get('/api/indicators/R2/survey-answers?year=2022&community=OST')).body;
    expect(ost.answers.map((a: { value: number }) => a.value).sort()).toEqual([3, 3, 3, 4, 4, 5, 5, 5]);
    for (const name of names) expect(JSON.stringify(ost)).not.toContain(name);
  });

  it('is hidden from the auditor exactly where R2 is, and shows no value whose count is hidden', async () => {
    for (const community of ['ALL', 'OST', 'LAZ', 'WZG']) {
      const shown = await valueShown(auditor, 'R2', 2022, community);
      const { body } = await auditor.get(`/api/indicators/R2/survey-answers?year=2022&community=${community}`);
      const masked = await traceWithheld('R2', 2022, community);
      expect(body.hidden, community).toBe(masked);
      if (masked) expect(body).toMatchObject({ answers: [], answered: null, counted: null });
      else expect(Math.round((body.counted / body.answered) * 1000) / 10, community).toBe(shown.value);
    }
    expect((await valueShown(auditor, 'R2', 2022, 'WZG')).value).toBeNull();
    // OST's two 4s are a count the survey results hide from the auditor: the trace does not give them away.
    const ost = (await auditor.get('/api/indicators/R2/survey-answers?year=2022&community=OST')).body;
    expect(ost.hidden).toBe(false);
    // Its counted / not counted split is the share's own; the values are hidden with the counts the survey results hide.
    expect(ost.answers.filter((a: { value: number | null }) => a.value === null).length).toBeGreaterThan(0);
    const { body: results } = await auditor.get('/api/surveys/results?year=2022');
    const question = results.surveys.find((s: { code: string }) => s.code === 'ANK-ROCZNA').questions.find((q: { code: string }) => q.code === 'JAKOSC_ZYCIA');
    const ostScope = question.scopes.find((s: { community: string }) => s.community === 'OST');
    for (const { value, count } of ostScope.distribution as { value: number; count: number | null }[]) {
      const listed = ost.answers.filter((a: { value: number | null }) => a.value === value).length;
      expect(listed, `value ${value}`).toBe(count ?? 0);
    }
  });
});

describe('P5 traced to the register rows', () => {
  it('lists the leaders counted, each with home community, leader since, file and row', async () => {
    for (const [year, community, expected] of [
      [2022, 'ALL', 4],
      [2022, 'OST', 3],
      [2021, 'OST', 1],
      [2022, 'LAZ', 1],
    ] as const) {
      const { body } = await director.get(`/api/indicators/P5/leaders?year=${year}&community=${community}`);
      expect(body.leaders.length).toBe((await valueShown(director, 'P5', year, community)).value);
      expect(body.leaders.length).toBe(expected);
    }
    const { body } = await director.get('/api/indicators/P5/leaders?year=2022&community=ALL');
    expect(body.leaders[0]).toEqual({ code: 'OST-1', homeCommunity: 'OST', leaderSince: '2021-06-01', file: 'rejestr.csv', row: 2 });
    expect(body.leaders.find((l: { code: string }) => l.code === 'LAZ-1')).toMatchObject({ homeCommunity: 'LAZ', row: 7 });
    for (const name of names) expect(JSON.stringify(body)).not.toContain(name);
  });

  it('gives the auditor no more than their figures show', async () => {
    const laz = await valueShown(auditor, 'P5', 2022, 'LAZ');
    expect(laz.value).toBeNull();
    expect((await auditor.get('/api/indicators/P5/leaders?year=2022&community=LAZ')).body).toMatchObject({ hidden: true, leaders: [] });
    // The whole project's value is shown, but its list would name LAZ's one leader (code, file, row): withheld.
    const all = (await auditor.get('/api/indicators/P5/leaders?year=2022&community=ALL')).body;
    expect(all.value).toBe(4);
    expect(all).toMatchObject({ hidden: true, leaders: [] });
    for (const year of [2021, 2022])
      for (const community of ['ALL', 'OST', 'LAZ', 'WZG']) {
        const { body } = await auditor.get(`/api/indicators/P5/leaders?year=${year}&community=${community}`);
        expect(body.hidden, `${year} ${community}`).toBe(await traceWithheld('P5', year, community));
        if (!body.hidden) expect(body.leaders.length).toBe((await valueShown(auditor, 'P5', year, community)).value);
      }
  });
});
