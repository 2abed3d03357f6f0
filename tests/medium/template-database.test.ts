// The ground of the middle tier: a new installation is a copy of the database migrated once per
// run, on which opening finds every committed migration applied and so starts no
// `prisma migrate deploy`; each copy is the test file's own.
import fs from 'node:fs';
import path from 'node:path';
import { createOperationalDatabase } from '@osl/prisma';
import { describe, expect, it } from 'vitest';
import { temporaryEnvironment } from '../support/installation.ts';
import { templateDatabaseVariable } from '../support/template-database.ts';

describe('a new installation in a test run', () => {
  it('starts from its own copy of the migrated template, on which migrate() has nothing to apply', async () => {
    const template = process.env[templateDatabaseVariable];
    expect(template && fs.existsSync(template)).toBe(true);
    const environment = temporaryEnvironment();
    expect(fs.existsSync(path.join(environment.dataDir, 'osl.db'))).toBe(true);
    const database = createOperationalDatabase(environment.env);
    try {
      // false: nothing pending, so applyPendingMigrations did not call the Prisma CLI.
      expect(await database.migrate()).toBe(false);
      await database.client.community.create({ data: { code: 'TPL', name: 'Tylko w tej kopii', kind: 'territorial' } });
    } finally {
      await database.close();
    }
    const other = createOperationalDatabase(temporaryEnvironment().env);
    try {
      expect(await other.migrate()).toBe(false);
      expect(await other.client.community.count({ where: { code: 'TPL' } })).toBe(0);
    } finally {
      await other.close();
    }
  });
});
