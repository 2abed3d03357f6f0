// Issue 13: workbooks as spreadsheet programs really write them (tests/fixtures/workbooks/README.md)
// import to the right rows, with what the person sees in each cell; what cannot be read is refused
// with what to do, and nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository } from '@osl/backend';
import { readTable } from '../../backend/src/import/parsing/table-reader.ts';
import { csv, importOne, importRejected } from '../support/import-fixtures.ts';
import { openInstallation, repositoryRoot, temporaryEnvironment } from '../support/installation.ts';

const workbook = (name: string) => fs.readFileSync(path.join(repositoryRoot, 'tests', 'fixtures', 'workbooks', name));
const environment = temporaryEnvironment('2024-03-01T12:00:00Z');
let context: INestApplicationContext;

beforeAll(async () => {
  context = await openInstallation(environment);
  // The register and the log the list refers to.
  const files: [string, string[][]][] = [
    [
      'rejestr.csv',
      [
        ['Kod', 'Społeczność'],
        ['LAZ-1', 'LAZ'],
        ['LAZ-2', 'LAZ'],
        ['LAZ-3', 'LAZ'],
      ],
    ],
    [
      'dziennik.csv',
      [
        ['ID działania', 'Data', 'Społeczność', 'Typ', 'Tytuł'],
        ['L1', '15.02.2022', 'LAZ', 'WARSZTAT', 'Warsztaty'],
      ],
    ],
  ];
  for (const [name, rows] of files) expect((await importOne(context, name, csv(rows))).status, name).toBe('imported');
});

afterAll(async () => {
  await context?.close();
});

describe('a list saved by LibreOffice Calc as XLSX', () => {
  it('reads the list from its second sheet: merged title, activity id merged down, real dates, 0 and FALSE results kept', async () => {
    const report = await importOne(context, 'lista-obecnosci-libreoffice.xlsx', workbook('lista-obecnosci-libreoffice.xlsx'));
    expect(report.errors).toEqual([]);
    expect([report.status, report.kind, report.created]).toEqual(['imported', 'attendance', 3]);
    // The sheet read is named, and the columns the list has beyond an attendance list are named too.
    expect(report.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['sheet_read_instead_of_no_header', 'unknown_column']));
    expect(report.warnings.find((w) => w.code === 'sheet_read_instead_of_no_header')?.message).toContain('„Lista”');
    // As the cells hold them: the merged id in each of its rows, dates as dates, the results 0 and FALSE (0 in LibreOffice's file).
    const table = await readTable(workbook('lista-obecnosci-libreoffice.xlsx'), 'lista.xlsx', { maxFileBytes: 1e6, maxRows: 100 });
    expect(table.otherSheets?.[0]?.rows.slice(3).map((row) => row.cells)).toEqual([
      ['L1', 'LAZ-1', { date: '2022-02-15' }, 0, 0],
      ['L1', 'LAZ-2', { date: '2022-02-15' }, 6, 'tak'],
      ['L1', 'LAZ-3', { date: '2022-02-15' }],
    ]);
    const stored = await context.get(DatabaseRepository).client.attendance.findMany({ include: { participant: true, activity: true } });
    expect(stored.map((a) => [a.activity.externalId, a.participant?.code]).sort()).toEqual([
      ['L1', 'LAZ-1'],
      ['L1', 'LAZ-2'],
      ['L1', 'LAZ-3'],
    ]);
  });
});

describe('what LibreOffice can save but the importer cannot read: refused with the steps to save it right', () => {
  it('the same list as .ods and as .xls (Excel 97–2003)', async () => {
    const ods = await importRejected(context, 'lista.ods', workbook('lista-obecnosci-libreoffice.ods'));
    expect([ods.errors[0]!.code, ods.errors[0]!.message]).toEqual(['ods_format', expect.stringContaining('Plik → Zapisz jako → typ „Excel 2007-365 (.xlsx)”')]);
    const xls = await importRejected(context, 'lista.xls', workbook('lista-obecnosci-libreoffice.xls'), { lang: 'en' });
    expect(xls.errors[0]).toMatchObject({ code: 'xls_version', message: expect.stringContaining('old-format Excel file (Excel 97–2003 (.xls))') });
  });
});
