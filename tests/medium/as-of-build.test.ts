// The figures "as the data stood" at a past moment (issue 15, versioned records): corrections
// made by every write path (an activities file, a register file, the recording form) keep the
// rows they replace, and a full build of the data as of an earlier import batch gives exactly the
// figures a full run gave then; as of the newest batch, the figures of a full run now.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, PipelineService } from '@osl/backend';
import { withAnalyticsAsOf } from '@osl/pipelines';
import { ConfigurationService } from '../../backend/src/services/configuration.service.ts';
import { RecordingService, type Recorder } from '../../backend/src/services/recording.service.ts';
import { openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2026-11-27T12:00:00Z');
const fixtures = path.join(environment.dataDir, 'fixtures');
const analyticsDir = path.join(environment.dataDir, 'analytics');
const admin: Recorder = { email: 'admin@test.osl', role: 'admin', communities: [], scope: 'full' };
let context: INestApplicationContext;

type IndicatorRow = Record<string, unknown>;
const indicatorRowsSql = 'SELECT * FROM indicator_value ORDER BY ALL';

async function indicatorRows(connection: DuckDBConnection): Promise<IndicatorRow[]> {
  return (await connection.runAndReadAll(indicatorRowsSql)).getRowObjectsJson() as IndicatorRow[];
}

/** The indicator rows of the published analytics after a full run. */
async function fullRun(): Promise<IndicatorRow[]> {
  const run = await context.get(PipelineService).run('cli', 'full');
  expect(run.status).toBe('succeeded');
  const pointer = JSON.parse(fs.readFileSync(path.join(analyticsDir, 'CURRENT.json'), 'utf8')) as { file: string };
  const instance = await DuckDBInstance.create(path.join(analyticsDir, pointer.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return await indicatorRows(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function importFiles(files: string[]): Promise<void> {
  const reports = await context.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'test' });
  expect(reports.map((r) => [path.basename(r.file), r.status])).toEqual(files.map((f) => [path.basename(f), 'imported']));
}

const operational = () => context.get(DatabaseRepository).operational;

function asOf(asOfBatch: number) {
  return withAnalyticsAsOf(
    {
      database: operational(),
      config: context.get(ConfigurationService).current(),
      dataDir: environment.dataDir,
      moment: environment.now(),
      asOfBatch,
    },
    async (connection, civilDate) => ({ civilDate, rows: await indicatorRows(connection) }),
  );
}

beforeAll(async () => {
  context = await openInstallation(environment);
});

afterAll(async () => {
  await context?.get(PipelineService).importRunsSettled();
  await context?.close();
});

describe('the figures as the data stood after an import batch', () => {
  let reported = 0;
  let reportedRows: IndicatorRow[] = [];

  it('a history is imported and built in full: its data version and figures are noted', async () => {
    await importFiles([
      writeCsv(fixtures, 'rejestr.csv', [
        ['Kod uczestnika', 'Społeczność', 'Płeć', 'Rok urodzenia', 'Lider', 'Lider od'],
        ['OST-0001', 'OST', 'K', 1980, 'nie', ''],
        ['OST-0002', 'OST', 'M', 1975, 'nie', ''],
        ['OST-0003', 'OST', 'K', 1990, 'tak', '01.05.2021'],
        ['WZG-0001', 'WZG', 'M', 1960, 'nie', ''],
      ]),
      writeCsv(fixtures, 'dziennik.csv', [
        ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł'],
        ['A1', '10.03.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
        ['A2', '12.04.2022', 'OST', 'IMPREZA', 'Festyn'],
        ['A3', '15.05.2022', 'WZG', 'SPOTKANIE', 'Spotkanie'],
        ['A4', '01.06.2021', 'OST', 'AKCJA', 'Sprzątanie'],
      ]),
      writeCsv(fixtures, 'obecnosci.csv', [
        ['ID działania', 'Kod uczestnika'],
        ['A1', 'OST-0001'],
        ['A1', 'OST-0002'],
        ['A2', 'OST-0001'],
        ['A2', 'OST-0003'],
        ['A3', 'WZG-0001'],
        ['A4', 'OST-0002'],
      ]),
    ]);
    reported = await operational().currentDataVersion();
    expect(reported).toBeGreaterThan(0);
    expect(await operational().dataVersionAt(new Date())).toBe(reported);
    reportedRows = await fullRun();
    expect(reportedRows.length).toBeGreaterThan(0);
  });

  it('corrections by a file and by the recording form keep the rows they replace, and are listed by what changed them', async () => {
    // An activity moved to another year and type, a person made leader (files); a person taken off a list (the form).
    await importFiles([
      writeCsv(fixtures, 'dziennik-poprawka.csv', [
        ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł'],
        ['A1', '10.03.2023', 'OST', 'SPOTKANIE', 'Warsztaty'],
      ]),
      writeCsv(fixtures, 'rejestr-poprawka.csv', [
        ['Kod uczestnika', 'Społeczność', 'Płeć', 'Rok urodzenia', 'Lider', 'Lider od'],
        ['OST-0002', 'OST', 'M', 1975, 'tak', '01.09.2022'],
      ]),
    ]);
    const recording = context.get(RecordingService);
    const festyn = await recording.activity('OST', 'A2');
    expect(festyn.participants).toEqual(['OST-0001', 'OST-0003']);
    const shortened = await recording.record(
      'OST',
      {
        externalId: 'A2',
        date: festyn.date,
        type: festyn.type,
        title: festyn.title,
        headcountAnonymous: festyn.headcountAnonymous,
        residentInitiative: festyn.residentInitiative,
        participants: ['OST-0001'],
      },
      admin,
      'pl',
    );
    expect(shortened).toMatchObject({ status: 'imported', removed: ['OST-0003'] });
    await context.get(PipelineService).importRunsSettled();

    const client = context.get(DatabaseRepository).client;
    expect(await client.activityVersion.count({ where: { externalId: 'A1', date: '2022-03-10' } })).toBe(1);
    expect(await client.participantVersion.count({ where: { code: 'OST-0002', leader: false } })).toBe(1);
    expect(await client.attendanceVersion.count({ where: { supersededByBatchId: shortened.batchId! } })).toBe(1);

    const changes = await operational().recordChangesAfter(reported, '2023-12-31', 100);
    expect(changes.rows.map((r) => [r.kind, r.change, r.activityId, r.participantCode, r.date, r.fileName])).toEqual([
      // The register is imported before the activities it may name.
      ['participant', 'corrected', null, 'OST-0002', '2022-09-01', 'rejestr-poprawka.csv'],
      ['activity', 'corrected', 'A1', null, '2023-03-10', 'dziennik-poprawka.csv'],
      ['attendance', 'removed', 'A2', 'OST-0003', '2022-04-12', expect.any(String)],
    ]);
    expect(changes.rows.at(-1)).toMatchObject({ batchId: shortened.batchId, importedBy: 'admin@test.osl', sourceRow: null });
    expect(changes.total).toBe(3);
  });

  it('as of the noted batch: exactly the figures of the full run then, from a scratch file nobody sees published', async () => {
    const published = fs.readFileSync(path.join(analyticsDir, 'CURRENT.json'), 'utf8');
    const before = await asOf(reported);
    expect(before.civilDate).toBe('2026-11-27');
    expect(before.rows).toEqual(reportedRows);
    // Nothing of the scratch build is left, and the published state is the one before.
    expect(fs.readdirSync(analyticsDir).filter((name) => name.startsWith('asof-'))).toEqual([]);
    expect(fs.readFileSync(path.join(analyticsDir, 'CURRENT.json'), 'utf8')).toBe(published);
  });

  it('as of the newest batch: the figures of a full run now, which the corrections changed', async () => {
    const now = await fullRun();
    expect(now).not.toEqual(reportedRows);
    const newest = await asOf(await operational().currentDataVersion());
    expect(newest.rows).toEqual(now);
  });
});
