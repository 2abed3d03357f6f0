import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveDatabaseUrl } from './database-url.ts';

const prismaPackageDir = path.resolve(import.meta.dirname, '..');

/** The committed migrations, one folder each. */
export const migrationsDir = path.join(prismaPackageDir, 'migrations');

/**
 * Applies the committed migrations (`prisma migrate deploy`) to the database of `env`.
 * Runs the Prisma CLI in a child process: it is the supported way, and it keeps the
 * WebAssembly schema engine out of the server's memory.
 */
export async function applyMigrations(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await promisify(execFile)(process.execPath, prismaCliArguments('migrate', 'deploy'), {
    cwd: prismaPackageDir,
    env: { ...env, DATABASE_URL: resolveDatabaseUrl(env) },
  });
}

/** Where the Prisma CLI runs from: this package (its schema, migrations and configuration). */
export { prismaPackageDir };

/** Node's arguments for a Prisma CLI command with this package's configuration (JS engine, driver adapter). */
export function prismaCliArguments(...command: string[]): string[] {
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  return [prismaCli, ...command, '--config', path.join(prismaPackageDir, 'prisma.config.ts')];
}
