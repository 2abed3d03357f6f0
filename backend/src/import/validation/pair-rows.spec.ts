import { describe, expect, it } from 'vitest';
import { PairRows, StringIds } from './pair-rows.ts';

describe('PairRows', () => {
  it('returns the first row of a pair seen before, and -1 for a new pair (also after growing)', () => {
    const pairs = new PairRows(4); // starts small, grows many times
    const reference = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 300;
    for (let row = 1; row <= 20_000; row++) {
      const a = next();
      const b = next();
      const expected = reference.get(`${a},${b}`) ?? -1;
      if (expected < 0) reference.set(`${a},${b}`, row);
      expect(pairs.firstRowOrAdd(a, b, row)).toBe(expected);
    }
    expect(reference.size).toBeGreaterThan(5_000); // many distinct pairs, many repeats
  });

  it('tells (a, b) from (b, a)', () => {
    const pairs = new PairRows(10);
    expect(pairs.firstRowOrAdd(1, 2, 10)).toBe(-1);
    expect(pairs.firstRowOrAdd(2, 1, 11)).toBe(-1);
    expect(pairs.firstRowOrAdd(1, 2, 12)).toBe(10);
  });
});

describe('StringIds', () => {
  it('numbers the initial strings in order and adds others on request', () => {
    const ids = new StringIds(['A-1', 'A-2']);
    expect(ids.get('A-2')).toBe(1);
    expect(ids.get('A-3')).toBe(-1);
    expect(ids.add('A-3')).toBe(2);
    expect(ids.add('A-1')).toBe(0);
  });
});
