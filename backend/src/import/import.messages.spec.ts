import { describe, expect, it } from 'vitest';
import { formatImportMessage, importMessages, type ImportMessageKey } from './import.messages.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('importMessages', () => {
  it.each(Object.keys(importMessages) as ImportMessageKey[])('%s has the same placeholders in Polish and English', (key) => {
    const { pl, en } = importMessages[key];
    expect(pl.length).toBeGreaterThan(0);
    expect(en.length).toBeGreaterThan(0);
    expect(placeholders(pl)).toEqual(placeholders(en));
  });

  it('fills placeholders, writing fractions with the language’s decimal mark', () => {
    expect(formatImportMessage('file_too_large', 'pl', { sizeMb: 51.5, limitMb: 50 })).toBe(
      'Plik ma 51,5 MB, a limit to 50 MB. Podziel dane na mniejsze pliki.',
    );
    expect(formatImportMessage('file_too_large', 'en', { sizeMb: 51.5, limitMb: 50 })).toBe(
      'The file is 51.5 MB; the limit is 50 MB. Split the data into smaller files.',
    );
    expect(formatImportMessage('number_invalid', 'pl', {})).toBe('„{value}” nie jest liczbą.');
  });
});
