import { describe, expect, it } from 'vitest';
import { codeSuggester, NearestKnown, neighbourhoodHashes, normaliseCode, suggester, withinOneEdit } from './suggestions.ts';

/** Optimal string alignment distance, the textbook way: the reference `withinOneEdit` must agree with. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('normaliseCode', () => {
  it('ignores case, Polish diacritics, spaces, dashes, underscores and other punctuation', () => {
    expect(normaliseCode('ost 0005')).toBe(normaliseCode('OST-0005'));
    expect(normaliseCode('A_12')).toBe('a12');
    expect(normaliseCode('WZG/2024/001')).toBe('wzg2024001');
    expect(normaliseCode('Łąka-1')).toBe('laka1');
  });
});

describe('withinOneEdit', () => {
  it('allows one insertion, deletion, replacement or swap of neighbours, and nothing more', () => {
    expect(withinOneEdit('k10', 'k10')).toBe(true);
    expect(withinOneEdit('k1o', 'k10')).toBe(true); // replaced
    expect(withinOneEdit('a12', 'a1')).toBe(true); // one more
    expect(withinOneEdit('a1', 'a12')).toBe(true); // one fewer
    expect(withinOneEdit('marja', 'maria')).toBe(true);
    expect(withinOneEdit('ost0050', 'ost0005')).toBe(true); // neighbours swapped
    expect(withinOneEdit('ost5000', 'ost0005')).toBe(false);
    expect(withinOneEdit('abc', 'cab')).toBe(false);
    expect(withinOneEdit('abcd', 'ab')).toBe(false);
    expect(withinOneEdit('', 'a')).toBe(true);
    expect(withinOneEdit('', '')).toBe(true);
  });

  it('agrees with the Damerau–Levenshtein (optimal string alignment) distance on random strings', () => {
    let seed = 13;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n; // the high bits: the low ones of an LCG cycle quickly
    const word = () => Array.from({ length: next(6) }, () => 'abc'[next(3)]).join('');
    let close = 0;
    for (let k = 0; k < 20_000; k++) {
      const a = word();
      // Half the pairs are one random edit apart, so that both answers are tested often.
      const b = k % 2 === 0 ? word() : oneRandomEdit(a, next);
      const expected = referenceDistance(a, b) <= 1;
      if (expected) close++;
      expect(withinOneEdit(a, b), `${a} ~ ${b}`).toBe(expected);
      expect(withinOneEdit(b, a)).toBe(expected);
    }
    expect(close).toBeGreaterThan(5_000);
  });
});

function oneRandomEdit(a: string, next: (n: number) => number): string {
  const at = next(a.length + 1);
  switch (next(4)) {
    case 0:
      return a.slice(0, at) + 'abc'[next(3)] + a.slice(at);
    case 1:
      return a.slice(0, at) + a.slice(at + 1);
    case 2:
      return a.slice(0, at) + 'abc'[next(3)] + a.slice(at + 1);
    default:
      return a.slice(0, at) + (a[at + 1] ?? '') + (a[at] ?? '') + a.slice(at + 2);
  }
}

describe('neighbourhoodHashes', () => {
  it('hashes the key less each character as that shorter key itself is hashed', () => {
    for (const key of ['', 'a', 'ost0005', 'maria dąbrowska', 'zażółć gęślą jaźń']) {
      const hashes = neighbourhoodHashes(key);
      expect(hashes).toHaveLength(key.length + 1);
      expect(hashes[0]).toBe(neighbourhoodHashes(key)[0]);
      for (let i = 0; i < key.length; i++) expect(hashes).toContain(neighbourhoodHashes(key.slice(0, i) + key.slice(i + 1))[0]);
    }
  });
});

describe('NearestKnown', () => {
  const known = (keys: string[]) => new NearestKnown(keys.map((key) => [key, key.toUpperCase()] as const));

  it('suggests the one value one edit away', () => {
    const index = known(['k10', 'k20', 'wzg0001', 'maria dabrowska']);
    expect(index.find('k1o')).toBe('K10');
    expect(index.find('wzg001')).toBe('WZG0001');
    expect(index.find('marja dabrowska')).toBe('MARIA DABROWSKA');
    expect(index.find('k30x')).toBeNull();
  });

  it('suggests nothing when two values are as close', () => {
    expect(known(['k10', 'k11']).find('k1o')).toBeNull();
    // Two people of the same name: the key is the same, the values differ.
    const namesakes = new NearestKnown([
      ['anna nowak', 'WZG-1'],
      ['anna nowak', 'WZG-2'],
    ]);
    expect(namesakes.find('anna nowal')).toBeNull();
    expect(namesakes.find('anna nowak')).toBeNull();
  });

  it('prefers the value equal to the key over those one edit away, and never breaks a tie with a farther one', () => {
    expect(known(['a12', 'a13']).find('a12')).toBe('A12');
    const sameKey = new NearestKnown([
      ['a12', 'A-12'],
      ['a12', 'A12'],
      ['a13', 'A13'],
    ]);
    expect(sameKey.find('a12')).toBeNull();
  });

  it('counts a value known by two keys (a code and a name) once', () => {
    const survey = { code: 'ANK-PO' };
    const index = new NearestKnown([
      ['ankpo', survey],
      ['ankpa', survey],
    ]);
    expect(index.find('ankpp')).toBe(survey);
  });

  it('suggests no edit in keys of fewer than three characters', () => {
    expect(known(['a1']).find('a2')).toBeNull();
    expect(known(['a1']).find('a1')).toBe('A1');
    expect(known(['a12']).find('a1')).toBeNull();
  });

  it('answers as a comparison with every key would, on random keys and queries', () => {
    let seed = 29;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n; // the high bits: the low ones of an LCG cycle quickly
    const word = () => Array.from({ length: 1 + next(7) }, () => 'abcdefgh'[next(8)]).join('');
    const entries = Array.from({ length: 500 }, (_, i) => [word(), `V${i % 480}`] as const);
    const index = new NearestKnown(entries);
    const scan = (query: string) => {
      const equal = new Set(entries.filter(([key]) => key === query).map(([, value]) => value));
      if (equal.size > 0) return equal.size === 1 ? [...equal][0] : null;
      const near = new Set(
        entries
          .filter(([key]) => query.length >= 3 && key.length >= 3 && Math.abs(key.length - query.length) <= 1 && referenceDistance(key, query) === 1)
          .map(([, value]) => value),
      );
      return near.size === 1 ? [...near][0] : null;
    };
    let suggested = 0;
    for (let k = 0; k < 1_000; k++) {
      // Half the queries are one edit from a key, half anything.
      const query = k % 2 === 0 ? word() : oneRandomEdit(entries[next(entries.length)]![0], next);
      const expected = scan(query);
      if (expected) suggested++;
      expect(index.find(query), query).toBe(expected);
    }
    expect(suggested).toBeGreaterThan(100);
  });

  it('finds the one close key among 20,000', () => {
    const codes = Array.from({ length: 20_000 }, (_, i) => `laz${String(i * 7).padStart(6, '0')}`);
    const index = known(codes);
    expect(index.find('laz000007x')).toBe('LAZ000007');
    expect(index.find('lza000007')).toBe('LAZ000007');
    expect(index.find('laz000008')).toBeNull(); // one edit from 000007, 000028 and 000098
  });
});

describe('suggester', () => {
  it('builds its index on first use only, and looks each distinct text up once', () => {
    let built = 0;
    let normalised = 0;
    const suggest = suggester(
      () => {
        built++;
        return [['ost0005', 'OST-0005'] as const];
      },
      (text) => {
        normalised++;
        return normaliseCode(text);
      },
    );
    expect(built).toBe(0);
    for (let i = 0; i < 1_000; i++) expect(suggest('ost 0005')).toBe('OST-0005');
    expect(suggest('ost 0006')).toBe('OST-0005');
    expect(suggest('xyz')).toBeNull();
    expect([built, normalised]).toEqual([1, 3]);
  });

  it('suggests codes as written in the register', () => {
    const suggest = codeSuggester(() => ['OST-0005', 'K10', 'A12']);
    expect(suggest('ost 0005')).toBe('OST-0005');
    expect(suggest('K1O')).toBe('K10');
    expect(suggest('A-12')).toBe('A12');
    expect(suggest('Z-99')).toBeNull();
  });
});
