// The decline detection on the demo data: it must find OST's fall from October 2022, nothing in
// WZG or LAZ, and keep an alert that persists across runs as one alert with a history.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService, PipelineService } from '@osl/backend';
import { AlertsService } from '../../backend/src/services/alerts.service.ts';
import { DemoService } from '../../backend/src/services/demo.service.ts';
import { runOsl } from '../support/cli.ts';
import { openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2026-11-27T12:00:00Z');
let context: INestApplicationContext;

/** Rows of the published analytics file, as JSON lines. */
async function published(sql: string): Promise<string[]> {
  const pointer = JSON.parse(fs.readFileSync(path.join(environment.dataDir, 'analytics', 'CURRENT.json'), 'utf8'));
  const instance = await DuckDBInstance.create(path.join(environment.dataDir, 'analytics', pointer.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson().map((row) => JSON.stringify(row));
  connection.closeSync();
  instance.closeSync();
  return rows;
}

beforeAll(async () => {
  context = await openInstallation(environment);
  await context.get(DemoService).load();
});

afterAll(async () => {
  await context?.close();
});

describe('decline alerts on the demo data', () => {
  it('finds the OST decline from October 2022 and nothing in WZG or LAZ', async () => {
    const run = await context.get(PipelineService).run('cli', 'full');
    expect(run.alerts?.opened).toBeGreaterThan(0);
    const alerts = await context.get(AlertsService).list({ status: 'active' });
    expect(new Set(alerts.map((a) => a.community))).toEqual(new Set(['OST']));
    for (const alert of alerts) {
      expect(alert.since >= '2022-W38' && alert.since <= '2022-W46', alert.since).toBe(true);
      expect(alert.drop).toBeGreaterThanOrEqual(0.2);
      expect(alert.sentencePl).toContain('Mieszkańcy bloków przy ul. Ostrowieckiej');
      // Dated as people read dates: the Monday of the week the fall began.
      expect(alert.sentencePl).toMatch(/spadła o \d+% od \d{1,2} (września|października|listopada) 2022 \(/);
      expect(alert.sentenceEn).toMatch(/has fallen by \d+% since \d{1,2} (September|October|November) 2022 \(/);
      expect(alert.startsOn >= '2022-09-19' && alert.startsOn <= '2022-11-14', alert.startsOn).toBe(true);
      // Its figures' weeks: at most six weeks with activities, before its last week ends.
      expect(alert.window.weeks).toBeGreaterThanOrEqual(1);
      expect(alert.window.weeks).toBeLessThanOrEqual(6);
      expect(alert.window.from <= alert.window.to).toBe(true);
    }
  });

  it('keeps a persisting alert as one alert with a history', async () => {
    const before = await context.get(AlertsService).list({ status: 'active' });
    const run = await context.get(PipelineService).run('schedule', 'incremental');
    expect(run.alerts).toEqual({ opened: 0, continued: before.length, ended: 0 });
    const after = await context.get(AlertsService).list({ status: 'active' });
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after.every((a) => a.history.length === 2)).toBe(true);
  });

  it('lists alerts on the command line as JSON', async () => {
    const outcome = runOsl(['alerts', '--community', 'ost', '--json'], { OSL_DATA_DIR: environment.dataDir, DATABASE_URL: '' });
    expect(outcome.status, outcome.stderr).toBe(0);
    const alerts = JSON.parse(outcome.stdout);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]).toMatchObject({ community: 'OST', status: 'active' });
    expect(runOsl(['alerts', '--community', 'XYZ', '--json'], { OSL_DATA_DIR: environment.dataDir, DATABASE_URL: '' }).status).toBe(2);
  });

  it('finds in an incremental run what a full rebuild finds: new rows in one community, a correction in another, new rows during an alert', async () => {
    const header = ['id', 'data', 'spolecznosc', 'typ', 'tytul', 'liczba_osob_bez_listy', 'inicjatywa_mieszkancow'];
    const [ost] = (
      await published(
        "SELECT external_id, type_code FROM fact_activity WHERE community = 'OST' AND group_code = 'animation' AND date >= '2023-03-01' ORDER BY date LIMIT 1",
      )
    ).map((row) => JSON.parse(row) as { external_id: string; type_code: string });
    const batches = [
      [header, ['T-NEW-1', '15.11.2023', 'WZG', 'WARSZTAT', 'Nowy warsztat', 12, 'nie']],
      [header, [ost!.external_id, '20.09.2022', 'OST', ost!.type_code, 'Poprawione', 0, 'nie']],
      // A new activity while OST's alert is in force: the scan resumes there and must carry the alert on.
      [header, ['T-NEW-2', '15.03.2023', 'OST', ost!.type_code, 'Nowe spotkanie', 4, 'nie']],
    ];
    for (const [n, rows] of batches.entries()) {
      const file = writeCsv(path.join(environment.dataDir, 'fixtures'), `dziennik-${n}.csv`, rows);
      const [report] = await context.get(ImportService).importPaths([file], { source: 'cli', importedBy: 'test' });
      expect(report!.status, JSON.stringify(report!.errors)).not.toBe('rejected');
      expect(await context.get(PipelineService).run('schedule', 'incremental')).toMatchObject({ status: 'succeeded', mode: 'incremental' });
      const incremental = await published('SELECT * FROM decline_finding ORDER BY ALL');
      expect((await context.get(PipelineService).run('cli', 'full')).status).toBe('succeeded');
      const full = await published('SELECT * FROM decline_finding ORDER BY ALL');
      expect(full.length).toBeGreaterThan(0);
      expect(incremental, `batch ${n}`).toEqual(full);
    }
  });
});
