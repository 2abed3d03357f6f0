import { resolveDatabaseUrl, resolveDataDir } from './database-url.ts';
import type { OperationalDatabase } from './operational-database.ts';
import { isSqliteBusy } from './sqlite/sqlite-busy.ts';
import { SqliteOperationalDatabase } from './sqlite/sqlite-operational-database.ts';

/**
 * The operational database of `env`'s installation (`DATABASE_URL`, else the embedded SQLite file
 * in the data folder). Made once per process and shared: it holds the Prisma client.
 */
export function createOperationalDatabase(env: NodeJS.ProcessEnv = process.env): OperationalDatabase {
  const url = resolveDatabaseUrl(env);
  if (!url.startsWith('file:'))
    throw new Error(`DATABASE_URL must name a SQLite file (file:…), the only operational database supported; got "${url.split(':')[0]}:…"`);
  return new SqliteOperationalDatabase(url.slice('file:'.length), resolveDataDir(env), env);
}

/**
 * Whether an error means the operational database is held by another writer, whichever
 * database raised it: for code that meets errors without the boundary at hand (the CLI's
 * last catch, error messages).
 */
export function isDatabaseBusy(error: unknown): boolean {
  return isSqliteBusy(error);
}
