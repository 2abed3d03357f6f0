// Whether the database needs `prisma migrate deploy`, told without starting the Prisma CLI: every
// command checks it at start, and a child process with the schema engine costs a second or more.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir } from './prisma-cli.ts';

export interface CommittedMigration {
  name: string;
  script: string;
}

/** A row of Prisma's `_prisma_migrations` table, as far as the check needs it. */
export interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** What Prisma records as a migration's checksum: the SHA-256 of its migration.sql, in hex. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/**
 * Prisma's comparison (schema engine, `script_matches_checksum`): the script as it is, or with the
 * other system's line endings, since git may have converted them since the migration was applied.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  return [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')].some(
    (variant) => migrationChecksum(variant) === checksum,
  );
}

/** The committed migrations in the order Prisma applies them (by folder name). */
export function readCommittedMigrations(dir: string = migrationsDir): CommittedMigration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, script: fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
}

/**
 * The committed migrations the database does not hold as applied: no finished row for it that was
 * not rolled back, or only rows recorded with another script. Any of them means `migrate deploy`
 * has something to do or to say (a failed or edited migration is reported by Prisma, as before).
 */
export function pendingMigrations(committed: readonly CommittedMigration[], applied: readonly AppliedMigration[]): string[] {
  return committed
    .filter(
      (migration) =>
        !applied.some(
          (row) =>
            row.migration_name === migration.name &&
            row.finished_at != null &&
            row.rolled_back_at == null &&
            scriptMatchesChecksum(migration.script, row.checksum),
        ),
    )
    .map((migration) => migration.name);
}

/** Prisma's migration table read through a client of the database (none yet: nothing applied). */
export async function readAppliedMigrations(client: { $queryRawUnsafe<T>(query: string): Promise<T> }): Promise<AppliedMigration[]> {
  try {
    return await client.$queryRawUnsafe<AppliedMigration[]>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations');
  } catch (error) {
    if (/no such table/i.test((error as Error).message)) return [];
    throw error;
  }
}

/**
 * Applies the migrations (`apply`: `prisma migrate deploy` in a child process) only when one is
 * pending; on an up-to-date database no process is started. Returns the pending ones it applied.
 */
export async function applyPendingMigrations(options: {
  readApplied: () => Promise<AppliedMigration[]>;
  apply: () => Promise<void>;
  dir?: string;
}): Promise<string[]> {
  const pending = pendingMigrations(readCommittedMigrations(options.dir), await options.readApplied());
  if (pending.length > 0) await options.apply();
  return pending;
}
