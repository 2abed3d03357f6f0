// The person-level test (lapsing regulars) on a real installation: a community where ten of thirty
// regulars stopped coming is alerted, a steady one is not, and an incremental run after an import
// gives exactly the rows and alerts a full rebuild gives.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertsService, ImportService, PipelineService } from '@osl/backend';
import { openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';
import { writeLapsingHistory } from '../support/lapsing-history.ts';

const environment = temporaryEnvironment('2023-06-15T10:00:00Z');
const dir = path.join(environment.dataDir, 'fixtures');
const tables = ['lapsing_regular', 'lapsing_finding'];
let context: INestApplicationContext;

async function dump(): Promise<Record<string, string[]>> {
  const pointer = JSON.parse(fs.readFileSync(path.join(environment.dataDir, 'analytics', 'CURRENT.json'), 'utf8'));
  const instance = await DuckDBInstance.create(path.join(environment.dataDir, 'analytics', pointer.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const out: Record<string, string[]> = {};
  for (const table of tables)
    out[table] = (await connection.runAndReadAll(`SELECT * FROM ${table} ORDER BY ALL`)).getRowObjectsJson().map((r) => JSON.stringify(r));
  connection.closeSync();
  instance.closeSync();
  return out;
}

async function importFiles(files: string[]) {
  const reports = await context.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'test' });
  expect(reports.filter((r) => r.status !== 'imported').map((r) => [r.file, r.errors.slice(0, 2)])).toEqual([]);
}

/** An incremental run, then a full one: both publish the same lapsing rows and the same active alerts. */
async function incrementalEqualsFull(label: string) {
  const pipeline = context.get(PipelineService);
  const incremental = await pipeline.run('schedule', 'incremental');
  expect(incremental, label).toMatchObject({ status: 'succeeded', mode: 'incremental', fallbackReason: null });
  const assessed = incremental.steps.find((s) => s.name === 'lapsing regulars')!.rowsRead;
  const afterIncremental = await dump();
  const alertsAfterIncremental = await context.get(AlertsService).list({ status: 'active' });
  expect((await pipeline.run('cli', 'full')).status).toBe('succeeded');
  expect(afterIncremental, label).toEqual(await dump());
  const key = (alerts: typeof alertsAfterIncremental) => alerts.map((a) => [a.community, a.measure, a.since, a.observed, a.expected, a.sentencePl]).sort();
  expect(key(alertsAfterIncremental), label).toEqual(key(await context.get(AlertsService).list({ status: 'active' })));
  return { tables: afterIncremental, assessed };
}

beforeAll(async () => {
  context = await openInstallation(environment);
});

afterAll(async () => {
  await context?.close();
});

describe('lapsing regulars in the pipeline', () => {
  const stopping = writeLapsingHistory(dir, { prefix: 'L', community: 'WZG', from: '2022-01-04', weeks: 75, regulars: 30, stopping: 10, stopAfter: 66 });
  const steady = writeLapsingHistory(dir, { prefix: 'S', community: 'OST', from: '2022-01-05', weeks: 70, regulars: 20, stopping: 0, stopAfter: 0 });

  it('alerts the community whose regulars stopped coming, with who they are, and not the steady one', async () => {
    await importFiles([...stopping.files, ...steady.files]);
    expect((await context.get(PipelineService).run('cli', 'full')).status).toBe('succeeded');
    const published = await dump();
    const findings = published.lapsing_finding!.map((r) => JSON.parse(r));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ community: 'WZG', group_code: '', measure: 'lapsingRegulars', observed: 10, last_week: '2023-W23' });
    const regulars = published.lapsing_regular!.map((r) => JSON.parse(r));
    const lapsing = regulars.filter((r) => r.lapsing);
    expect(lapsing.map((r) => r.participant_code).sort()).toEqual(stopping.stopped);
    expect(lapsing.every((r) => r.community === 'WZG' && r.counted && r.last_date <= '2023-04-11' && r.groups.join() === 'education')).toBe(true);
    expect(regulars.filter((r) => r.community === 'OST')).toHaveLength(20);
    // No names in the analytics store: codes only.
    expect(JSON.stringify(published)).not.toMatch(/Imię|Nazwisko/);
    const alerts = await context.get(AlertsService).list({ status: 'active', community: 'WZG' });
    expect(alerts.find((a) => a.measure === 'lapsingRegulars')).toMatchObject({ observed: 10, community: 'WZG' });
  });

  it('gives in an incremental run what a full rebuild gives, whichever community the import touches', async () => {
    // The steady community meets five more times: only it is rescanned; the alerted one keeps its rows.
    const more = steady.meetings.length;
    const later = Array.from({ length: 5 }, (_, n) => ({
      id: `S-EXTRA-${n}`,
      date: new Date(Date.parse('2023-05-03T00:00:00Z') + n * 7 * 86_400_000).toISOString().slice(0, 10),
    }));
    await importFiles([
      writeCsv(dir, 'extra-dziennik.csv', [
        ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
        ...later.map((m) => [m.id, `${m.date.slice(8)}.${m.date.slice(5, 7)}.${m.date.slice(0, 4)}`, 'OST', 'ANIM_KULT', m.id]),
      ]),
      writeCsv(dir, 'extra-lista.csv', [
        ['id_dzialania', 'kod'],
        ...later.flatMap((m, n) => steady.codes.filter((_, i) => (n + i + more) % 4 !== 0).map((code) => [m.id, code])),
      ]),
    ]);
    const first = await incrementalEqualsFull('the steady community meets more');
    expect(first.tables.lapsing_finding).toHaveLength(1);
    // Only the steady community's twenty persons were assessed again.
    expect(first.assessed).toBe(20);
    // Four of those who stopped in WZG come back to its last meeting: the alert changes or ends, the same both ways.
    const last = stopping.meetings[stopping.meetings.length - 1]!;
    await importFiles([writeCsv(dir, 'back-lista.csv', [['id_dzialania', 'kod'], ...stopping.stopped.slice(0, 4).map((code) => [last.id, code])])]);
    const second = await incrementalEqualsFull('four came back');
    expect(second.assessed).toBe(30);
    const lapsingNow = second.tables.lapsing_regular!.map((r) => JSON.parse(r) as { lapsing: boolean; participant_code: string }).filter((r) => r.lapsing);
    expect(lapsingNow.map((r) => r.participant_code).sort()).toEqual(stopping.stopped.slice(4));
  });
});
