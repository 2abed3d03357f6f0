// Names never reach DuckDB, the logs, error messages, exports or the auditor's view (issue 5,
// "Personal data"): names are seeded into the register and attendance lists, everything runs,
// and every place they must not be is scanned for them.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineService } from '@osl/backend';
import { accounts, seededNames, startSecuredInstallation, type AccountName, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;
/** Names of the corrected register and of a rejected list: also never to be seen. */
const laterNames = ['Eustachy', 'Wierzbołowicz', 'Zdzisława', 'Nieznańska'];
const allNames = [...seededNames, ...laterNames];

function upload(name: string, content: string): FormData {
  const data = new FormData();
  data.append('files', new Blob([content]), name);
  return data;
}

beforeAll(async () => {
  installation = await startSecuredInstallation();
  const organizer = installation.sessions.organizer;
  // A correction of the register: a name changes (the audit trail records the change without names).
  const corrected = `kod;spolecznosc;imie;nazwisko\r\nOST-2;OST;${laterNames[0]};${laterNames[1]}\r\n`;
  expect((await organizer.fetch('/api/imports', { method: 'POST', body: upload('rejestr-korekta.csv', corrected) })).status).toBe(200);
  // A list naming someone not in the register: rejected; the uploader sees the row, the history keeps no name.
  const unknown = `id_dzialania;imie;nazwisko\r\nK1;${laterNames[2]};${laterNames[3]}\r\n`;
  const rejected = await organizer.fetch('/api/imports', { method: 'POST', body: upload('lista-nazwiska.csv', unknown) });
  expect(rejected.status).toBe(422);
  // A list by name that matches: imported.
  const byName = `id_dzialania;imie;nazwisko\r\nK2;${laterNames[0]};${laterNames[1]}\r\n`;
  expect((await organizer.fetch('/api/imports', { method: 'POST', body: upload('lista-k2.csv', byName) })).status).toBe(200);
  const pipeline = installation.server.app.get(PipelineService);
  // The uploads started a run of their own: the runs below follow it.
  expect((await pipeline.importRunsSettled())?.status).toBe('succeeded');
  expect((await pipeline.run('api', 'incremental')).status).toBe('succeeded');
  expect((await pipeline.run('api', 'full')).status).toBe('succeeded');
}, 180_000);

afterAll(async () => {
  await installation?.close();
});

function namesIn(text: string): string[] {
  return allNames.filter((name) => text.includes(name));
}

describe('personal data', () => {
  it('never reaches the analytics store: no name in any text column of any table, nor in the file’s bytes', async () => {
    const dir = path.join(installation.environment.dataDir, 'analytics');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.duckdb'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(namesIn(fs.readFileSync(path.join(dir, file)).toString('utf8')), file).toEqual([]);
      const instance = await DuckDBInstance.create(path.join(dir, file), { access_mode: 'READ_ONLY' });
      const connection = await instance.connect();
      try {
        const columns = (
          await connection.runAndReadAll(`SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'`)
        ).getRowObjects();
        expect(columns.length).toBeGreaterThan(0);
        for (const { table_name: table, column_name: column } of columns) {
          const values = (await connection.runAndReadAll(`SELECT DISTINCT "${column}"::VARCHAR AS v FROM "${table}"`)).getRowObjects();
          const text = values.map((row) => String(row.v)).join('\n');
          expect(namesIn(text), `${file} ${table}.${column}`).toEqual([]);
        }
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    }
  });

  it('never reaches the logs', () => {
    const logs = path.join(installation.environment.dataDir, 'logs');
    const text = fs
      .readdirSync(logs)
      .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
      .join('\n');
    expect(text.length).toBeGreaterThan(1000);
    expect(namesIn(text)).toEqual([]);
  });

  it('never reaches the import history, the audit trail or its export, for any role', async () => {
    const viewers: AccountName[] = ['director', 'organizer', 'organizerLaz', 'auditor', 'admin'];
    for (const viewer of viewers) {
      const history = await installation.sessions[viewer].get('/api/imports');
      expect(history.status).toBe(200);
      expect(namesIn(JSON.stringify(history.body)), `import history as ${viewer}`).toEqual([]);
    }
    for (const viewer of ['director', 'auditor'] as const) {
      const trail = await installation.sessions[viewer].get('/api/audit?limit=1000');
      expect(trail.body.total).toBeGreaterThan(10);
      // The register correction is in the trail, as a change, without the names themselves.
      expect(trail.body.events.some((e: { action: string; entityId: string }) => e.action === 'participant.updated' && e.entityId === 'OST-2')).toBe(true);
      expect(namesIn(JSON.stringify(trail.body)), `audit as ${viewer}`).toEqual([]);
      const exported = await installation.sessions[viewer].fetch('/api/audit?format=csv');
      expect(exported.headers.get('content-type')).toMatch(/text\/csv/);
      const csv = await exported.text();
      expect(csv).toContain(`Eksport: ${accounts[viewer]}`);
      expect(namesIn(csv), `audit export as ${viewer}`).toEqual([]);
    }
    // Every export is itself recorded.
    const trail = await installation.sessions.director.get('/api/audit?action=export&limit=10');
    expect(trail.body.events.map((e: { actor: string }) => e.actor).sort()).toEqual([accounts.auditor, accounts.director]);
  });

  it('never reaches the auditor’s or the administrator’s view of any figure', async () => {
    for (const viewer of ['auditor', 'admin', 'organizerLaz'] as const) {
      const session = installation.sessions[viewer];
      for (const pathname of [
        '/api/indicators',
        '/api/alerts?status=all',
        '/api/pipeline/runs',
        '/api/config',
        '/api/communities/OST/participation',
        '/api/communities/LAZ/participation',
        '/api/communities/ALL/participation',
      ]) {
        const answer = await session.get(pathname);
        expect(answer.status, `${pathname} as ${viewer}`).toBe(200);
        expect(namesIn(JSON.stringify(answer.body)), `${pathname} as ${viewer}`).toEqual([]);
      }
    }
    // Where names may be seen, they are: the scan above can find them.
    const own = await installation.sessions.organizer.get('/api/communities/OST/participants');
    expect(namesIn(JSON.stringify(own.body))).toEqual(expect.arrayContaining([seededNames[0], laterNames[0]]));
  });
});
