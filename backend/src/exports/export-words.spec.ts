import { describe, expect, it } from 'vitest';
import { exportWords, fill, scopeWords, wordedColumns } from './export-words.ts';

describe('export words', () => {
  it('word every column in both languages', () => {
    for (const table of Object.values(exportWords.columns))
      for (const words of Object.values(table)) {
        expect(words.pl).not.toBe('');
        expect(words.en).not.toBe('');
      }
    expect(wordedColumns(exportWords.columns.audit, 'en').map((c) => c.header)).toEqual([
      'Id',
      'When',
      'Who',
      'Action',
      'Entity',
      'Entity id',
      'Changes',
      'IP address',
    ]);
  });

  it('fill placeholders and name the scope of a value', () => {
    expect(fill(exportWords.lapsedRule, 'pl', { min: 3, weeks: 8, days: 30 })).toBe('3+ obecności w 8 tyg., 30+ dni przerwy');
    expect(scopeWords('ALL', [], 'en')).toBe('Whole project');
    expect(scopeWords('OST', [{ code: 'OST', name: 'Ostrówek' }], 'pl')).toBe('Ostrówek');
  });
});
