import { describeFallback, stepLabelKeys, stepLabelText, type StepLabel } from '@osl/pipelines';
import { describe, expect, it } from 'vitest';
import { renderMessageRef } from '../lib/messages.ts';
import { messageOfEnglishNote, stepNameIn } from './pipeline-run-words.ts';

describe('stepNameIn', () => {
  it('words every step label in Polish and in English', () => {
    for (const key of stepLabelKeys) {
      const label: StepLabel = key === 'extract.changes' ? { key, params: { batch: 12 } } : { key };
      const step = { name: stepLabelText(label), label };
      for (const lang of ['pl', 'en'] as const) expect(stepNameIn(step, lang), key).not.toMatch(/[{}]|^$/);
      expect(stepNameIn(step, 'pl'), key).not.toBe(stepLabelText(label));
    }
    expect(stepNameIn({ name: 'read changes after import #25', label: { key: 'extract.changes', params: { batch: 25 } } }, 'pl')).toBe(
      'odczyt zmian od importu nr 25',
    );
  });

  it('words the English name of a step recorded before labels were kept', () => {
    expect(stepNameIn({ name: 'decline detection' }, 'pl')).toBe('wykrywanie spadków uczestnictwa');
    expect(stepNameIn({ name: 'read changes after import #7' }, 'pl')).toBe('odczyt zmian od importu nr 7');
    expect(stepNameIn({ name: 'something a later version calls it' }, 'pl')).toBe('something a later version calls it');
  });
});

describe('messageOfEnglishNote', () => {
  it('words a note recorded in English by its fallback reason', () => {
    const note = messageOfEnglishNote('full rebuild instead of incremental: the configuration changed');
    expect(note && renderMessageRef(note, 'pl')).toBe('pełna przebudowa zamiast przyrostowej: zmieniła się konfiguracja');
    const detail = 'IO Error: not a DuckDB file';
    const unreadable = messageOfEnglishNote(`full rebuild instead of incremental: ${describeFallback({ code: 'unreadable', detail })}`);
    expect(unreadable && renderMessageRef(unreadable, 'pl')).toBe(
      `pełna przebudowa zamiast przyrostowej: nie da się odczytać opublikowanego stanu (${detail})`,
    );
  });

  it('leaves any other text alone', () => {
    expect(messageOfEnglishNote('full rebuild instead of incremental: a reason of a later version')).toBeNull();
    expect(messageOfEnglishNote('DuckDB: out of memory')).toBeNull();
  });
});
