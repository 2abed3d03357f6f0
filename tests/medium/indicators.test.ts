// Indicators computed end to end (importer → SQLite → pipeline → DuckDB) on small hand-made
// files, against values worked out by hand from docs/spec/indicators.md.
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, IndicatorsService, ParticipationService, PipelineService } from '@osl/backend';
import { openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2026-11-27T12:00:00Z');
const inbox = path.join(environment.dataDir, 'fixtures');
let context: INestApplicationContext;

const participants = writeCsv(inbox, 'rejestr.csv', [
  ['Kod uczestnika', 'Społeczność', 'Płeć', 'Rok urodzenia', 'Lider', 'Lider od', 'Imię', 'Nazwisko'],
  ['WZG-0001', 'WZG', 'K', 1980, 'nie', '', '', ''],
  ['WZG-0002', 'Mieszkańcy Os. Wzgórze', 'M', 1975, 'tak', '10.05.2021', '', ''],
  ['OST-0001', 'OST', 'K', 1990, 'nie', '', '', ''],
  ['OST-0002', 'OST', 'M', 1960, 'tak', '2022-03-01', '', ''],
  ['LAZ-0001', 'LAZ', 'K', 1948, 'tak', '01.12.2020', '', ''],
  ['LAZ-0002', 'LAZ', 'K', 1950, 'nie', '', 'Anna', 'Kowalska'],
]);

const activities = writeCsv(inbox, 'dziennik.csv', [
  ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł', 'Liczba osób bez listy', 'Inicjatywa mieszkańców'],
  ['A1', '10.03.2021', 'WZG', 'WARSZTAT', 'Warsztaty kulinarne', '', ''],
  ['A2', '12.04.2021', 'WZG', 'warsztaty', 'Warsztaty rękodzieła', '', ''],
  ['A3', '15.05.2021', 'WZG', 'IMPREZA', 'Piknik sąsiedzki', '25', 'tak'],
  ['A4', '01.06.2021', 'OST', 'ANIM_SPORT', 'Turniej piłki', '0', 'nie'],
  ['A5', '08.06.2021', 'OST', 'AKCJA', 'Sprzątanie podwórka', '', 'x'],
  ['A6', '01.02.2022', 'WZG', 'SPOTKANIE', 'Spotkanie z dzielnicowym', '', ''],
  ['A7', '02.02.2022', 'OST', 'SPOTKANIE', 'Spotkanie mieszkańców', '', ''],
  ['A8', '03.03.2022', 'LAZ', 'PRELEKCJA', 'Prelekcja o zdrowiu', '', ''],
  ['A9', '15.12.2020', 'WZG', 'WARSZTAT', 'Przed projektem', '', ''],
]);

const attendanceByCode = writeCsv(inbox, 'obecnosci.csv', [
  ['ID działania', 'Kod uczestnika'],
  ['A1', 'WZG-0001'],
  ['A2', 'WZG-0001'],
  ['A3', 'WZG-0001'],
  ['A6', 'WZG-0001'],
  ['A9', 'WZG-0001'],
  ['A1', 'WZG-0002'],
  ['A2', 'WZG-0002'],
  ['A4', 'WZG-0002'],
  ['A4', 'OST-0001'],
  ['A5', 'OST-0001'],
  ['A7', 'OST-0001'],
]);

const attendanceByName = writeCsv(inbox, 'lista-obecnosci-laz.csv', [
  ['ID działania', 'Nazwisko', 'Imię'],
  ['A8', 'Kowalska', 'Anna'],
]);

const survey = writeCsv(inbox, 'ankieta-2021.csv', [
  ['Ankieta', 'Data', 'Społeczność', 'JAKOSC_ZYCIA', 'ZAUFANIE'],
  ['ANK-ROCZNA', '20.10.2021', 'WZG', '5', '4'],
  ['ANK-ROCZNA', '20.10.2021', 'WZG', '4', ''],
  ['ANK-ROCZNA', '21.10.2021', 'WZG', '2', '3'],
  ['ANK-ROCZNA', '22.10.2021', 'OST', '3', '5'],
  ['ANK-ROCZNA', '22.10.2021', 'OST', '', '5'],
]);

beforeAll(async () => {
  context = await openInstallation(environment);
  const reports = await context.get(ImportService).importPaths([attendanceByCode, survey, activities, attendanceByName, participants], {
    source: 'cli',
    importedBy: 'test',
  });
  expect(reports.map((r) => [r.file, r.status, r.errors])).toEqual([
    ['obecnosci.csv', 'imported', []],
    ['ankieta-2021.csv', 'imported', []],
    ['dziennik.csv', 'imported', []],
    ['lista-obecnosci-laz.csv', 'imported', []],
    ['rejestr.csv', 'imported', []],
  ]);
  const run = await context.get(PipelineService).run('cli', 'full');
  expect(run.error).toBeNull();
});

afterAll(async () => {
  await context?.close();
});

async function valuesOf(code: string, year: number): Promise<Record<string, number | null>> {
  const rows = await context.get(IndicatorsService).list({ year });
  return Object.fromEntries(rows.filter((r) => r.code === code).map((r) => [r.community, r.value]));
}

describe('indicators on hand-made files', () => {
  it('P1 counts persons by the community of the activity, once in ALL, and only inside the project period', async () => {
    // WZG: WZG-0001, WZG-0002; OST: WZG-0002 (attended A4 in OST), OST-0001; ALL: three persons.
    expect(await valuesOf('P1', 2021)).toEqual({ ALL: 3, WZG: 2, OST: 2, LAZ: 0 });
    // LAZ-0002 joins through the list matched by name; P1 is cumulative.
    expect(await valuesOf('P1', 2022)).toEqual({ ALL: 4, WZG: 2, OST: 2, LAZ: 1 });
    expect(await valuesOf('P1', 2023)).toEqual({ ALL: 4, WZG: 2, OST: 2, LAZ: 1 });
  });

  it('anonymous head counts add to attendances, never to persons', async () => {
    const may = (await context.get(ParticipationService).byMonth('WZG')).periods.find((p) => p.period === '2021-05')!;
    expect(may).toMatchObject({ activities: 1, namedAttendances: 1, anonymousAttendances: 25, attendances: 26, distinctParticipants: 1 });
    expect(may.cumulativeParticipants).toBe(2);
  });

  it('P2 is annual, P3 cumulative (an annual versus a cumulative count)', async () => {
    expect(await valuesOf('P2', 2021)).toEqual({ ALL: 2, WZG: 1, OST: 1, LAZ: 0 });
    expect(await valuesOf('P2', 2022)).toEqual({ ALL: 0, WZG: 0, OST: 0, LAZ: 0 });
    // A9 (2020) is outside the project period.
    expect(await valuesOf('P3', 2021)).toEqual({ ALL: 2, WZG: 2, OST: 0, LAZ: 0 });
    expect(await valuesOf('P3', 2022)).toEqual({ ALL: 5, WZG: 3, OST: 1, LAZ: 1 });
  });

  it('P4 counts AKCJA activities and R3 resident initiatives, cumulatively', async () => {
    expect(await valuesOf('P4', 2022)).toEqual({ ALL: 1, WZG: 0, OST: 1, LAZ: 0 });
    expect(await valuesOf('R3', 2021)).toEqual({ ALL: 2, WZG: 1, OST: 1, LAZ: 0 });
  });

  it('P5 counts leaders identified inside the project period by home community', async () => {
    expect(await valuesOf('P5', 2021)).toEqual({ ALL: 1, WZG: 1, OST: 0, LAZ: 0 });
    expect(await valuesOf('P5', 2022)).toEqual({ ALL: 2, WZG: 1, OST: 1, LAZ: 0 });
  });

  it('R1 needs three attendances per community, or three in all activities together for ALL', async () => {
    // WZG-0002 has two in WZG and one in OST: regular for the project, in neither community.
    expect(await valuesOf('R1', 2021)).toEqual({ ALL: 2, WZG: 1, OST: 0, LAZ: 0 });
    expect(await valuesOf('R1', 2022)).toEqual({ ALL: 0, WZG: 0, OST: 0, LAZ: 0 });
  });

  it('R2 is the share of answers ≥ 4 with one decimal, and no value (not 0) without answers', async () => {
    expect(await valuesOf('R2', 2021)).toEqual({ ALL: 50, WZG: 66.7, OST: 0, LAZ: null });
    expect(await valuesOf('R2', 2022)).toEqual({ ALL: null, WZG: null, OST: null, LAZ: null });
  });

  it('reports target, achievement and status against the past year target (not achieved: the year is over)', async () => {
    const [p1] = await context
      .get(IndicatorsService)
      .list({ year: 2021, community: 'ALL' })
      .then((rows) => rows.filter((r) => r.code === 'P1'));
    expect(p1).toMatchObject({ value: 3, target: 90, expected: 90, achievement: 0.0333, status: 'not_achieved' });
    const [r2] = await context
      .get(IndicatorsService)
      .list({ year: 2022, community: 'LAZ' })
      .then((rows) => rows.filter((r) => r.code === 'R2'));
    expect(r2).toMatchObject({ value: null, achievement: null, status: 'no_data' });
  });
});

describe('a rejected file', () => {
  it('leaves the database unchanged and reports every bad row', async () => {
    const db = context.get(DatabaseRepository).client;
    const before = await Promise.all([
      db.activity.count(),
      db.attendance.count(),
      db.participant.count(),
      db.activity.findUnique({ where: { externalId: 'A1' } }),
    ]);
    const bad = writeCsv(inbox, 'dziennik-bledny.csv', [
      ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł'],
      ['A1', '11.03.2021', 'WZG', 'WARSZTAT', 'Zmieniony tytuł'],
      ['B2', '12.03.2021', 'XYZ', 'WARSZTAT', 'Nieznana społeczność'],
      ['B3', '31.02.2022', 'OST', 'WARSZTAT', 'Niemożliwa data'],
    ]);
    const [report] = await context.get(ImportService).importPaths([bad], { source: 'cli', importedBy: 'test' });
    expect(report!.status).toBe('rejected');
    expect(report!.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'Społeczność', 'XYZ'],
      [4, 'Data', '31.02.2022'],
    ]);
    const after = await Promise.all([
      db.activity.count(),
      db.attendance.count(),
      db.participant.count(),
      db.activity.findUnique({ where: { externalId: 'A1' } }),
    ]);
    expect(after).toEqual(before);
  });

  it('the same file twice is unchanged', async () => {
    const [report] = await context.get(ImportService).importPaths([activities], { source: 'cli', importedBy: 'test' });
    expect(report!.status).toBe('unchanged');
  });
});
