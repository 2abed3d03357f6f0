// Every API route, called as every role and signed out: the status the access matrix promises,
// and no response carrying data outside the caller's scope (issue 5, "Authorization matrix").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessMatrix, apiControllers, roles, routesOf, scopeOf, UsersService, type Role } from '@osl/backend';
import { PeriodRepository } from '../../backend/src/repositories/period.repository.ts';
import { sessionFrom, signIn, testPassword, type ApiSession } from '../support/api-session.ts';
import { accounts, seededNames, startSecuredInstallation, type AccountName, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;
let throwaway = 0;
const namesInText = (text: string) => seededNames.filter((name) => text.includes(name));

beforeAll(async () => {
  installation = await startSecuredInstallation();
}, 120_000);

afterAll(async () => {
  await installation?.close();
});

type Caller = AccountName | 'signedOut';
const callers: Caller[] = ['signedOut', 'director', 'organizer', 'organizerLaz', 'auditor', 'admin'];
const roleOf: Record<AccountName, Role> = { director: 'director', organizer: 'organizer', organizerLaz: 'organizer', auditor: 'auditor', admin: 'admin' };

interface Call {
  method?: string;
  path: string;
  json?: unknown;
  form?: FormData;
  /** The community the call names, for routes an organizer may call for their own communities only. */
  community?: string;
}

async function newAccountId(): Promise<number> {
  throwaway += 1;
  const { user } = await installation.server.app
    .get(UsersService)
    .add(
      { actor: 'test', role: 'admin', address: null, userId: null },
      { email: `konto${throwaway}@test.osl`, role: 'auditor', password: testPassword, temporaryPassword: false },
    );
  return user.id;
}

/** A reporting period of its own (the calls close, reopen or delete it). */
async function newPeriodId(): Promise<number> {
  throwaway += 1;
  const period = await installation.server.app
    .get(PeriodRepository)
    .create({ name: `Okres ${throwaway}`, from: '2022-01-01', to: '2022-06-30' }, { actor: 'test', address: null });
  return period.id;
}

function upload(community: string): FormData {
  const data = new FormData();
  data.append('files', new Blob([`id;data;spolecznosc;typ;tytul\r\nX${++throwaway};01.03.2022;${community};WARSZTAT;Warsztaty\r\n`]), 'dziennik-nowy.csv');
  return data;
}

/** How to call each route. A route without an entry here fails the test: add one with the route. */
const calls: Record<string, () => Promise<Call[]> | Call[]> = {
  'GET /api/health': () => [{ path: '/api/health' }],
  'GET /api/auth/session': () => [{ path: '/api/auth/session' }],
  'POST /api/auth/sign-in': () => [{ method: 'POST', path: '/api/auth/sign-in', json: { email: accounts.director, password: testPassword } }],
  'POST /api/auth/sign-out': () => [{ method: 'POST', path: '/api/auth/sign-out' }],
  'POST /api/auth/password': () => [{ method: 'POST', path: '/api/auth/password', json: {} }],
  'GET /api/config': () => [{ path: '/api/config' }],
  'GET /api/indicators': () => [{ path: '/api/indicators' }, { path: '/api/indicators?year=2022&community=OST' }],
  'GET /api/indicators/forecast': () => [{ path: '/api/indicators/forecast?asOf=2022-06-30' }, { path: '/api/indicators/forecast?community=LAZ' }],
  'PUT /api/indicators/:code/targets': () => [{ method: 'PUT', path: '/api/indicators/P4/targets', json: { targets: { LAZ: { '2023': 4 } } } }],
  'GET /api/indicators/:code/sources': () => [{ path: '/api/indicators/P1/sources?year=2022&community=LAZ' }],
  'GET /api/indicators/:indicator/persons': () => [
    { path: '/api/indicators/P1/persons?year=2022&community=OST', community: 'OST' },
    { path: '/api/indicators/R1/persons?year=2022&community=LAZ', community: 'LAZ' },
  ],
  'GET /api/indicators/:indicator/survey-answers': () => [{ path: '/api/indicators/R2/survey-answers?year=2022&community=LAZ', community: 'LAZ' }],
  'GET /api/indicators/:indicator/leaders': () => [{ path: '/api/indicators/P5/leaders?year=2022&community=LAZ', community: 'LAZ' }],
  'GET /api/exports/indicators': () => [{ path: '/api/exports/indicators?format=csv' }],
  'GET /api/exports/indicators/:code/sources': () => [{ path: '/api/exports/indicators/P1/sources?year=2022&community=LAZ&format=csv' }],
  'GET /api/metrics': () => [{ path: '/api/metrics?measures=attendances,distinctParticipants&grain=month&dimensions=community' }],
  'GET /api/surveys/results': () => [{ path: '/api/surveys/results?year=2022' }],
  'GET /api/participant-profile': () => [{ path: '/api/participant-profile?year=2022' }],
  'GET /api/communities/:code/participation': () => [{ path: '/api/communities/OST/participation' }, { path: '/api/communities/LAZ/participation' }],
  'GET /api/communities/:code/participants': () => [
    { path: '/api/communities/OST/participants', community: 'OST' },
    { path: '/api/communities/LAZ/participants', community: 'LAZ' },
  ],
  'GET /api/communities/:code/participants/:participant/attendances': () => [
    { path: '/api/communities/OST/participants/OST-1/attendances', community: 'OST' },
    { path: '/api/communities/LAZ/participants/LAZ-1/attendances', community: 'LAZ' },
  ],
  'GET /api/exports/communities/:code/lapsed': () => [
    { path: '/api/exports/communities/OST/lapsed?format=csv', community: 'OST' },
    { path: '/api/exports/communities/LAZ/lapsed?format=csv', community: 'LAZ' },
  ],
  'GET /api/activities': () => [{ path: '/api/activities?community=LAZ&from=2022-01-01&to=2022-12-31' }],
  'GET /api/alerts': () => [{ path: '/api/alerts?status=all' }],
  'GET /api/pipeline/runs': () => [{ path: '/api/pipeline/runs' }],
  'POST /api/pipeline/runs': () => [{ method: 'POST', path: '/api/pipeline/runs', json: { mode: 'incremental' } }],
  'GET /api/imports': () => [{ path: '/api/imports' }],
  'POST /api/imports': () => [{ method: 'POST', path: '/api/imports', form: upload('WZG') }],
  'GET /api/imports/jobs/:id': () => [{ path: '/api/imports/jobs/00000000-0000-0000-0000-000000000000' }],
  'GET /api/imports/templates/:kind': () => [{ path: '/api/imports/templates/activities' }],
  'GET /api/recording/:code': () => [
    { path: '/api/recording/OST', community: 'OST' },
    { path: '/api/recording/LAZ', community: 'LAZ' },
  ],
  'GET /api/recording/:code/activity': () => [
    { path: '/api/recording/OST/activity?id=X', community: 'OST' },
    { path: '/api/recording/LAZ/activity?id=X', community: 'LAZ' },
  ],
  'POST /api/recording/:code': () =>
    ['OST', 'LAZ'].map((community) => ({
      method: 'POST',
      path: `/api/recording/${community}`,
      json: { date: '2022-03-01', type: 'WARSZTAT', title: `Warsztaty ${++throwaway}`, headcountAnonymous: 2, residentInitiative: false, participants: [] },
      community,
    })),
  'GET /api/recording/batches/:batch/refresh': () => [{ path: '/api/recording/batches/1/refresh' }],
  'GET /api/users': () => [{ path: '/api/users' }],
  'POST /api/users': () => [{ method: 'POST', path: '/api/users', json: { email: `nowe${++throwaway}@test.osl`, role: 'auditor' } }],
  'PATCH /api/users/:id': async () => [{ method: 'PATCH', path: `/api/users/${await newAccountId()}`, json: { displayName: 'Zmienione' } }],
  'POST /api/users/:id/reset-password': async () => [{ method: 'POST', path: `/api/users/${await newAccountId()}/reset-password` }],
  // Signed-in roles get the PDF, or 503 where this machine has no Chromium, never 401/403.
  'GET /api/reports/summary.pdf': () => [{ path: '/api/reports/summary.pdf?year=2022' }],
  // No such period: the roles that may read reports get 404, never 401/403.
  'GET /api/periods/:id/report.pdf': () => [{ path: '/api/periods/999999/report.pdf' }],
  'GET /api/periods/:id/report.xlsx': () => [{ path: '/api/periods/999999/report.xlsx' }],
  'GET /api/audit': () => [{ path: '/api/audit?limit=50' }],
  'GET /api/audit/actors': () => [{ path: '/api/audit/actors' }],
  'GET /api/audit/verify': () => [{ path: '/api/audit/verify' }],
  'GET /api/periods': () => [{ path: '/api/periods' }],
  'POST /api/periods': () => [{ method: 'POST', path: '/api/periods', json: { name: `Nowy ${++throwaway}`, from: '2022-07-01', to: '2022-12-31' } }],
  'GET /api/periods/verify': () => [{ path: '/api/periods/verify' }],
  'GET /api/periods/:id': async () => [{ path: `/api/periods/${await newPeriodId()}` }],
  'PATCH /api/periods/:id': async () => [
    { method: 'PATCH', path: `/api/periods/${await newPeriodId()}`, json: { name: `Zmieniony ${++throwaway}`, from: '2022-01-01', to: '2022-03-31' } },
  ],
  'DELETE /api/periods/:id': async () => [{ method: 'DELETE', path: `/api/periods/${await newPeriodId()}` }],
  'POST /api/periods/:id/close': async () => [{ method: 'POST', path: `/api/periods/${await newPeriodId()}/close` }],
  'POST /api/periods/:id/reopen': async () => [{ method: 'POST', path: `/api/periods/${await newPeriodId()}/reopen`, json: { reason: 'Korekta' } }],
  'POST /api/periods/:id/sign-off': async () => [
    { method: 'POST', path: `/api/periods/${await newPeriodId()}/sign-off`, json: { verdict: 'accepted', fingerprint: '0'.repeat(64) } },
  ],
  'POST /api/periods/:id/restatement': async () => [{ method: 'POST', path: `/api/periods/${await newPeriodId()}/restatement`, json: {} }],
  'GET /api/periods/:id/report': async () => [{ path: `/api/periods/${await newPeriodId()}/report` }],
  'GET /api/periods/:id/as-of': async () => [{ path: `/api/periods/${await newPeriodId()}/as-of?moment=2023-01-31` }],
};

async function sessionOf(caller: Caller, call: Call): Promise<ApiSession> {
  if (caller === 'signedOut') return sessionFrom(installation.server.url, '', '');
  // Signing out ends the session, and signing in again replaces it: those calls get a session of their own.
  if (call.path === '/api/auth/sign-out' || call.path === '/api/auth/sign-in') return signIn(installation.server.url, accounts[caller]);
  return installation.sessions[caller];
}

async function send(caller: Caller, call: Call): Promise<{ status: number; text: string }> {
  const session = await sessionOf(caller, call);
  const init: RequestInit = { method: call.method ?? 'GET' };
  if (call.json !== undefined) Object.assign(init, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.json) });
  if (call.form) init.body = call.form;
  const response = await session.fetch(call.path, init);
  return { status: response.status, text: await response.text() };
}

