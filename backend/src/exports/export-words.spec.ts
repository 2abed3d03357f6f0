import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionText, auditActionWords, auditEntityText, auditEntityWords, exportWords, statusWords, unitWords, wordOf } from './export-words.ts';

/** The words of a label map in a dashboard source: `'code': { pl: '…', en: '…' }` lines of the map named. */
function dashboardMap(file: string, name: string): Record<string, { pl: string; en: string }> {
  const text = readFileSync(path.resolve(__dirname, '../../../dashboard/src', file), 'utf8');
  const start = text.indexOf(`export const ${name}`);
  const body = text.slice(start, text.indexOf('\n};', start));
  return Object.fromEntries(
    [...body.matchAll(/^\s*'?([\w.-]+)'?: \{ pl: '((?:[^'\\]|\\.)*)', en: '((?:[^'\\]|\\.)*)' \},$/gm)].map((m) => [
      m[1]!,
      { pl: m[2]!.replace(/\\'/g, "'"), en: m[3]!.replace(/\\'/g, "'") },
    ]),
  );
}

describe('export words', () => {
  it('name the audit trail’s actions and entities as its page does', () => {
    const actions = dashboardMap('lib/audit/audit-labels.ts', 'auditActionLabels');
    expect(Object.keys(actions).length).toBeGreaterThan(20);
    expect(auditActionWords).toEqual(actions);
    expect(auditEntityWords).toEqual(dashboardMap('lib/audit/audit-labels.ts', 'auditEntityLabels'));
    expect(auditActionText('export.indicators', 'pl')).toBe('Wyeksportowano wskaźniki');
    expect(auditActionText('survey.deleted', 'en')).toBe('other action (survey.deleted)');
    expect(auditEntityText('importBatch', 'pl')).toBe('import pliku');
  });

  it('word units as the dashboard does, and every status and column in both languages', () => {
    expect(unitWords).toEqual(dashboardMap('lib/i18n/labels.ts', 'indicatorUnitLabels'));
    expect(wordOf(statusWords, 'on_track', 'pl')).toBe('Zgodnie z planem');
    expect(wordOf(statusWords, 'something_new', 'pl')).toBe('something_new');
    for (const table of Object.values(exportWords.columns))
      for (const words of Object.values(table)) {
        expect(words.pl).not.toBe('');
        expect(words.en).not.toBe('');
      }
  });
});
