// Incremental runs give exactly what a full rebuild gives, on a randomized history of imports
// (new rows and corrected rows), checked table by table. Steps of pure additions take the
// additive path (participation grows by deltas), steps with corrections recompute their periods.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService, PipelineService, withLanguage } from '@osl/backend';
import { aggregationStepCount, analyticsLayoutVersion } from '@osl/pipelines';
import { openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2023-06-15T10:00:00Z');
const dir = path.join(environment.dataDir, 'fixtures');
const comparedTables = [
  'dim_participant',
  'fact_activity',
  'fact_attendance',
  'fact_survey_answer',
  'agg_participation_month',
  'agg_participation',
  'agg_survey',
  'agg_participant_profile',
  'indicator_value',
  'indicator_month_value',
  'decline_finding',
  'decline_scan',
  'lapsing_regular',
  'lapsing_finding',
];
let context: INestApplicationContext;

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function tableDump(file: string): Promise<Record<string, string[]>> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const dump: Record<string, string[]> = {};
  for (const table of comparedTables) {
    const reader = await connection.runAndReadAll(`SELECT * FROM ${table} ORDER BY ALL`);
    dump[table] = reader.getRowObjectsJson().map((row) => JSON.stringify(row));
  }
  connection.closeSync();
  instance.closeSync();
  return dump;
}

function publishedFile(): string {
  const pointer = JSON.parse(fs.readFileSync(path.join(environment.dataDir, 'analytics', 'CURRENT.json'), 'utf8'));
  return path.join(environment.dataDir, 'analytics', pointer.file);
}

beforeAll(async () => {
  context = await openInstallation(environment);
});

afterAll(async () => {
  await context?.close();
});

