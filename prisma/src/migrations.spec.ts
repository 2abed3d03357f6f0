// The committed migrations must build exactly the database schema.prisma describes: a schema change
// without its migration (written with `npm run migrations:diff -w @osl/prisma -- <name>`) fails here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, prismaCliArguments, prismaPackageDir } from './prisma-cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Tables with their columns (name, type, not null, default, key) and indexes (columns, unique), sorted. */
function describeDatabase(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return tables.map((table) => ({
      table,
      // By name: a column added later by a migration comes last in the table.
      columns: (db.prepare(`PRAGMA table_info("${table}")`).all() as { cid: number; name: string }[])
        .map(({ cid: _cid, ...column }) => column)
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: db
        .prepare(`PRAGMA foreign_key_list("${table}")`)
        .all()
        .map((k) => {
          const { id: _id, seq: _seq, ...rest } = k as Record<string, unknown>;
          return rest;
        }),
      indexes: (db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[])
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          origin: index.origin,
          columns: (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }));
  } finally {
    db.close();
  }
}

describe('the committed migrations', () => {
  it('build the schema of schema.prisma, column by column and index by index', async () => {
    const migrated = path.join(dir, 'migrated.db');
    await applyMigrations({ DATABASE_URL: `file:${migrated}` });
    const pushed = path.join(dir, 'pushed.db');
    execFileSync(process.execPath, prismaCliArguments('db', 'push', '--skip-generate'), {
      cwd: prismaPackageDir,
      env: { ...process.env, DATABASE_URL: `file:${pushed}` },
      stdio: 'pipe',
    });
    expect(describeDatabase(migrated)).toEqual(describeDatabase(pushed));
  }, 120_000);
});