function expectedRefusal(route: string, caller: Caller, call: Call): 401 | 403 | null {
  const access = accessMatrix[route];
  if (access.kind === 'public') return null;
  if (caller === 'signedOut') return 401;
  const scope = scopeOf(access, roleOf[caller]);
  if (scope === null) return 403;
  if (scope === 'assigned' && call.community && caller === 'organizerLaz' && call.community !== 'LAZ') return 403;
  return null;
}

describe('the authorization matrix', () => {
  it('has exactly one entry per API route, and every route a call in this test', () => {
    const routes = routesOf(apiControllers).sort();
    expect(new Set(routes).size).toBe(routes.length);
    expect(Object.keys(accessMatrix).sort()).toEqual(routes);
    expect(Object.keys(calls).sort()).toEqual(routes);
    // Every role-restricted route names only real roles.
    for (const access of Object.values(accessMatrix)) if (access.kind === 'roles') for (const role of Object.keys(access.roles)) expect(roles).toContain(role);
  });

  it('gives every caller on every route the status the matrix says, and nothing outside their scope', async () => {
    const outcomes: string[] = [];
    const bodies: { route: string; caller: Caller; path: string; text: string }[] = [];
    for (const route of Object.keys(calls).sort()) {
      for (const caller of callers) {
        for (const call of await calls[route]()) {
          const { status, text } = await send(caller, call);
          const refusal = expectedRefusal(route, caller, call);
          // This installation serves no dashboard: the PDF route answers 503 with what to do (e2e renders it).
          const unavailable = route === 'GET /api/reports/summary.pdf' && status === 503;
          const ok = refusal === null ? status !== 401 && status !== 403 && (status < 500 || unavailable) : status === refusal;
          if (!ok) outcomes.push(`${route} as ${caller} (${call.path}): got ${status}, expected ${refusal ?? 'admitted'} — ${text.slice(0, 160)}`);
          if (refusal === null) bodies.push({ route, caller, path: call.path, text });
        }
      }
    }
    expect(outcomes).toEqual([]);

    // Names are seen by the director and a community's own organizer on its participant list (and a person's history), and by
    // the community's own organizer in the register of the recording form; nowhere else.
    const nameLeaks = bodies.filter(({ route, caller, path, text }) => {
      const mayHoldNames =
        ((route === 'GET /api/communities/:code/participants' || route === 'GET /api/communities/:code/participants/:participant/attendances') &&
          (caller === 'director' || caller === 'organizer' || (caller === 'organizerLaz' && path.includes('/LAZ/')))) ||
        (route === 'GET /api/recording/:code' && (caller === 'organizer' || (caller === 'organizerLaz' && path.endsWith('/LAZ')))) ||
        (route === 'GET /api/indicators/:indicator/persons' &&
          (caller === 'director' || caller === 'organizer' || (caller === 'organizerLaz' && path.includes('=LAZ'))));
      return !mayHoldNames && seededNames.some((name) => text.includes(name));
    });
    expect(nameLeaks.map((b) => `${b.route} as ${b.caller}`)).toEqual([]);
    // ... and the scan can find them where they are allowed: the check above is not vacuous.
    const directorList = bodies.find((b) => b.caller === 'director' && b.path === '/api/communities/OST/participants');
    expect(directorList?.text).toContain(seededNames[0]);
    const lazOwn = bodies.find((b) => b.caller === 'organizerLaz' && b.path === '/api/communities/LAZ/participants');
    expect(lazOwn?.text).toContain(seededNames[4]);
    // The recording form's register: names for the community's own organizer, codes alone for the admin.
    expect(bodies.find((b) => b.caller === 'organizerLaz' && b.path === '/api/recording/LAZ')?.text).toContain(seededNames[4]);
    expect(namesInText(bodies.find((b) => b.caller === 'admin' && b.path === '/api/recording/LAZ')!.text)).toEqual([]);

    // The auditor sees no count of one or two persons.
    for (const body of bodies.filter((b) => b.caller === 'auditor' && b.route === 'GET /api/indicators')) {
      const small = (JSON.parse(body.text) as { unit: string; value: number | null }[]).filter(
        (r) => r.unit === 'persons' && r.value !== null && r.value > 0 && r.value < 3,
      );
      expect(small).toEqual([]);
    }
    const auditorSeries = bodies.filter(
      (b) => b.caller === 'auditor' && (b.route === 'GET /api/communities/:code/participation' || b.route === 'GET /api/metrics'),
    );
    expect(auditorSeries.length).toBe(3);
    for (const body of auditorSeries) {
      const parsed = JSON.parse(body.text) as { periods?: Record<string, unknown>[]; rows?: Record<string, unknown>[] };
      for (const period of parsed.periods ?? parsed.rows ?? []) {
        for (const field of ['distinctParticipants', 'newParticipants', 'returningParticipants', 'cumulativeParticipants', 'attendances']) {
          const value = (period[field] ?? null) as number | null;
          expect(value === null || value === 0 || value >= 3, `${body.path} ${period.period} ${field}=${value}`).toBe(true);
        }
      }
    }
    // The report pages: no answer count or count of persons of 1–2 for the auditor.
    for (const body of bodies.filter((b) => b.caller === 'auditor' && b.route === 'GET /api/participant-profile')) {
      const { communities } = JSON.parse(body.text) as { communities: { rows: { persons: (number | null)[]; total: number | null }[] }[] };
      const counts = communities.flatMap((c) => c.rows.flatMap((r) => [...r.persons, r.total]));
      expect(counts.filter((v) => v !== null && v > 0 && v < 3)).toEqual([]);
    }
    // ... which the fixture has: the director sees them.
    const directorProfile = JSON.parse(bodies.find((b) => b.caller === 'director' && b.route === 'GET /api/participant-profile')!.text) as {
      communities: { rows: { persons: number[] }[] }[];
    };
    expect(directorProfile.communities.flatMap((c) => c.rows.flatMap((r) => r.persons)).some((v) => v === 1 || v === 2)).toBe(true);
    for (const body of bodies.filter((b) => b.caller === 'auditor' && b.route === 'GET /api/surveys/results')) {
      const { surveys } = JSON.parse(body.text) as { surveys: { questions: { scopes: { n: number | null; distribution: { count: number | null }[] }[] }[] }[] };
      const counts = surveys.flatMap((s) => s.questions.flatMap((q) => q.scopes.flatMap((c) => [c.n, ...c.distribution.map((d) => d.count)])));
      expect(counts.filter((v) => v !== null && v > 0 && v < 3)).toEqual([]);
    }
    for (const body of bodies.filter((b) => b.caller === 'auditor' && b.route === 'GET /api/activities')) {
      const { activities } = JSON.parse(body.text) as { activities: { attendances: number | null; namedAttendances: number | null }[] };
      expect(activities.length).toBeGreaterThan(0);
      for (const a of activities) for (const v of [a.attendances, a.namedAttendances]) expect(v === null || v === 0 || v >= 3).toBe(true);
    }
    // Every export, whoever exports it, shows no names; every export of figures shows small counts as "<3".
    for (const body of bodies.filter((b) => b.route.startsWith('GET /api/exports/'))) {
      if (body.route !== 'GET /api/exports/communities/:code/lapsed') expect(body.text, `${body.path} as ${body.caller}`).toContain('<3');
      expect(namesInText(body.text)).toEqual([]);
    }
    // The fixture does hold small counts: the director sees them unsuppressed.
    const directorIndicators = bodies.find((b) => b.caller === 'director' && b.path === '/api/indicators')!;
    expect(
      (JSON.parse(directorIndicators.text) as { unit: string; value: number | null }[]).some(
        (r) => r.unit === 'persons' && r.value !== null && r.value > 0 && r.value < 3,
      ),
    ).toBe(true);
  }, 120_000);

  it('holds the rules domain.md states, whatever the matrix says', () => {
    for (const [route, access] of Object.entries(accessMatrix)) {
      const method = route.split(' ')[0];
      // The auditor is read-only, but for recording their verdict on a closed period (issue 15), a route for them alone.
      if (route === 'POST /api/periods/:id/sign-off') expect(access).toEqual({ kind: 'roles', roles: { auditor: 'suppressed' } });
      else if (access.kind === 'roles' && method !== 'GET') expect(scopeOf(access, 'auditor'), route).toBeNull();
      // Participant-level lists: never the auditor, never the admin as such.
      if (route.includes('/participants')) {
        expect(scopeOf(access, 'auditor')).toBeNull();
        expect(scopeOf(access, 'admin')).toBeNull();
        expect(scopeOf(access, 'organizer')).toBe('assigned');
      }
    }
    expect(accessMatrix['GET /api/audit']).toEqual({ kind: 'roles', roles: { director: 'full', auditor: 'full' } });
    // Organizers bring the data and may recompute it at once (issue 14); a run shows no rows to anyone.
    expect(accessMatrix['POST /api/pipeline/runs']).toEqual({ kind: 'roles', roles: { admin: 'full', organizer: 'full' } });
  });

  it('gives the row-by-row import reports (which name participant codes) only to the director, the admin and the uploader', async () => {
    const reportsSeen = async (name: AccountName) => (await installation.sessions[name].get('/api/imports')).body as { report: unknown; importedBy: string }[];
    for (const name of ['director', 'admin'] as const) expect((await reportsSeen(name)).every((b) => b.report !== null)).toBe(true);
    for (const name of ['auditor', 'organizerLaz'] as const) {
      const history = await reportsSeen(name);
      expect(history.length).toBeGreaterThan(0);
      for (const batch of history) expect(batch.report === null || batch.importedBy === accounts[name]).toBe(true);
      expect(JSON.stringify(history)).not.toMatch(/OST-\d/);
    }
  });

  it('refuses an organizer’s upload holding another community’s rows, naming the row and the community', async () => {
    const response = await installation.sessions.organizerLaz.fetch('/api/imports', { method: 'POST', body: upload('OST') });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { files: { status: string; errors: { row: number; code: string; message: string }[] }[] };
    expect(body.files[0].status).toBe('rejected');
    expect(body.files[0].errors).toEqual([expect.objectContaining({ row: 2, code: 'community_not_assigned', message: expect.stringContaining('OST') })]);
  });
});
