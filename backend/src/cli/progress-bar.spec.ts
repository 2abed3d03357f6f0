import { describe, expect, it } from 'vitest';
import { formatDuration, formatImportProgress } from './progress-bar.ts';

describe('formatImportProgress', () => {
  it('shows the bar, percent, rows, speed and time left', () => {
    const line = formatImportProgress(
      { file: 'lista.csv', fileIndex: 0, fileCount: 1, phase: 'writing', rowsDone: 250_000, rowsTotal: 1_000_000 },
      125_000,
      'pl',
      8,
    );
    expect(line).toBe('lista.csv zapis ██░░░░░░ 25% 250\u00a0000/1\u00a0000\u00a0000 wierszy · 125\u00a0000 wierszy/s · jeszcze 6 s');
  });

  it('numbers the files of a multi-file import and has no speed before it is known', () => {
    const line = formatImportProgress({ file: 'b.xlsx', fileIndex: 1, fileCount: 3, phase: 'reading', rowsDone: 0, rowsTotal: 0 }, null, 'pl', 4);
    expect(line).toBe('[2/3] b.xlsx odczyt ░░░░ 0%');
  });

  it('speaks English when asked', () => {
    const line = formatImportProgress(
      { file: 'lista.csv', fileIndex: 0, fileCount: 1, phase: 'writing', rowsDone: 250_000, rowsTotal: 1_000_000 },
      125_000,
      'en',
      8,
    );
    expect(line).toBe('lista.csv writing ██░░░░░░ 25% 250\u00a0000/1\u00a0000\u00a0000 rows · 125\u00a0000 rows/s · 6 s left');
  });
});

describe('formatDuration', () => {
  it('uses seconds, then minutes', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
  });
});