describe('incremental pipeline runs', () => {
  it('match a full rebuild after every step of a randomized history', async () => {
    const random = mulberry32(20240601);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const communities = ['WZG', 'OST', 'LAZ'];
    const types = ['ANIM_KULT', 'IMPREZA', 'WARSZTAT', 'PRELEKCJA', 'AKCJA'];
    const participants: string[] = [];
    const activities = new Map<string, string[]>();
    const importer = context.get(ImportService);
    const pipeline = context.get(PipelineService);
    const day = () =>
      `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}.${String(1 + Math.floor(random() * 12)).padStart(2, '0')}.${pick(['2021', '2022'])}`;

    const first = await pipeline.run('cli', 'full');
    expect(first.status).toBe('succeeded');
    expect(first.steps).toHaveLength(aggregationStepCount);
    for (let step = 0; step < 12; step += 1) {
      // Every third step corrects earlier activities; the others only add rows.
      const corrects = step % 3 === 2;
      const files: string[] = [];
      // New people, some of them leaders.
      const newPeople = Array.from({ length: 5 + Math.floor(random() * 10) }, () => `P-${participants.length + Math.floor(random() * 1e6)}`);
      const register = [...new Set(newPeople)].filter((p) => !participants.includes(p));
      participants.push(...register);
      files.push(
        writeCsv(dir, `rejestr-${step}.csv`, [
          ['kod', 'spolecznosc', 'lider', 'lider_od'],
          ...register.map((code) => (random() < 0.2 ? [code, pick(communities), 'tak', '01.03.2022'] : [code, pick(communities), 'nie', ''])),
        ]),
      );
      // New activities, and corrections of earlier ones (another day, type or community).
      const log: (string | number)[][] = [['id', 'data', 'spolecznosc', 'typ', 'tytul', 'liczba_osob_bez_listy', 'inicjatywa_mieszkancow']];
      for (let n = 0; n < 6; n += 1) {
        const id = `A-${step}-${n}`;
        activities.set(id, []);
        // Once, a day before the project period: the grid of periods grows.
        const date = step === 4 && n === 0 ? '14.12.2020' : day();
        log.push([id, date, pick(communities), pick(types), `Działanie ${id}`, Math.floor(random() * 5), random() < 0.3 ? 'tak' : 'nie']);
      }
      if (corrects) {
        const earlier = [...activities.keys()].filter((id) => !id.startsWith(`A-${step}-`));
        const corrected = new Set([pick(earlier), ...earlier.filter(() => random() < 0.1).slice(0, 2)]);
        for (const id of corrected) log.push([id, day(), pick(communities), pick(types), `Poprawione ${id}`, 0, 'nie']);
      }
      files.push(writeCsv(dir, `dziennik-${step}.csv`, log));
      // Attendance lists for any activity, new or old.
      const list: string[][] = [['id_dzialania', 'kod']];
      for (const [id, present] of activities) {
        if (random() < 0.5) continue;
        for (const person of participants)
          if (random() < 0.15 && !present.includes(person)) {
            present.push(person);
            list.push([id, person]);
          }
      }
      if (list.length > 1) files.push(writeCsv(dir, `lista-${step}.csv`, list));
      // Some survey answers.
      files.push(
        writeCsv(dir, `ankieta-${step}.csv`, [
          ['ankieta', 'data', 'spolecznosc', 'JAKOSC_ZYCIA', 'ZAUFANIE'],
          ...Array.from({ length: 4 }, () => [
            'ANK-ROCZNA',
            day(),
            pick(communities),
            String(1 + Math.floor(random() * 5)),
            String(1 + Math.floor(random() * 5)),
          ]),
        ]),
      );
      const reports = await importer.importPaths(files, { source: 'cli', importedBy: 'test' });
      expect(reports.filter((r) => r.status === 'rejected').map((r) => [r.file, r.errors.slice(0, 2)])).toEqual([]);

      const incremental = await pipeline.run('schedule', 'incremental');
      expect(incremental).toMatchObject({ status: 'succeeded', mode: 'incremental', fallbackReason: null });
      expect(incremental.steps).toHaveLength(aggregationStepCount);
      expect(
        incremental.steps.map((s) => s.name),
        `step ${step}`,
      ).toContain(corrects ? 'participation of the corrected periods' : 'participation: what the added rows add');
      const afterIncremental = await tableDump(publishedFile());
      expect((await pipeline.run('cli', 'full')).status).toBe('succeeded');
      const afterFull = await tableDump(publishedFile());
      for (const table of comparedTables) {
        // The rows only one side has, so that a failure shows what differs.
        const full = new Set(afterFull[table]);
        const incrementalRows = new Set(afterIncremental[table]);
        const difference = {
          onlyIncremental: afterIncremental[table]!.filter((r) => !full.has(r)),
          onlyFull: afterFull[table]!.filter((r) => !incrementalRows.has(r)),
        };
        expect(difference, `step ${step}, table ${table}`).toEqual({ onlyIncremental: [], onlyFull: [] });
        expect(afterIncremental[table], `step ${step}, table ${table}`).toEqual(afterFull[table]);
      }
    }
  });

  it('falls back to a full rebuild when the published state was made by another decline method', async () => {
    // Its stored scans (decline_scan) are resumed only by the method that made them.
    const instance = await DuckDBInstance.create(publishedFile());
    const connection = await instance.connect();
    await connection.run("UPDATE meta SET value = '0' WHERE key = 'decline_method'");
    connection.closeSync();
    instance.closeSync();
    const run = await context.get(PipelineService).run('schedule', 'incremental');
    expect(run).toMatchObject({ status: 'succeeded', mode: 'full', fallbackReason: 'the decline method changed' });
    expect((await context.get(PipelineService).run('schedule', 'incremental')).mode).toBe('incremental');
  });

  it('falls back to a full rebuild when the published state has another table layout', async () => {
    // The layout version is the hash of analytics-schema.sql: a file built by other DDL (here the
    // last hand-numbered layout) is never built on.
    const instance = await DuckDBInstance.create(publishedFile());
    const connection = await instance.connect();
    const layout = (await connection.runAndReadAll("SELECT value FROM meta WHERE key = 'layout'")).getRowObjectsJS()[0]!.value;
    expect(layout).toBe(analyticsLayoutVersion());
    await connection.run("UPDATE meta SET value = '6' WHERE key = 'layout'");
    connection.closeSync();
    instance.closeSync();
    const run = await context.get(PipelineService).run('schedule', 'incremental');
    expect(run).toMatchObject({ status: 'succeeded', mode: 'full', fallbackReason: 'the analytics layout of this version differs' });
    expect((await context.get(PipelineService).run('schedule', 'incremental')).mode).toBe('incremental');
  });

  it('falls back to a full rebuild when the configuration changed', async () => {
    const configDir = path.join(environment.dataDir, 'config');
    fs.cpSync(path.resolve(import.meta.dirname, '..', '..', 'data', 'config'), configDir, { recursive: true });
    const indicators = JSON.parse(fs.readFileSync(path.join(configDir, 'indicators.json'), 'utf8'));
    indicators.push({
      ...indicators[0],
      code: 'P9',
      namePl: 'Osoby z co najmniej 2 obecnościami',
      computation: { kind: 'distinct_participants', minAttendances: 2 },
    });
    fs.writeFileSync(path.join(configDir, 'indicators.json'), JSON.stringify(indicators));
    await context.close();
    context = await openInstallation({ ...environment, configDir });
    const run = await context.get(PipelineService).run('schedule', 'incremental');
    expect(run).toMatchObject({ status: 'succeeded', mode: 'full', fallbackReason: 'the configuration changed' });
    // The history (the Dane page) gives the reason in its reader's language.
    const noteOf = async (lang: 'pl' | 'en') => (await withLanguage(lang, () => context.get(PipelineService).list())).find((r) => r.id === run.id)!.note;
    expect(await noteOf('pl')).toBe('pełna przebudowa zamiast przyrostowej: zmieniła się konfiguracja');
    expect(await noteOf('en')).toBe('full rebuild instead of incremental: the configuration changed');
  });
});
