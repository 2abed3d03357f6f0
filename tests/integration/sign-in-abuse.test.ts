// Sign-in under attack (issue 11): floods of wrong passwords must neither lock a known account out
// for everyone nor fill the audit trail; correct sign-ins in parallel must pass; argon2 under a
// flood must not take the server down. Behind "a proxy" (OSL_TRUST_PROXY=1), so each test can
// come from its own addresses through X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService, DatabaseRepository, startServer, type RunningServer } from '@osl/backend';
import { passwordWork } from '../../backend/src/auth/passwords.ts';
import { createUser, testPassword } from '../support/api-session.ts';
import { temporaryEnvironment } from '../support/installation.ts';

const accounts = { director: 'dyrektor@test.osl', organizer: 'organizator@test.osl', auditor: 'audytor@test.osl', admin: 'admin@test.osl' } as const;

let server: RunningServer;
let base: string;

beforeAll(async () => {
  const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '', OSL_TRUST_PROXY: '1' });
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  base = server.url;
  await createUser(server.app, accounts.director, 'director');
  await createUser(server.app, accounts.organizer, 'organizer', ['OST']);
  await createUser(server.app, accounts.auditor, 'auditor');
  await createUser(server.app, accounts.admin, 'admin');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

function attempt(from: string, email: string, password: string): Promise<Response> {
  return fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  });
}

async function statusesOf(responses: Promise<Response>[]): Promise<number[]> {
  return Promise.all(
    responses.map(async (pending) => {
      const response = await pending;
      await response.arrayBuffer();
      return response.status;
    }),
  );
}

function auditRows(address: string) {
  const db = server.app.get(DatabaseRepository).client;
  return db.auditEvent.findMany({ where: { address, action: { startsWith: 'auth.sign-in' } }, orderBy: { id: 'asc' } });
}

describe('a flood of wrong passwords', () => {
  it('locks the flooding address out of the account, not the account out of other addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push(...(await statusesOf([attempt('203.0.113.1', accounts.director, `zgadywane-${i}`)])));
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // The director, at their own desk, signs in with the right password.
    expect((await attempt('198.51.100.7', accounts.director, testPassword)).status).toBe(200);
    // The flooding address stays locked out of it, even with the right password.
    const blocked = await attempt('203.0.113.1', accounts.director, testPassword);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).message).toMatch(/^Zbyt wiele nieudanych logowań; spróbuj ponownie za \d+ min\.$/);
  });

  it('still stops an address sweeping many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push(...(await statusesOf([attempt('203.0.113.2', `ktos${i}@test.osl`, 'zle-haslo-123')])));
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
  });

  it('checks no more than the limit of parallel guesses', async () => {
    const statuses = await statusesOf(Array.from({ length: 40 }, (_, i) => attempt('203.0.113.3', accounts.organizer, `rownolegle-${i}`)));
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(35);
  });

  it('writes one audit row per address and account when it starts, and one with the count when its window is over', async () => {
    for (let i = 0; i < 30; i++) await statusesOf([attempt('203.0.113.4', accounts.auditor, `zgadywane-${i}`)]);
    for (let i = 0; i < 15; i++) await statusesOf([attempt('203.0.113.5', `nieznany${i}@test.osl`, 'zle-haslo-123')]);
    const during = await auditRows('203.0.113.4');
    expect(during.map((r) => [r.action, r.entityId, r.after])).toEqual([
      ['auth.sign-in-failed', accounts.auditor, { reason: 'wrong password', count: 1 }],
      ['auth.sign-in-blocked', accounts.auditor, { count: 1 }],
    ]);
    expect((await auditRows('203.0.113.5')).map((r) => [r.action, r.actor, r.entityId, r.after])).toEqual([
      ['auth.sign-in-failed', 'anonymous', null, { reason: 'unknown account', count: 1 }],
    ]);

    // The counts of windows still open are written at shutdown; here, by hand.
    await server.app.get(AuthService).flushSignInAudit();
    const counted = (rows: Awaited<ReturnType<typeof auditRows>>, action: string) =>
      rows.filter((r) => r.action === action).reduce((sum, r) => sum + (r.after as { count: number }).count, 0);
    const after = await auditRows('203.0.113.4');
    expect(after.length).toBe(4);
    expect(counted(after, 'auth.sign-in-failed')).toBe(5);
    expect(counted(after, 'auth.sign-in-blocked')).toBe(25);
    expect(after[2].after).toMatchObject({ count: expect.any(Number), firstAt: expect.any(String), lastAt: expect.any(String) });
    const unknown = await auditRows('203.0.113.5');
    expect(unknown.length).toBe(2);
    expect(counted(unknown, 'auth.sign-in-failed')).toBe(15);
    // Nothing more to write when nothing more happened.
    await server.app.get(AuthService).flushSignInAudit();
    expect((await auditRows('203.0.113.4')).length).toBe(4);
  });
});

describe('correct sign-ins in parallel', () => {
  it('all succeed: ten of one account, and of several accounts from one address', async () => {
    const one = await statusesOf(Array.from({ length: 10 }, () => attempt('192.0.2.10', accounts.director, testPassword)));
    expect(one).toEqual(Array(10).fill(200));
    const emails = Object.values(accounts);
    const several = await statusesOf(Array.from({ length: 24 }, (_, i) => attempt('192.0.2.11', emails[i % emails.length], testPassword)));
    expect(several).toEqual(Array(24).fill(200));
    // Correct sign-ins do not count towards the address's failures either.
    expect((await attempt('192.0.2.11', accounts.admin, testPassword)).status).toBe(200);
  });
});

describe('password hashing under a flood', () => {
  it('runs at most two hashes at once and /api/health answers while 64 sign-ins wait', async () => {
    passwordWork.resetPeak();
    let flooding = true;
    const flood = statusesOf(Array.from({ length: 64 }, (_, i) => attempt(`10.64.0.${i + 1}`, `flood${i}@test.osl`, `zle-haslo-${i}`))).finally(() => {
      flooding = false;
    });
    const healthMs: number[] = [];
    let answeredDuringFlood = 0;
    while (flooding) {
      const started = performance.now();
      const health = await fetch(`${base}/api/health`);
      await health.arrayBuffer();
      expect(health.status).toBe(200);
      healthMs.push(performance.now() - started);
      if (flooding) answeredDuringFlood++;
    }
    const statuses = await flood;
    expect(answeredDuringFlood).toBeGreaterThan(0);
    // A generous bound: not a benchmark, a check that the server still answers.
    expect(Math.max(...healthMs)).toBeLessThan(2000);
    expect(passwordWork.peakInFlight).toBeGreaterThan(0);
    expect(passwordWork.peakInFlight).toBeLessThanOrEqual(2);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
  });

  it('answers 503 with Retry-After when the queue of sign-ins waiting for a hash is full', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Fill every slot and the whole queue with work that waits for this test.
    const occupied: Promise<unknown>[] = [];
    while (!passwordWork.isFull()) occupied.push(passwordWork.run(() => held));
    try {
      const response = await attempt('10.65.0.1', accounts.director, testPassword);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({
        kind: 'unavailable',
        code: 'busy',
        message: 'Serwer sprawdza teraz inne logowania; spróbuj ponownie za chwilę.',
      });
    } finally {
      release();
      await Promise.all(occupied);
    }
    // A refusal for being busy is not a failure: the right password then works.
    expect((await attempt('10.65.0.1', accounts.director, testPassword)).status).toBe(200);
  });
});
