import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testConfig, testContext, testLimits } from '../import/fixtures/import-fixtures.ts';
import { importKinds, type ImportKind } from '../import/import.types.ts';
import { readTable } from '../import/parsing/table-reader.ts';
import { validateTable } from '../import/validation/validate-file.ts';
import type { ConfigurationService } from './configuration.service.ts';
import { exampleDate, ImportTemplateService } from './import-template.service.ts';

const service = new ImportTemplateService({ current: () => testConfig() } as unknown as ConfigurationService);

async function template(kind: ImportKind, survey?: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await service.build(kind, survey)) as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('ImportTemplateService', () => {
  it('heads every column in Polish, a survey’s questions by their text', async () => {
    const activities = await template('activities');
    expect(rowValues(activities.getWorksheet('dzialania')!, 1)).toEqual([
      'Nr działania',
      'Data',
      'Społeczność',
      'Typ działania',
      'Tytuł',
      'Czas trwania (h)',
      'Prowadzący',
      'Miejsce',
      'Liczba osób bez listy',
      'Inicjatywa mieszkańców',
    ]);
    const survey = await template('survey', 'ANK-PO');
    expect(rowValues(survey.getWorksheet('ankieta')!, 1)).toEqual([
      'Ankieta',
      'Data wypełnienia',
      'Społeczność',
      'Kod uczestnika',
      'Jak oceniasz to działanie?',
      'Czy przyjdziesz ponownie?',
      'Uwagi',
    ]);
    expect(survey.getWorksheet('ankieta')!.getCell('E1').note).toBe('Pytanie OCENA: odpowiedź 1–5');
  });

  it('offers names in the drop-down lists, never codes such as ANIM_KULT', async () => {
    const workbook = await template('activities');
    const lists = workbook.getWorksheet('listy')!;
    const column = (letter: string) => lists.getColumn(letter).values.slice(1) as unknown[];
    const config = testConfig();
    expect(column('A')).toEqual(['Społeczności', ...config.communities.map((c) => c.name)]);
    expect(column('B')).toEqual(['Rodzaje działań', ...config.activityTypes.map((t) => t.namePl)]);
    expect(column('B')).not.toContain('ANIM_KULT');
    const sheet = workbook.getWorksheet('dzialania')!;
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [`listy!$A$2:$A$${config.communities.length + 1}`] });
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list', error: 'Wybierz wartość z listy.' });
  });

  it('dates the example inside the project period', async () => {
    const { periodStart, periodEnd } = testConfig().project;
    for (const kind of ['activities', 'participants'] as const) {
      const example = (await template(kind)).getWorksheet('przyklad')!;
      const dates = rowValues(example, 2).filter((v): v is Date => v instanceof Date);
      expect(dates.length, kind).toBeGreaterThan(0);
      for (const date of dates) expect(date.toISOString().slice(0, 10), kind).toMatch(new RegExp(`^${periodStart.slice(0, 4)}-`));
      for (const date of dates) expect(date.toISOString().slice(0, 10) <= periodEnd, kind).toBe(true);
    }
    expect(exampleDate('2021-01-01', '2023-12-31').toISOString().slice(0, 10)).toBe('2021-03-15');
    expect(exampleDate('2024-11-01', '2024-12-10').toISOString().slice(0, 10)).toBe('2024-12-10');
  });

  it.each(importKinds)('%s: its example row, copied into the sheet to fill, imports as it is', async (kind) => {
    const workbook = await template(kind);
    const sheet = workbook.worksheets[0]!;
    sheet.getRow(2).values = workbook.getWorksheet('przyklad')!.getRow(2).values;
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), `szablon-${kind}.xlsx`, testLimits);
    const context = testContext({
      activities: { 'WZG/2021/001': { date: '2021-03-15', communityCode: 'WZG' } },
      participants: { 'WZG-0001': { communityCode: 'WZG' } },
    });
    const result = validateTable(table, context);
    expect(result.kind).toBe(kind);
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(1);
  });
});
