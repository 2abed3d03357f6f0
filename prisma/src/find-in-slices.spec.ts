import { describe, expect, it } from 'vitest';
import { findInSlices } from './operational-database.ts';

const idsPerStatement = 500;

describe('findInSlices', () => {
  it('asks for at most the given number of ids at a time and returns every row in order', async () => {
    const ids = Array.from({ length: idsPerStatement * 2 + 7 }, (_, i) => i);
    const asked: number[] = [];
    const rows = await findInSlices(ids, idsPerStatement, async (slice) => {
      asked.push(slice.length);
      return slice.map((id) => ({ id }));
    });
    expect(asked).toEqual([idsPerStatement, idsPerStatement, 7]);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it('runs no query for no ids', async () => {
    let calls = 0;
    expect(await findInSlices([], idsPerStatement, async () => [calls++])).toEqual([]);
    expect(calls).toBe(0);
  });
});
