// A real installation's first set-up and its accounts (issue 5, "Accounts"): the first
// administrator from the command line with a one-time password, which must be replaced before
// anything else; accounts managed through the API, every step in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@osl/backend';
import { signIn } from '../support/api-session.ts';
import { runOsl, runOslAsync } from '../support/cli.ts';
import { temporaryEnvironment } from '../support/installation.ts';

const environment = temporaryEnvironment('2026-11-27T12:00:00Z', { OSL_DASHBOARD_DIR: '' });
const env = { OSL_DATA_DIR: environment.dataDir, OSL_NOW: '2026-11-27T12:00:00Z' };
let server: RunningServer;
let oneTimePassword: string;

beforeAll(() => {
  const added = runOsl(['users', 'add', '--email', 'Admin@Centrum.pl', '--role', 'admin', '--name', 'Administrator', '--json'], env);
  expect(added.status).toBe(0);
  const result = JSON.parse(added.stdout);
  expect(result.user).toMatchObject({ email: 'admin@centrum.pl', role: 'admin', mustChangePassword: true });
  oneTimePassword = result.oneTimePassword;
  expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
}, 120_000);

beforeAll(async () => {
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
});

afterAll(async () => {
  await server?.close();
});

const json = { 'content-type': 'application/json' };

describe('first set-up', () => {
  it('signs the first administrator in with the one-time password, which must be changed first', async () => {
    const admin = await signIn(server.url, 'admin@centrum.pl', oneTimePassword);
    const refused = await admin.fetch('/api/users');
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('password_change_required');
    const weak = await admin.fetch('/api/auth/password', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'krotkie' }),
    });
    expect(weak.status).toBe(403);
    expect(await weak.json()).toMatchObject({ code: 'password_rejected', key: 'password.too_short', message: 'Hasło musi mieć co najmniej 10 znaków.' });
    const changed = await admin.fetch('/api/auth/password', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'nowe-dobre-haslo-1' }),
    });
    expect(changed.status).toBe(204);
    expect((await admin.get('/api/users')).status).toBe(200);
    // The one-time password no longer works.
    await expect(signIn(server.url, 'admin@centrum.pl', oneTimePassword)).rejects.toThrow(/401/);
  });

  it('lets the administrator create a director, who manages accounts below admin; every step is audited', async () => {
    const admin = await signIn(server.url, 'admin@centrum.pl', 'nowe-dobre-haslo-1');
    // Whatever else the body says (here that the password need not be changed): the API takes the account's fields only.
    const created = await admin.fetch('/api/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'dyrektor@centrum.pl', role: 'director', password: 'haslo-dyrektora-1', temporaryPassword: false }),
    });
    expect(created.status).toBe(201);
    const director = await signIn(server.url, 'dyrektor@centrum.pl', 'haslo-dyrektora-1');
    // A password chosen by whoever created the account is still theirs: it is changed first.
    expect((await director.get('/api/users')).body.code).toBe('password_change_required');
    const own = await director.fetch('/api/auth/password', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ currentPassword: 'haslo-dyrektora-1', newPassword: 'wlasne-haslo-dyr-2' }),
    });
    expect(own.status).toBe(204);
    // A director manages organizers and auditors, not other directors, nor their own account.
    const peer = await director.fetch('/api/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'drugi.dyrektor@centrum.pl', role: 'director' }),
    });
    expect(peer.status).toBe(403);
    const self = (await director.get('/api/users')).body.find((u: { email: string }) => u.email === 'dyrektor@centrum.pl');
    expect((await director.fetch(`/api/users/${self.id}/reset-password`, { method: 'POST' })).status).toBe(403);
    expect((await director.fetch(`/api/users/${self.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ role: 'admin' }) })).status).toBe(403);
    const organizer = await director.fetch('/api/users', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'org@centrum.pl', role: 'organizer', communities: ['OST'] }),
    });
    expect(organizer.status).toBe(201);
    const { user, oneTimePassword: organizerPassword } = await organizer.json();
    expect(organizerPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    const badCommunity = await director.fetch(`/api/users/${user.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ communities: ['XYZ'] }) });
    expect(badCommunity.status).toBe(400);
    expect((await badCommunity.json()).message).toBe('Nieznana społeczność XYZ; dostępne: WZG, OST, LAZ.');
    // The same refusal asked in English is worded in English.
    const inEnglish = await director.fetch(`/api/users/${user.id}`, {
      method: 'PATCH',
      headers: { ...json, 'accept-language': 'en' },
      body: JSON.stringify({ communities: ['XYZ'] }),
    });
    expect((await inEnglish.json()).message).toMatch(/unknown community XYZ; known: WZG, OST, LAZ/);
    const orgSession = await signIn(server.url, 'org@centrum.pl', organizerPassword);
    const moved = await director.fetch(`/api/users/${user.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ role: 'auditor' }) });
    expect(moved.status).toBe(200);
    // A role change ends the account's sessions.
    expect((await orgSession.get('/api/auth/session')).body.user).toBeNull();
    const trail = (await director.get('/api/audit?entity=user&limit=100')).body.events as {
      action: string;
      actor: string;
      entityId: string;
      before: unknown;
      after: unknown;
      address: string | null;
    }[];
    expect(trail.find((e) => e.action === 'user.role-changed')).toMatchObject({
      actor: 'dyrektor@centrum.pl',
      entityId: 'org@centrum.pl',
      before: { role: 'organizer', communities: ['OST'] },
      after: { role: 'auditor', communities: [] },
    });
    expect(trail.find((e) => e.action === 'user.created' && e.entityId === 'admin@centrum.pl')?.actor).toMatch(/^cli:/);
    for (const action of ['user.password-changed', 'auth.signed-in'])
      expect(
        trail.some((e) => e.action === action),
        action,
      ).toBe(true);
    expect(trail.every((e) => e.actor.startsWith('cli:') || e.address !== null)).toBe(true);
  });

  it('manages accounts from the command line: list, disable, reset with a password from stdin', async () => {
    const list = await runOslAsync(['users', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((u: { email: string }) => u.email)).toEqual(['admin@centrum.pl', 'dyrektor@centrum.pl', 'org@centrum.pl']);
    expect(list.stdout).not.toMatch(/passwordHash|argon2/);
    const director = await signIn(server.url, 'dyrektor@centrum.pl', 'wlasne-haslo-dyr-2');
    expect((await runOslAsync(['users', 'disable', '--email', 'dyrektor@centrum.pl'], env)).status).toBe(0);
    expect((await director.get('/api/indicators')).status).toBe(401);
    const reset = await runOslAsync(['users', 'reset-password', '--email', 'dyrektor@centrum.pl', '--password-stdin', '--json'], env, 'haslo-z-potoku-9\n');
    expect(reset.status).toBe(0);
    expect(JSON.parse(reset.stdout).oneTimePassword).toBeNull();
    expect((await runOslAsync(['users', 'enable', '--email', 'dyrektor@centrum.pl'], env)).status).toBe(0);
    const again = await signIn(server.url, 'dyrektor@centrum.pl', 'haslo-z-potoku-9');
    expect((await again.get('/api/indicators')).body.code).toBe('password_change_required');
    const missing = await runOslAsync(['users', 'disable', '--email', 'nikt@centrum.pl'], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('osl: Nie ma konta nikt@centrum.pl.');
    // A wrong argument is misuse (exit 2); --lang en words it in English.
    const boss = await runOslAsync(['users', 'add', '--email', 'x@centrum.pl', '--role', 'boss', '--lang', 'en', '--json'], env);
    expect(boss.status).toBe(2);
    expect(JSON.parse(boss.stdout)).toEqual({
      error: { kind: 'invalid', code: 'users.role_invalid', key: 'users.role_invalid', message: 'role must be one of director, organizer, auditor, admin' },
    });
  });
});
