import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  applyPendingMigrations,
  migrationChecksum,
  pendingMigrations,
  readAppliedMigrations,
  readCommittedMigrations,
  type AppliedMigration,
} from './migration-check.ts';
import { createOperationalDatabase } from './operational-database.factory.ts';
import { applyMigrations } from './prisma-cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-migration-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const committed = [
  { name: '20260101000000_first', script: 'CREATE TABLE "A" ("id" INTEGER);\n' },
  { name: '20260102000000_second', script: 'CREATE TABLE "B" ("id" INTEGER);\n' },
];
const applied = (name: string, script: string, row: Partial<AppliedMigration> = {}): AppliedMigration => ({
  migration_name: name,
  checksum: migrationChecksum(script),
  finished_at: '2026-01-03T10:00:00.000+00:00',
  rolled_back_at: null,
  ...row,
});

describe('pendingMigrations', () => {
  it('is empty when every committed migration is applied with its checksum', () => {
    expect(
      pendingMigrations(
        committed,
        committed.map((m) => applied(m.name, m.script)),
      ),
    ).toEqual([]);
  });

  it('lists the committed migrations with no finished row, in order', () => {
    expect(pendingMigrations(committed, [])).toEqual(['20260101000000_first', '20260102000000_second']);
    expect(pendingMigrations(committed, [applied(committed[0].name, committed[0].script)])).toEqual(['20260102000000_second']);
    expect(
      pendingMigrations(committed, [applied(committed[0].name, committed[0].script), applied(committed[1].name, committed[1].script, { finished_at: null })]),
    ).toEqual(['20260102000000_second']);
  });

  it('counts a rolled-back or edited migration as pending: migrate deploy decides what to do', () => {
    const [first, second] = committed;
    expect(
      pendingMigrations(committed, [applied(first.name, first.script), applied(second.name, second.script, { rolled_back_at: '2026-01-04T00:00:00Z' })]),
    ).toEqual([second.name]);
    expect(pendingMigrations(committed, [applied(first.name, first.script), applied(second.name, 'CREATE TABLE "C" ("id" INTEGER);\n')])).toEqual([
      second.name,
    ]);
  });

  it('takes a script whose line endings git converted as the applied one, as Prisma does', () => {
    const crlf = committed.map((m) => ({ ...m, script: m.script.replaceAll('\n', '\r\n') }));
    expect(
      pendingMigrations(
        crlf,
        committed.map((m) => applied(m.name, m.script)),
      ),
    ).toEqual([]);
    expect(
      pendingMigrations(
        committed,
        crlf.map((m) => applied(m.name, m.script)),
      ),
    ).toEqual([]);
  });

  it('ignores applied migrations it does not know (a database newer than this code)', () => {
    expect(
      pendingMigrations(
        committed.slice(0, 1),
        committed.map((m) => applied(m.name, m.script)),
      ),
    ).toEqual([]);
  });
});

describe('applyPendingMigrations on a real database', () => {
  it('runs migrate deploy on a new database, then starts no process while nothing is pending', async () => {
    const env = { DATABASE_URL: `file:${path.join(dir, 'osl.db')}` };
    const database = createOperationalDatabase(env);
    const client = database.client;
    try {
      const deploy = vi.fn(() => applyMigrations(env));
      const names = readCommittedMigrations().map((m) => m.name);
      expect(await applyPendingMigrations({ readApplied: () => readAppliedMigrations(client), apply: deploy })).toEqual(names);
      expect(deploy).toHaveBeenCalledTimes(1);
      // The checksums Prisma recorded are the ones computed here.
      expect(await readAppliedMigrations(client)).toHaveLength(names.length);

      const spawner = vi.fn(async () => {
        throw new Error('no process may be started on an up-to-date database');
      });
      expect(await applyPendingMigrations({ readApplied: () => readAppliedMigrations(client), apply: spawner })).toEqual([]);
      expect(spawner).not.toHaveBeenCalled();

      // The last migration recorded as rolled back: pending again, and deploy is asked for.
      const db = new Database(path.join(dir, 'osl.db'));
      db.prepare("UPDATE _prisma_migrations SET rolled_back_at = '2026-12-07T00:00:00Z' WHERE migration_name = ?").run(names.at(-1));
      db.close();
      const again = vi.fn(async () => {});
      expect(await applyPendingMigrations({ readApplied: () => readAppliedMigrations(client), apply: again })).toEqual([names.at(-1)]);
      expect(again).toHaveBeenCalledTimes(1);
    } finally {
      await database.close();
    }
  }, 120_000);
});
