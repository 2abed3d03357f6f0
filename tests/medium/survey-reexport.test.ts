// Form tools export every response again each time: a re-export stores only what is new.
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService } from '@osl/backend';
import { openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment();
const dir = path.join(environment.dataDir, 'fixtures');
let context: INestApplicationContext;

beforeAll(async () => {
  context = await openInstallation(environment);
});
afterAll(async () => {
  await context?.close();
});

describe('survey re-exports', () => {
  it('store each response once, keeping identical answers of different people', async () => {
    const header = ['Kod ankiety', 'Data wypełnienia', 'Społeczność', 'JAKOSC_ZYCIA', 'ZAUFANIE', 'UWAGI'];
    const march = [
      ['ANK-ROCZNA', '10.03.2022', 'WZG', '4', '5', ''],
      ['ANK-ROCZNA', '10.03.2022', 'WZG', '4', '5', ''],
      ['ANK-ROCZNA', '11.03.2022', 'OST', '2', '3', 'Za mało zajęć'],
    ];
    const april = [...march, ['ANK-ROCZNA', '02.04.2022', 'LAZ', '5', '5', '']];
    const importer = context.get(ImportService);
    const [first] = await importer.importPaths([writeCsv(dir, 'eksport-marzec.csv', [header, ...march])], { source: 'cli', importedBy: 'test' });
    expect(first).toMatchObject({ status: 'imported', created: 3 });
    // The April export repeats March's three responses (two of them identical) and adds one.
    const [second] = await importer.importPaths([writeCsv(dir, 'eksport-kwiecien.csv', [header, ...april])], { source: 'cli', importedBy: 'test' });
    expect(second).toMatchObject({ status: 'imported', created: 1, unchanged: 3 });
    expect(second!.warnings.map((w) => w.code)).toEqual(['survey_responses_already_stored']);
    expect(second!.warnings[0]!.message).toContain('Pominięto 3 odpowiedzi');
    expect(await context.get(DatabaseRepository).client.surveyResponse.count()).toBe(4);
  });
});
