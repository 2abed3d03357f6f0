import fs from 'node:fs';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The data folder of this installation: `OSL_DATA_DIR`, else `data/` in the repository. An empty
 * `OSL_DATA_DIR=` counts as unset, as an empty `DATABASE_URL` does (it resolved to the working
 * folder, and the database landed there).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.OSL_DATA_DIR || path.join(repositoryRoot, 'data'));
}

/** `DATABASE_URL` when given, else the embedded SQLite file `osl.db` in the data folder. */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dataDir = resolveDataDir(env);
  fs.mkdirSync(dataDir, { recursive: true });
  return `file:${path.join(dataDir, 'osl.db')}`;
}
