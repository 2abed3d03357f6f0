// Tamper evidence over HTTP and the built command line (issue 15): GET /api/audit/verify (director
// and auditor) and `osl audit verify` in its own process find the trail intact, then name the row
// edited directly in the SQLite file, with a non-zero exit code.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOslAsync } from '../support/cli.ts';
import { startSecuredInstallation, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  installation = await startSecuredInstallation();
  env = { OSL_DATA_DIR: installation.environment.dataDir, OSL_NOW: '2022-07-02T10:00:00Z' };
}, 120_000);

afterAll(async () => {
  await installation?.close();
});

interface Verdict {
  intact: boolean;
  entries: number;
  firstBroken: { id: number; reason: string } | null;
  checkedAt: string;
}

describe('GET /api/audit/verify and osl audit verify', () => {
  it('find the trail intact, then name an entry edited in the database file', async () => {
    const first = await installation.sessions.auditor.get('/api/audit/verify');
    expect(first.status).toBe(200);
    const intact = first.body as Verdict;
    expect(intact).toMatchObject({ intact: true, firstBroken: null });
    expect(intact.entries).toBeGreaterThan(3);
    const cli = await runOslAsync(['audit', 'verify', '--json'], env);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ intact: true, firstBroken: null });

    const file = new Database(path.join(installation.environment.dataDir, 'osl.db'));
    let edited: number;
    try {
      edited = (file.prepare(`SELECT "id" FROM "AuditEvent" WHERE "action" = 'auth.signed-in' ORDER BY "id" LIMIT 1`).get() as { id: number }).id;
      file.prepare(`UPDATE "AuditEvent" SET "address" = '203.0.113.9' WHERE "id" = ?`).run(edited);
    } finally {
      file.close();
    }
    const broken = (await installation.sessions.director.get('/api/audit/verify')).body as Verdict;
    expect(broken).toMatchObject({ intact: false, firstBroken: { id: edited, reason: 'content-changed' } });
    const pl = await runOslAsync(['audit', 'verify'], env);
    expect(pl.status).toBe(1);
    expect(pl.stdout).toContain(`DZIENNIK ZMIAN NARUSZONY: wpis #${edited}`);
    const en = await runOslAsync(['audit', 'verify', '--json', '--lang', 'en'], env);
    expect(en.status).toBe(1);
    expect(JSON.parse(en.stdout)).toMatchObject({ intact: false, firstBroken: { id: edited, reason: 'content-changed' } });
  });
});
