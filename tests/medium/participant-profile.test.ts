// Persons by gender and age band (the pipeline's agg_participant_profile): figures of a small
// history counted by hand, after a full run and after an incremental run that corrects a person's
// gender and adds an attendance.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService, ParticipantProfileService, PipelineService } from '@osl/backend';
import { importAndPublish, openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2024-03-01T10:00:00Z');
const dir = path.join(environment.dataDir, 'fixtures');
let context: INestApplicationContext;

/** The published table as "community year gender age_band persons" lines, sorted. */
async function publishedProfile(): Promise<string[]> {
  const pointer = JSON.parse(fs.readFileSync(path.join(environment.dataDir, 'analytics', 'CURRENT.json'), 'utf8'));
  const instance = await DuckDBInstance.create(path.join(environment.dataDir, 'analytics', pointer.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll('SELECT * FROM agg_participant_profile ORDER BY ALL')).getRowObjectsJS();
  connection.closeSync();
  instance.closeSync();
  return rows.map((r) => `${r.community} ${r.year} ${r.gender} ${r.age_band} ${r.persons}`).sort();
}

beforeAll(async () => {
  context = await openInstallation(environment);
  // Ages are counted at the project's start (2021): 1990 → 31, 1950 → 71, 2010 → 11, 1940 → 81.
  await importAndPublish(context, [
    writeCsv(dir, 'rejestr.csv', [
      ['kod', 'spolecznosc', 'plec', 'rok_urodzenia'],
      ['OST-1', 'OST', 'K', '1990'],
      ['OST-2', 'OST', 'M', '1950'],
      ['OST-3', 'OST', '', '2010'],
      ['WZG-1', 'WZG', 'K', ''],
      ['LAZ-1', 'LAZ', 'inna', '1940'],
    ]),
    writeCsv(dir, 'dziennik.csv', [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['A1', '15.03.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
      ['A2', '20.05.2022', 'WZG', 'IMPREZA', 'Festyn'],
      ['A3', '10.10.2023', 'OST', 'WARSZTAT', 'Warsztaty jesienne'],
      ['A4', '01.02.2022', 'LAZ', 'PRELEKCJA', 'Prelekcja'],
      ['A5', '03.03.2022', 'LAZ', 'PRELEKCJA', 'Prelekcja 2'],
    ]),
    writeCsv(dir, 'lista.csv', [
      ['id_dzialania', 'kod'],
      ['A1', 'OST-1'],
      ['A1', 'OST-2'],
      ['A1', 'WZG-1'],
      ['A2', 'WZG-1'],
      ['A2', 'OST-1'],
      ['A3', 'OST-3'],
      ['A4', 'LAZ-1'],
      ['A4', 'OST-1'],
      ['A5', 'LAZ-1'],
    ]),
  ]);
});

afterAll(async () => {
  await context?.close();
});

describe('persons by gender and age band', () => {
  it('count each person once per community and year, by the register’s gender and age band', async () => {
    expect(await publishedProfile()).toEqual(
      [
        // 2022: OST-1, OST-2 and WZG-1 came to OST; WZG-1 and OST-1 to WZG; LAZ-1 (twice) and OST-1 to LAZ.
        'OST 2022 K 30-44 1',
        'OST 2022 M 60-74 1',
        'OST 2022 K unknown 1',
        'WZG 2022 K unknown 1',
        'WZG 2022 K 30-44 1',
        'LAZ 2022 other 75+ 1',
        'LAZ 2022 K 30-44 1',
        // Anywhere in 2022: four persons, OST-1 once although she came to three communities.
        'ALL 2022 K 30-44 1',
        'ALL 2022 M 60-74 1',
        'ALL 2022 K unknown 1',
        'ALL 2022 other 75+ 1',
        // 2023: OST-3, with no gender given.
        'OST 2023 unknown 0-17 1',
        'ALL 2023 unknown 0-17 1',
      ].sort(),
    );
  });

  it('come from the API as a gender × age band table per community with totals; the auditor sees no 1–2', async () => {
    const service = context.get(ParticipantProfileService);
    const full = await service.profile('2022', 'full');
    expect(full.genders).toEqual(['K', 'M', 'other', 'unknown']);
    expect(full.ageBands).toEqual(['0-17', '18-29', '30-44', '45-59', '60-74', '75+', 'unknown']);
    const all = full.communities.find((c) => c.community === 'ALL')!;
    expect(all.rows.find((r) => r.gender === 'K')).toEqual({ gender: 'K', persons: [0, 0, 1, 0, 0, 0, 1], total: 2 });
    expect(all.totals).toEqual({ persons: [0, 0, 1, 0, 1, 1, 1], total: 4 });
    expect(full.communities.map((c) => [c.community, c.totals.total])).toEqual([
      ['ALL', 4],
      ['WZG', 2],
      ['OST', 3],
      ['LAZ', 2],
    ]);

    const suppressed = await service.profile('2022', 'suppressed');
    const counts = suppressed.communities.flatMap((c) => [...c.rows.flatMap((r) => [...r.persons, r.total]), ...c.totals.persons, c.totals.total]);
    expect(counts.filter((v) => v !== null && v > 0 && v < 3)).toEqual([]);
    // ALL's total of 4 is shown by the metrics table too; here it stays shown, and the 1s around it are hidden.
    const allSuppressed = suppressed.communities.find((c) => c.community === 'ALL')!;
    expect(allSuppressed.totals.total).toBe(4);
    expect(allSuppressed.rows.find((r) => r.gender === 'K')!.persons[2]).toBeNull();
    // Empty cells stay 0.
    expect(allSuppressed.rows.find((r) => r.gender === 'K')!.persons[0]).toBe(0);
    await expect(service.profile('2030', 'full')).rejects.toThrow();
  });

  it('follow a corrected gender and an added attendance after an incremental run', async () => {
    const reports = await context.get(ImportService).importPaths(
      [
        writeCsv(dir, 'rejestr-poprawka.csv', [
          ['kod', 'spolecznosc', 'plec', 'rok_urodzenia'],
          ['OST-2', 'OST', 'K', '1950'],
        ]),
        // The fair moves from May 2022 to May 2021, a year no other change touches.
        writeCsv(dir, 'dziennik-poprawka.csv', [
          ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
          ['A2', '20.05.2021', 'WZG', 'IMPREZA', 'Festyn'],
        ]),
        writeCsv(dir, 'lista-2.csv', [
          ['id_dzialania', 'kod'],
          ['A3', 'OST-2'],
          ['A3', 'OST-1'],
        ]),
      ],
      { source: 'cli', importedBy: 'test' },
    );
    expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const run = await context.get(PipelineService).run('schedule', 'incremental');
    expect(run).toMatchObject({ status: 'succeeded', mode: 'incremental' });
    const profile = await publishedProfile();
    // OST-2 is a woman now, in 2022 too (a year with no new row); in 2023 OST-1 and OST-2 came as well.
    expect(profile).toContain('OST 2022 K 60-74 1');
    expect(profile).toContain('ALL 2022 K 60-74 1');
    expect(profile.filter((line) => line.includes(' M '))).toEqual([]);
    expect(profile.filter((line) => line.startsWith('OST 2023'))).toEqual(['OST 2023 K 30-44 1', 'OST 2023 K 60-74 1', 'OST 2023 unknown 0-17 1']);
    expect(profile.filter((line) => line.startsWith('ALL 2023'))).toEqual(['ALL 2023 K 30-44 1', 'ALL 2023 K 60-74 1', 'ALL 2023 unknown 0-17 1']);
    // WZG met only at the fair: nobody in 2022 any more, WZG-1 and OST-1 in 2021.
    expect(profile.filter((line) => line.startsWith('WZG'))).toEqual(['WZG 2021 K 30-44 1', 'WZG 2021 K unknown 1']);
    expect(profile.filter((line) => line.startsWith('ALL 2021'))).toEqual(['ALL 2021 K 30-44 1', 'ALL 2021 K unknown 1']);
    // Both still came to OST in 2022.
    expect(profile.filter((line) => line.startsWith('ALL 2022'))).toEqual([
      'ALL 2022 K 30-44 1',
      'ALL 2022 K 60-74 1',
      'ALL 2022 K unknown 1',
      'ALL 2022 other 75+ 1',
    ]);
  });
});
