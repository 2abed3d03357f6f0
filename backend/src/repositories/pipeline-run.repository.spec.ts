import { describeFallback, type FallbackReason } from '@osl/pipelines';
import { describe, expect, it } from 'vitest';
import { renderMessageRef } from '../lib/messages.ts';
import { fullRebuildNote } from './pipeline-run.repository.ts';

describe('fullRebuildNote', () => {
  it('keeps every fallback reason of the aggregation job as a message in both languages', () => {
    // Every code of FallbackReason (the Record in the repository makes a new one fail to compile).
    const fixed: FallbackReason[] = [{ code: 'nothing_published' }, { code: 'layout_changed' }, { code: 'config_changed' }, { code: 'decline_method_changed' }];
    for (const reason of fixed) {
      const note = fullRebuildNote(reason);
      expect(typeof note.params?.reason, reason.code).toBe('object');
      expect(renderMessageRef(note, 'en')).toBe(`full rebuild instead of incremental: ${describeFallback(reason)}`);
      expect(renderMessageRef(note, 'pl')).not.toContain(describeFallback(reason));
    }
  });

  it('keeps the detail of an unreadable state or a mismatch', () => {
    const unreadable = fullRebuildNote({ code: 'unreadable', detail: 'IO Error: not a DuckDB file' });
    expect(renderMessageRef(unreadable, 'pl')).toBe(
      'pełna przebudowa zamiast przyrostowej: nie da się odczytać opublikowanego stanu (IO Error: not a DuckDB file)',
    );
    const detail = 'attendances: the facts hold 3 rows, the operational database 4';
    const mismatch = fullRebuildNote({ code: 'facts_mismatch', detail });
    expect(renderMessageRef(mismatch, 'en')).toBe(`full rebuild instead of incremental: incremental state does not match (${detail})`);
    expect(renderMessageRef(mismatch, 'en')).toBe(`full rebuild instead of incremental: ${describeFallback({ code: 'facts_mismatch', detail })}`);
    expect(renderMessageRef(mismatch, 'pl')).toMatch(/^pełna przebudowa zamiast przyrostowej: stan przyrostowy nie zgadza się/);
  });
});
