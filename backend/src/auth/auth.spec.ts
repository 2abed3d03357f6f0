import { describe, expect, it } from 'vitest';
import { accessMatrix } from '../app.module.ts';
import { scopeOf } from './access-matrix.ts';
import { readCookie, sessionCookie } from './cookies.ts';
import { generatePassword, hashPassword, passwordProblem, passwordWork, verifyPassword } from './passwords.ts';
import { mayManageRole, maySeeNames } from './roles.ts';
import { isSmallCount } from './suppression.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('korek-do-wina-42');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'korek-do-wina-42')).toBe(true);
    expect(await verifyPassword(hash, 'korek-do-wina-43')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('runs at most two hashes or checks at once, whoever asks', async () => {
    const hash = await hashPassword('korek-do-wina-42');
    passwordWork.resetPeak();
    const checks = await Promise.all(Array.from({ length: 8 }, (_, i) => verifyPassword(hash, i === 0 ? 'korek-do-wina-42' : `zle-${i}`)));
    expect(checks.filter(Boolean).length).toBe(1);
    expect(passwordWork.peakInFlight).toBe(2);
  });

  it('generates unambiguous random passwords of the asked length', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword(16);
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('says what is wrong with a weak password', () => {
    expect(passwordProblem('short', 10)).toEqual({ key: 'password.too_short', params: { min: 10 } });
    expect(passwordProblem('aaaaaaaaaaaa', 10)).toEqual({ key: 'password.repeated', params: {} });
    expect(passwordProblem(12, 10)).toEqual({ key: 'password.not_string', params: {} });
    expect(passwordProblem('x'.repeat(257), 10)).toEqual({ key: 'password.too_long', params: { max: 256 } });
    expect(passwordProblem('dobre-haslo-2023', 10)).toBeNull();
  });
});

describe('cookies', () => {
  it('reads one cookie among others and ignores malformed ones', () => {
    expect(readCookie('a=1; osl_session=abc%3D; b', 'osl_session')).toBe('abc=');
    expect(readCookie('osl_session=%E0%A4%A', 'osl_session')).toBeNull();
    expect(readCookie(undefined, 'osl_session')).toBeNull();
  });

  it('writes an HTTP-only SameSite=Strict cookie, Secure over HTTPS', () => {
    expect(sessionCookie('t', { secure: false, maxAgeSeconds: 60 })).toBe('osl_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60');
    expect(sessionCookie('t', { secure: true, maxAgeSeconds: 0 })).toMatch(/Max-Age=0; Secure$/);
  });
});

describe('roles', () => {
  it('lets a director manage organizers and auditors, an admin all, others none', () => {
    expect(mayManageRole('director', 'organizer')).toBe(true);
    expect(mayManageRole('director', 'auditor')).toBe(true);
    expect(mayManageRole('director', 'director')).toBe(false);
    expect(mayManageRole('director', 'admin')).toBe(false);
    expect(mayManageRole('admin', 'admin')).toBe(true);
    expect(mayManageRole('organizer', 'organizer')).toBe(false);
    expect(mayManageRole('auditor', 'auditor')).toBe(false);
  });

  it('shows names to the director and the community’s own organizer only', () => {
    expect(maySeeNames('director', [], 'OST')).toBe(true);
    expect(maySeeNames('organizer', ['LAZ'], 'LAZ')).toBe(true);
    expect(maySeeNames('organizer', ['LAZ'], 'OST')).toBe(false);
    expect(maySeeNames('auditor', ['OST'], 'OST')).toBe(false);
    expect(maySeeNames('admin', ['OST'], 'OST')).toBe(false);
  });

  it('never gives the auditor a writing route (but the verdict on a closed period) or unsuppressed figures', () => {
    // Signing a closed period records the auditor's verdict (issue 15); it changes no data or figure.
    const auditorsOwn = ['POST /api/periods/:id/sign-off'];
    for (const [route, access] of Object.entries(accessMatrix)) {
      const scope = scopeOf(access, 'auditor');
      if (access.kind === 'roles' && !route.startsWith('GET ') && !auditorsOwn.includes(route)) expect(scope, route).toBeNull();
      if (auditorsOwn.includes(route)) expect(access.kind === 'roles' && Object.keys(access.roles)).toEqual(['auditor']);
      if (['GET /api/indicators', 'GET /api/communities/:code/participation', 'GET /api/alerts'].includes(route)) expect(scope).toBe('suppressed');
    }
  });
});

describe('small-count suppression', () => {
  it('takes counts of one or two persons as small, not zero or three', () => {
    expect([0, 1, 2, 3, null, undefined].map((v) => isSmallCount(v, 3))).toEqual([false, true, true, false, false, false]);
  });

  it('follows the configured limit', () => {
    expect([1, 2, 3, 4, 5].map((v) => isSmallCount(v, 5))).toEqual([true, true, true, true, false]);
    expect([1, 2].map((v) => isSmallCount(v, 2))).toEqual([true, false]);
  });
});
