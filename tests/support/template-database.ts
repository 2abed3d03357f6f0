// The operational database migrated once per test run (a vitest globalSetup), so that a test's
// fresh installation is a file copy instead of a `prisma migrate deploy` process of its own:
// `temporaryEnvironment` copies it into each new data folder, and the boundary's migrate() then
// finds every committed migration applied and starts no process.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createOperationalDatabase } from '@osl/prisma';

/** Where the test files find the template: set by the globalSetup, absent outside a test run (benches). */
export const templateDatabaseVariable = 'OSL_TEST_TEMPLATE_DB';

const templateDir = path.resolve(import.meta.dirname, '..', 'build', 'template-database');

export default async function migrateTemplateDatabase(): Promise<void> {
  fs.mkdirSync(templateDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(templateDir, 'migrating-'));
  const database = createOperationalDatabase({ ...process.env, OSL_DATA_DIR: work, DATABASE_URL: '' });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  // One self-contained file (migrate() leaves the database in WAL mode): what a copy takes is all of it.
  const file = path.join(work, 'osl.db');
  const sqlite = new Database(file);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  // Renamed into place, so a run that copies the previous template meanwhile reads a whole file.
  const template = path.join(templateDir, 'osl.db');
  fs.renameSync(file, template);
  fs.rmSync(work, { recursive: true, force: true });
  process.env[templateDatabaseVariable] = template;
}
