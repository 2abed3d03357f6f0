// Tamper evidence (issue 15): every audit entry is linked into a hash chain as the real services
// write it (a sign-in, imports — two at once among them — a target change); the chain verifies
// intact through the service the API route answers with and through `osl audit verify` (its
// command, in this process); a row edited directly in SQLite is then named by both.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, PipelineService } from '@osl/backend';
import { commands } from '../../backend/src/cli/commands.ts';
import { auditContracts } from '../../backend/src/controllers/audit.contract.ts';
import { AuditService } from '../../backend/src/services/audit.service.ts';
import { AuthService } from '../../backend/src/services/auth.service.ts';
import { IndicatorTargetsService } from '../../backend/src/services/indicator-targets.service.ts';
import { UsersService } from '../../backend/src/services/users.service.ts';
import type { Viewer } from '../../backend/src/auth/viewer.ts';
import { importAndPublish, openInstallation, temporaryEnvironment, writeCsv, writeTwoActivityFixture } from '../support/installation.ts';

const environment = temporaryEnvironment('2023-06-15T10:00:00Z');
const fixtures = path.join(environment.dataDir, 'fixtures');
let context: INestApplicationContext;
const password = 'Spójny-Dziennik-2026!';

beforeAll(async () => {
  context = await openInstallation(environment);
  await importAndPublish(context, writeTwoActivityFixture(fixtures));
});

afterAll(async () => {
  await context?.get(PipelineService).importRunsSettled();
  await context?.close();
});

const db = () => context.get(DatabaseRepository).client;
const verdict = async () => auditContracts.verify.response.parse(await context.get(AuditService).verify());
const cli = (lang: 'pl' | 'en', json = false) => commands.audit!.run({ lang, ...(json ? { json: true } : {}) }, ['verify'], environment);

describe('the audit hash chain over the real services', () => {
  it('links the entries of a sign-in, two imports at once and a target change; the chain verifies intact', async () => {
    const admin = { actor: 'cli:test', role: 'admin' as const, address: null, userId: null };
    await context.get(UsersService).add(admin, { email: 'dyrektor@chain.osl', role: 'director', displayName: 'Dyrektor', password, temporaryPassword: false });
    const signedIn = await context.get(AuthService).signIn('dyrektor@chain.osl', password, '192.0.2.7');
    // Two imports at once (a register and a diary, each its own transaction with its audit entry).
    const [register, diary] = await Promise.all([
      context.get(ImportService).importPaths(
        [
          writeCsv(fixtures, 'rejestr-2.csv', [
            ['kod', 'spolecznosc'],
            ['OST-9', 'OST'],
            ['WZG-9', 'WZG'],
          ]),
        ],
        { source: 'cli', importedBy: 'one' },
      ),
      context.get(ImportService).importPaths(
        [
          writeCsv(fixtures, 'dziennik-2.csv', [
            ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
            ['X9', '10.03.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
          ]),
        ],
        {
          source: 'cli',
          importedBy: 'two',
        },
      ),
    ]);
    expect([register[0]!.status, diary[0]!.status]).toEqual(['imported', 'imported']);
    const director: Viewer = {
      userId: signedIn.user.id,
      email: 'dyrektor@chain.osl',
      role: 'director',
      communities: [],
      scope: 'full',
      sessionId: 's',
      address: '192.0.2.7',
    };
    await context.get(IndicatorTargetsService).update(director, 'P2', { targets: { OST: { '2022': 3 } } });
    await context.get(PipelineService).importRunsSettled();

    const rows = await db().auditEvent.findMany({ orderBy: { id: 'asc' } });
    const actions = rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.signed-in', 'import.imported', 'config.updated']));
    expect(rows.filter((row) => row.action === 'import.imported' && ['one', 'two'].includes(row.actor))).toHaveLength(2);
    expect(rows.every((row, i) => row.hash !== null && row.prevHash === (i === 0 ? null : rows[i - 1]!.hash))).toBe(true);

    const intact = await verdict();
    expect(intact).toMatchObject({ intact: true, entries: rows.length, firstBroken: null, last: { id: rows.at(-1)!.id, hash: rows.at(-1)!.hash } });
    expect(Date.parse(intact.checkedAt)).not.toBeNaN();
    const pl = await cli('pl');
    expect(pl.exitCode).toBe(0);
    expect(pl.text).toContain(`Dziennik zmian jest spójny: ${rows.length} wpisów`);
    const en = await cli('en', true);
    expect(en).toMatchObject({ exitCode: 0, json: { intact: true, entries: rows.length } });
    expect(en.text).toContain(`The audit trail is intact: ${rows.length} entries`);
  });

  it('names an entry edited directly in SQLite, in the API’s answer and in the command line', async () => {
    const target = await db().auditEvent.findFirstOrThrow({ where: { action: 'config.updated' } });
    const file = new Database(path.join(environment.dataDir, 'osl.db'));
    try {
      file.prepare(`UPDATE "AuditEvent" SET "after" = json_set("after", '$.targets.OST."2022"', 30) WHERE "id" = ?`).run(target.id);
    } finally {
      file.close();
    }
    const broken = await verdict();
    expect(broken).toMatchObject({ intact: false, firstBroken: { id: target.id, reason: 'content-changed' } });
    const pl = await cli('pl');
    expect(pl.exitCode).toBe(1);
    expect(pl.text).toContain(`DZIENNIK ZMIAN NARUSZONY: wpis #${target.id}`);
    expect(pl.text).toContain('Treść wpisu nie zgadza się z jego skrótem');
    const en = await cli('en', true);
    expect(en).toMatchObject({ exitCode: 1, json: { intact: false, firstBroken: { id: target.id, reason: 'content-changed' } } });
  });

  it('names the entry after one deleted directly in SQLite', async () => {
    // The sign-in comes before the edited entry: its deletion is now the first break.
    const rows = await db().auditEvent.findMany({ orderBy: { id: 'asc' } });
    const signIn = rows.find((row) => row.action === 'auth.signed-in')!;
    const next = rows[rows.indexOf(signIn) + 1]!;
    const file = new Database(path.join(environment.dataDir, 'osl.db'));
    try {
      file.prepare('DELETE FROM "AuditEvent" WHERE "id" = ?').run(signIn.id);
    } finally {
      file.close();
    }
    expect((await verdict()).firstBroken).toEqual({ id: next.id, reason: 'link-broken' });
    const en = await cli('en');
    expect(en.exitCode).toBe(1);
    expect(en.text).toContain(`AUDIT TRAIL TAMPERED WITH: entry #${next.id}`);
  });
});
