import { afterAll, describe, expect, it } from 'vitest';
import { fileRejection, handMadeWorkbook, testLimits } from '../fixtures/import-fixtures.ts';
import { closeReaderThread, readTable } from './table-reader.ts';

afterAll(() => closeReaderThread());

const rejection = fileRejection;

/** A workbook of `rows` rows of ten cells, each a text of its own: few bytes, many objects once read. */
function manyCells(rows: number): Buffer {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++)
    parts.push(`<row r="${r}">${Array.from({ length: 10 }, (_, c) => `<c t="inlineStr"><is><t>w${r}.${c}</t></is></c>`).join('')}</row>`);
  const xml = `<sheetData>${parts.join('')}</sheetData>`;
  return handMadeWorkbook({ sheets: [{ name: 'S', xml }] });
}

const tiny = handMadeWorkbook({ sheets: [{ name: 'S', xml: '<sheetData><row><c><v>1</v></c></row></sheetData>' }] });

describe('readTable: a workbook is read in a thread with a time and a memory limit', () => {
  it('this thread goes on meanwhile', async () => {
    const workbook = manyCells(30_000);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    try {
      expect((await readTable(workbook, 'duzy.xlsx', testLimits)).rows.length).toBe(30_000);
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(3);
  });

  it('past the time limit: "too complex, save it as CSV", and the next workbook is read by a new thread', async () => {
    const error = await rejection(readTable(manyCells(20_000), 'w.xlsx', { ...testLimits, readTimeoutSeconds: 0.001 }));
    expect([error.code, error.params]).toEqual(['xlsx_too_complex', { seconds: 0, limitMb: 2048 }]);
    expect(error.message).toContain('Zapisz arkusz z danymi w Excelu jako „CSV UTF-8”');
    expect((await readTable(tiny, 'w.xlsx', testLimits)).rows).toEqual([{ rowNumber: 1, cells: [1] }]);
  });

  it('past the memory limit: the same refusal, and the next workbook is read', async () => {
    const error = await rejection(readTable(manyCells(100_000), 'ogromny.xlsx', { ...testLimits, readerMemoryMb: 32 }));
    expect([error.code, error.params]).toEqual(['xlsx_too_complex', { seconds: 120, limitMb: 32 }]);
    expect((await readTable(tiny, 'maly.xlsx', testLimits)).rows).toHaveLength(1);
  }, 60_000);
});
