import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeOperationalDatabaseContract } from '../operational-database.contract.ts';
import { SqliteOperationalDatabase } from './sqlite-operational-database.ts';

describeOperationalDatabaseContract('SQLite', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-sqlite-contract-'));
  const file = path.join(dataDir, 'osl.db');
  const env = { ...process.env, OSL_DATA_DIR: dataDir, DATABASE_URL: `file:${file}` };
  return {
    database: new SqliteOperationalDatabase(file, dataDir, env),
    openAnother: () => new SqliteOperationalDatabase(file, dataDir, env, 200),
    holdWriteLock: async () => {
      const holder = new Database(file);
      holder.exec('BEGIN EXCLUSIVE');
      return async () => {
        holder.exec('ROLLBACK');
        holder.close();
      };
    },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
});
