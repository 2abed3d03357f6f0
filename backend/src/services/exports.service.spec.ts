import { describe, expect, it } from 'vitest';
import { suppressionNote } from './exports.service.ts';

describe('suppressionNote', () => {
  it('says what the configured mark stands for, in the export’s language', () => {
    expect(suppressionNote({ limit: 3, label: '<3' }, 'pl')).toBe('„<3”: 1–2 osoby albo liczba ukryta, by nie dało się z niej odtworzyć takiej liczby (RODO).');
    expect(suppressionNote({ limit: 3, label: '<3' }, 'en')).toBe(
      '“<3”: 1–2 persons, or a figure hidden so that such a count cannot be worked out from it (GDPR).',
    );
    expect(suppressionNote({ limit: 5, label: '<5' }, 'pl')).toMatch(/^„<5”: 1–4 osoby albo /);
    expect(suppressionNote({ limit: 6, label: '*' }, 'pl')).toMatch(/^„\*”: 1–5 osób albo/);
    expect(suppressionNote({ limit: 2, label: '<2' }, 'pl')).toMatch(/^„<2”: 1 osoba albo/);
    expect(suppressionNote({ limit: 2, label: '<2' }, 'en')).toMatch(/^“<2”: 1 person, or/);
  });
});
