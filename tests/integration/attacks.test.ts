// Bad input and attacks (issue 5): injection and traversal strings in every parameter, oversized
// and mistyped bodies, forged, expired and replayed sessions, cross-community requests, writes by
// the auditor, password guessing, a disabled user's open session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService, DatabaseRepository, UsersService } from '@osl/backend';
import { sessionFrom, signIn, testPassword } from '../support/api-session.ts';
import { accounts, seededNames, startSecuredInstallation, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;
let base: string;

beforeAll(async () => {
  installation = await startSecuredInstallation();
  base = installation.server.url;
}, 120_000);

afterAll(async () => {
  await installation?.close();
});

const payloads = [
  "' OR '1'='1",
  '1; DROP TABLE "User"; --',
  "OST' UNION SELECT email, passwordHash FROM User --",
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '\u0000',
  'A'.repeat(3000),
];

async function counts() {
  const db = installation.server.app.get(DatabaseRepository).client;
  return {
    users: await db.user.count(),
    participants: await db.participant.count(),
    activities: await db.activity.count(),
    attendances: await db.attendance.count(),
  };
}

describe('injection and traversal strings', () => {
  it('get 400 or 404 with a message in every path, query and filter parameter — never 500, never a change', async () => {
    const before = await counts();
    const director = installation.sessions.director;
    const admin = installation.sessions.admin;
    const failures: string[] = [];
    for (const raw of payloads) {
      const p = encodeURIComponent(raw);
      const requests: [typeof director, string, RequestInit?][] = [
        [director, `/api/communities/${p}/participation`],
        [director, `/api/communities/${p}/participants`],
        [director, `/api/indicators?year=${p}`],
        [director, `/api/indicators?community=${p}`],
        [director, `/api/alerts?status=${p}`],
        [director, `/api/alerts?community=${p}`],
        [director, `/api/audit?from=${p}`],
        [director, `/api/audit?to=${p}`],
        [director, `/api/audit?actor=${p}&action=${p}&entity=${p}&entityId=${p}`],
        [director, `/api/audit?limit=${p}`],
        [director, `/api/audit?offset=${p}`],
        [director, `/api/audit?format=${p}`],
        [admin, `/api/imports/templates/${p}`],
        [admin, `/api/imports/templates/survey?survey=${p}`],
        [admin, `/api/imports/jobs/${p}`],
        [admin, `/api/users/${p}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'x' }) }],
        [admin, `/api/users/${p}/reset-password`, { method: 'POST' }],
        [director, `/api/metrics?measures=${p}&grain=${p}&dimensions=${p}&communities=${p}&groups=${p}&from=${p}&to=${p}`],
        [director, `/api/metrics?measures=attendances&communities=${p}`],
        [director, `/api/metrics?measures=attendances&dimensions=group&groups=${p}`],
        [director, `/api/metrics?measures=attendances&from=${p}`],
        [director, `/api/activities?community=${p}&from=${p}&to=${p}`],
        [director, `/api/activities?from=2022-01-01&to=${p}`],
        [director, `/api/indicators/${p}/sources?year=${p}&community=${p}`],
        [director, `/api/exports/indicators?format=${p}`],
        [director, `/api/exports/indicators/${p}/sources?format=csv`],
        [
          admin,
          `/api/users/1`,
          {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ role: raw, communities: [raw], displayName: raw.slice(0, 200) }),
          },
        ],
        // Signed out: signing in through a session would replace it.
        [
          sessionFrom(base, '', ''),
          '/api/auth/sign-in',
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: raw, password: raw }) },
        ],
        [
          admin,
          '/api/users',
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: raw, role: raw, communities: [raw] }) },
        ],
        [admin, '/api/pipeline/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: raw }) }],
        [
          director,
          '/api/auth/password',
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: raw, newPassword: raw }) },
        ],
      ];
      for (const [session, pathname, init] of requests) {
        const response = await session.fetch(pathname, init);
        const text = await response.text();
        // 200 only where a filter simply matches nothing (free-text audit filters), 401 for a refused
        // sign-in; never a server error. Node itself refuses a request line over 16 KB (431, no body).
        if (response.status === 431) continue;
        const acceptable = [200, 400, 401, 403, 404, 422].includes(response.status);
        let message: unknown;
        try {
          message = (JSON.parse(text) as { message?: unknown }).message;
        } catch {
          message = null;
        }
        if (!acceptable || (response.status >= 400 && typeof message !== 'string') || /at .+\.ts:\d+/.test(text)) {
          failures.push(`${init?.method ?? 'GET'} ${pathname.slice(0, 80)} → ${response.status} ${text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  }, 120_000);
});

describe('names of Object.prototype', () => {
  // A name looked up in a plain object ("constructor" in {...} is true) once reached SQL as a function's source: a 500.
  const names = [
    'constructor',
    'toString',
    '__proto__',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    'propertyIsEnumerable',
    'toLocaleString',
    '__defineGetter__',
  ];

  it('get 400 or 404 with a message wherever a name, code or kind is looked up — never 500, never 200', async () => {
    const director = installation.sessions.director;
    const admin = installation.sessions.admin;
    const auditor = installation.sessions.auditor;
    const json = { 'content-type': 'application/json' };
    const users = (await admin.get('/api/users')).body as { id: number; email: string }[];
    const organizerId = users.find((u) => u.email === accounts.organizerLaz)!.id;
    const failures: string[] = [];
    for (const name of names) {
      const upload = new FormData();
      upload.append('kind', name);
      upload.append('files', new Blob(['id;data;spolecznosc;typ;tytul\r\nZ1;01.03.2022;OST;WARSZTAT;x\r\n']), 'a.csv');
      const n = encodeURIComponent(name);
      const requests: [typeof director, string, RequestInit?][] = [
        [director, `/api/metrics?measures=${n}`],
        [director, `/api/metrics?measures=attendances,${n}`],
        [auditor, `/api/metrics?measures=${n}`],
        [director, `/api/metrics?measures=attendances&grain=${n}`],
        [director, `/api/metrics?measures=attendances&dimensions=${n}`],
        [director, `/api/metrics?measures=attendances&communities=${n}`],
        [director, `/api/metrics?measures=attendances&dimensions=group&groups=${n}`],
        [director, `/api/communities/${n}/participation`],
        [director, `/api/communities/${n}/participants`],
        [director, `/api/indicators?year=${n}`],
        [director, `/api/indicators?community=${n}`],
        [director, `/api/indicators/${n}/sources`],
        [director, `/api/indicators/${n}/sources?year=2022&community=${n}`],
        [director, `/api/alerts?status=${n}`],
        [director, `/api/alerts?community=${n}`],
        [director, `/api/activities?community=${n}`],
        [director, `/api/audit?format=${n}`],
        [director, `/api/audit?limit=${n}`],
        [director, `/api/exports/indicators?format=${n}`],
        [director, `/api/exports/indicators/${n}/sources`],
        [director, `/api/exports/indicators/R1/sources?format=csv&community=${n}`],
        [director, `/api/reports/summary.pdf?lang=${n}`],
        [director, `/api/reports/summary.pdf?year=${n}`],
        [admin, `/api/imports/templates/${n}`],
        [admin, `/api/imports/templates/survey?survey=${n}`],
        [admin, `/api/imports/jobs/${n}`],
        [admin, `/api/users/${n}`, { method: 'PATCH', headers: json, body: JSON.stringify({ displayName: 'x' }) }],
        [admin, '/api/users/1', { method: 'PATCH', headers: json, body: JSON.stringify({ role: name }) }],
        [admin, `/api/users/${organizerId}`, { method: 'PATCH', headers: json, body: JSON.stringify({ communities: [name] }) }],
        [admin, '/api/imports', { method: 'POST', body: upload }],
        [admin, '/api/users', { method: 'POST', headers: json, body: JSON.stringify({ email: 'proto@test.osl', role: name }) }],
        [admin, '/api/users', { method: 'POST', headers: json, body: JSON.stringify({ email: 'proto@test.osl', role: 'organizer', communities: [name] }) }],
        [admin, '/api/pipeline/runs', { method: 'POST', headers: json, body: JSON.stringify({ mode: name }) }],
        [director, `/api/indicators/${n}/targets`, { method: 'PUT', headers: json, body: JSON.stringify({ baseline: { ALL: 1 } }) }],
        [director, '/api/indicators/R1/targets', { method: 'PUT', headers: json, body: `{"baseline": {"${name}": 1}}` }],
        [director, '/api/indicators/R1/targets', { method: 'PUT', headers: json, body: `{"targets": {"ALL": {"${name}": 1}}}` }],
      ];
      for (const [session, pathname, init] of requests) {
        const response = await session.fetch(pathname, init);
        const text = await response.text();
        let message: unknown;
        try {
          message = (JSON.parse(text) as { message?: unknown }).message;
        } catch {
          message = null;
        }
        if (![400, 404].includes(response.status) || typeof message !== 'string' || /at .+\.ts:\d+/.test(text)) {
          failures.push(`${init?.method ?? 'GET'} ${pathname} ${typeof init?.body === 'string' ? init.body : ''} → ${response.status} ${text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('names the measures a query may use when one is unknown', async () => {
    const { status, body } = await installation.sessions.director.get('/api/metrics?measures=constructor');
    expect(status).toBe(400);
    expect(body.message).toMatch(/^Nieznana miara „constructor”; dostępne: activities, attendances/);
  });
});

describe('caching of personal data and session secrets', () => {
  it('answers every route that holds names, accounts, the audit trail or a CSRF token with Cache-Control: no-store', async () => {
    const director = installation.sessions.director;
    const admin = installation.sessions.admin;
    const paths: [typeof director, string][] = [
      [director, '/api/auth/session'],
      [director, '/api/communities/OST/participants'],
      [director, '/api/activities?community=OST'],
      [director, '/api/users'],
      [director, '/api/audit'],
      [director, '/api/audit?format=csv'],
      [director, '/api/audit/actors'],
      [director, '/api/exports/indicators?format=csv'],
      [director, '/api/exports/indicators/R1/sources?format=csv'],
      [director, '/api/imports'],
      [admin, '/api/imports/jobs/999999'],
      [director, '/api/pipeline/runs'],
      [director, '/api/config'],
      [director, '/api/no-such-route'],
    ];
    const missing: string[] = [];
    for (const [session, pathname] of paths) {
      const response = await session.fetch(pathname);
      await response.arrayBuffer();
      if (response.headers.get('cache-control') !== 'no-store') missing.push(`${pathname} → ${response.status} ${response.headers.get('cache-control')}`);
    }
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: accounts.auditor, password: testPassword }),
    });
    await signIn.arrayBuffer();
    if (signIn.headers.get('cache-control') !== 'no-store') missing.push(`POST /api/auth/sign-in → ${signIn.headers.get('cache-control')}`);
    expect(missing).toEqual([]);
  });

  it('keeps the revalidated analytics answers cacheable by the browser only, with their 304s', async () => {
    const director = installation.sessions.director;
    for (const pathname of ['/api/metrics?measures=attendances', '/api/indicators', '/api/communities/OST/participation']) {
      const first = await director.fetch(pathname);
      await first.arrayBuffer();
      expect(first.headers.get('cache-control'), pathname).toBe('private, no-cache');
      const tag = first.headers.get('etag');
      expect(tag, pathname).toBeTruthy();
      const again = await director.fetch(pathname, { headers: { 'if-none-match': tag! } });
      expect(again.status, pathname).toBe(304);
      expect(again.headers.get('cache-control'), pathname).toBe('private, no-cache');
    }
  });
});

describe('request bodies', () => {
  it('refuses oversized bodies (413), wrong content types (415) and malformed JSON (400), each with a message', async () => {
    const huge = JSON.stringify({ email: 'a@b.pl', password: 'x'.repeat(100_000) });
    const tooLarge = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).message).toBe('Treść żądania przekracza 32kb.');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': type }, body: 'email=a&password=b' });
      expect(response.status, type).toBe(415);
      expect((await response.json()).message).toMatch(/application\/json/);
    }
    const broken = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": ' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ kind: 'invalid', message: 'Treść żądania nie jest poprawnym JSON-em.' });
    const wrongShape = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(wrongShape.status).toBe(400);
  });
});

describe('sessions', () => {
  it('refuses forged, expired, idle and replayed session cookies, and a write without the CSRF token', async () => {
    const forged = sessionFrom(base, `osl_session=${'A'.repeat(43)}`, 'x');
    expect((await forged.get('/api/indicators')).status).toBe(401);
    expect((await sessionFrom(base, 'osl_session=%E0%A4%A', 'x').get('/api/indicators')).status).toBe(401);

    const db = installation.server.app.get(DatabaseRepository).client;
    const expired = await signIn(base, accounts.director);
    const expiredId = (await db.session.findFirst({ where: { user: { email: accounts.director } }, orderBy: { createdAt: 'desc' } }))!.id;
    await db.session.update({ where: { id: expiredId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await expired.get('/api/indicators')).status).toBe(401);
    expect((await db.session.findUnique({ where: { id: expiredId } }))!.endReason).toBe('expired');

    const idle = await signIn(base, accounts.director);
    const idleId = (await db.session.findFirst({ where: { user: { email: accounts.director }, endedAt: null }, orderBy: { createdAt: 'desc' } }))!.id;
    await db.session.update({ where: { id: idleId }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await idle.get('/api/indicators')).status).toBe(401);
    expect((await db.session.findUnique({ where: { id: idleId } }))!.endReason).toBe('idle');

    const replayed = await signIn(base, accounts.director);
    expect((await replayed.get('/api/indicators')).status).toBe(200);
    expect((await replayed.fetch('/api/auth/sign-out', { method: 'POST' })).status).toBe(204);
    expect((await replayed.get('/api/indicators')).status).toBe(401);

    const admin = await signIn(base, accounts.admin);
    const noToken = await admin.fetch('/api/pipeline/runs', { method: 'POST', csrf: false, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).code).toBe('csrf');
    const wrongToken = await sessionFrom(base, admin.cookie, 'not-the-token').fetch('/api/pipeline/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(wrongToken.status).toBe(403);
  });

  it('sets the session cookie HTTP-only and SameSite=Strict, and keeps only its hash', async () => {
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: accounts.auditor, password: testPassword, temporaryPassword: false }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^osl_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const token = cookie.split(';')[0].split('=')[1];
    const db = installation.server.app.get(DatabaseRepository).client;
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
  });

  it('ends a disabled user’s open session at its next request', async () => {
    const { user } = await installation.server.app
      .get(UsersService)
      .add(
        { actor: 'test', role: 'admin', address: null, userId: null },
        { email: 'zablokowany@test.osl', role: 'auditor', password: testPassword, temporaryPassword: false },
      );
    const session = await signIn(base, 'zablokowany@test.osl');
    expect((await session.get('/api/indicators')).status).toBe(200);
    const disabled = await installation.sessions.director.fetch(`/api/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    expect((await session.get('/api/indicators')).status).toBe(401);
    const again = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'zablokowany@test.osl', password: testPassword, temporaryPassword: false }),
    });
    expect(again.status).toBe(401);
  });
});

describe('roles and communities', () => {
  it('refuses an organizer another community’s participant list, however the code is spelled', async () => {
    for (const code of ['OST', 'ost', 'Ost', 'WZG']) {
      const response = await installation.sessions.organizerLaz.fetch(`/api/communities/${code}/participants`);
      expect(response.status, code).toBe(403);
      expect((await response.json()).code).toBe('community_forbidden');
    }
    expect((await installation.sessions.organizerLaz.get('/api/communities/laz/participants')).status).toBe(200);
  });

  it('refuses every write the auditor tries', async () => {
    const auditor = installation.sessions.auditor;
    const json = { 'content-type': 'application/json' };
    const writes: [string, string, string?][] = [
      ['POST', '/api/pipeline/runs', '{}'],
      ['POST', '/api/users', JSON.stringify({ email: 'x@y.pl', role: 'admin' })],
      ['PATCH', '/api/users/1', JSON.stringify({ role: 'admin' })],
      ['POST', '/api/users/1/reset-password'],
    ];
    for (const [method, pathname, body] of writes) {
      const response = await auditor.fetch(pathname, { method, headers: body ? json : undefined, body });
      expect(response.status, `${method} ${pathname}`).toBe(403);
    }
    const form = new FormData();
    form.append('files', new Blob(['id;data;spolecznosc;typ;tytul\r\nZ1;01.03.2022;OST;WARSZTAT;x\r\n']), 'a.csv');
    expect((await auditor.fetch('/api/imports', { method: 'POST', body: form })).status).toBe(403);
    // A director cannot make or change an administrator.
    const promote = await installation.sessions.director.fetch('/api/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'nowy.admin@test.osl', role: 'admin' }),
    });
    expect(promote.status).toBe(403);
  });
});

describe('an organizer’s import', () => {
  it('cannot move another community’s participant or activity into their own, nor find its register by name', async () => {
    const laz = installation.sessions.organizerLaz;
    const form = (name: string, content: string) => {
      const data = new FormData();
      data.append('files', new Blob([content]), name);
      return data;
    };
    const db = installation.server.app.get(DatabaseRepository).client;
    const before = await db.participant.findUnique({ where: { code: 'OST-1' }, include: { homeCommunity: true } });
    const moveParticipant = await laz.fetch('/api/imports', {
      method: 'POST',
      body: form('rejestr.csv', 'kod;spolecznosc;imie;nazwisko\r\nOST-1;LAZ;Ktos;Inny\r\n'),
    });
    expect(moveParticipant.status).toBe(422);
    // Refused without naming the community OST-1 is stored in (issue 11).
    expect(JSON.stringify(await moveParticipant.json())).toContain('participant_not_in_your_register');
    const moveActivity = await laz.fetch('/api/imports', {
      method: 'POST',
      body: form('dziennik.csv', 'id;data;spolecznosc;typ;tytul\r\nK1;14.01.2022;LAZ;WARSZTAT;Przejete\r\n'),
    });
    expect(moveActivity.status).toBe(422);
    const after = await db.participant.findUnique({ where: { code: 'OST-1' }, include: { homeCommunity: true } });
    expect(after).toEqual(before);
    expect((await db.activity.findUnique({ where: { externalId: 'K1' }, include: { community: true } }))!.community.code).toBe('OST');
    // A list by name for the LAZ activity, naming an OST participant: not found, and no OST code in the answer.
    const byName = await laz.fetch('/api/imports', {
      method: 'POST',
      body: form('lista.csv', `id_dzialania;imie;nazwisko\r\nL1;${seededNames[0]};${seededNames[1]}\r\n`),
    });
    expect(byName.status).toBe(422);
    expect(await byName.text()).not.toMatch(/OST-\d/);
  });
});

describe('password guessing', () => {
  // Last in this file: it leaves this address rate-limited for the window.
  // More of this (other addresses, parallel correct sign-ins, the hashing queue) in sign-in-abuse.test.ts.
  it('blocks an address guessing an account after 5 wrong passwords and an address after 20, with a clear message, and counts every attempt in the audit trail', async () => {
    const attempt = (email: string, password: string) =>
      fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    // 40 guesses at once: no more than the limit are checked (each is counted before its slow check).
    const parallel = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(accounts.organizerLaz, `rownolegle-${i}`)));
    expect(parallel.filter((r) => r.status === 401).length).toBe(5);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await attempt(accounts.organizer, `zgadywane-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const blocked = await attempt(accounts.organizer, testPassword);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).message).toMatch(/^Zbyt wiele nieudanych logowań; spróbuj ponownie za \d+ min\.$/);
    // Other accounts from the same address: the address limit (20 failures) stops the sweep.
    const sweep: number[] = [];
    for (let i = 0; i < 20; i++) sweep.push((await attempt(`ktos${i}@test.osl`, 'zle-haslo-123')).status);
    expect(sweep.filter((s) => s === 429).length).toBeGreaterThan(0);
    const db = installation.server.app.get(DatabaseRepository).client;
    const counted = async (action: string) => {
      const rows = await db.auditEvent.findMany({ where: { action, entityId: accounts.organizer } });
      return { rows: rows.length, attempts: rows.reduce((sum, r) => sum + (r.after as { count: number }).count, 0) };
    };
    // One entry when the flood starts; the rest counted, written as one entry when its window is over.
    expect(await counted('auth.sign-in-failed')).toEqual({ rows: 1, attempts: 1 });
    expect(await counted('auth.sign-in-blocked')).toEqual({ rows: 1, attempts: 1 });
    await installation.server.app.get(AuthService).flushSignInAudit();
    expect(await counted('auth.sign-in-failed')).toEqual({ rows: 2, attempts: 5 });
    expect(await counted('auth.sign-in-blocked')).toEqual({ rows: 2, attempts: 96 });
  }, 60_000);
});
