import { describe, expect, it } from 'vitest';
import * as codeLabels from './code-labels.ts';
import { labelOf, type LabelMap } from './label-map.ts';

const POLISH_LETTERS = /[ąćęłńóśźż]/i;

describe('code labels', () => {
  it('word every code in both languages, Polish not the code itself, English without Polish letters, none alike', () => {
    for (const [name, map] of Object.entries(codeLabels) as [string, LabelMap<string>][]) {
      const codes = Object.keys(map);
      expect(codes.length, name).toBeGreaterThan(1);
      for (const code of codes) {
        expect(map[code].pl.trim(), `${name}.${code}`).not.toBe('');
        expect(map[code].pl, `${name}.${code}`).not.toBe(code);
        expect(map[code].en, `${name}.${code}`).not.toMatch(POLISH_LETTERS);
      }
      for (const lang of ['pl', 'en'] as const) expect(new Set(codes.map((c) => map[c][lang])).size, `${name} ${lang}`).toBe(codes.length);
    }
  });

  it('give a code they do not know back as it is', () => {
    expect(labelOf(codeLabels.indicatorStatusLabels, 'on_track', 'pl')).toBe('Zgodnie z planem');
    expect(labelOf(codeLabels.indicatorStatusLabels, 'something_new', 'en')).toBe('something_new');
  });
});
