import { describe, expect, it } from 'vitest';
import { suppressionNote } from './exports.service.ts';

describe('suppressionNote', () => {
  it('says what the configured mark stands for, as before for the default', () => {
    expect(suppressionNote({ limit: 3, label: '<3' })).toBe(
      '"<3": 1–2 osoby albo liczba ukryta, by nie dało się z niej odtworzyć takiej liczby (RODO) / "<3": 1–2 persons, or a figure hidden so that such a count cannot be worked out from it (GDPR).',
    );
    expect(suppressionNote({ limit: 5, label: '<5' })).toMatch(/^"<5": 1–4 osoby albo .* \/ "<5": 1–4 persons, or/);
    expect(suppressionNote({ limit: 6, label: '*' })).toMatch(/^"\*": 1–5 osób albo/);
    expect(suppressionNote({ limit: 2, label: '<2' })).toMatch(/^"<2": 1 osoba albo .* "<2": 1 person, or/);
  });
});
