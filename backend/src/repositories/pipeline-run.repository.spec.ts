import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessageRef } from '../lib/messages.ts';
import { fullRebuildNote } from './pipeline-run.repository.ts';

describe('fullRebuildNote', () => {
  it('keeps every fixed reason of the aggregation job as a message in both languages', () => {
    // The job's own words (pipelines/src/jobs/aggregate.job.ts): a reason added there must be added here.
    const source = fs.readFileSync(path.join(import.meta.dirname, '../../../pipelines/src/jobs/aggregate.job.ts'), 'utf8');
    const fixed = [...source.matchAll(/fallbackReason = '([^']+)'/g)].map((m) => m[1]);
    expect(fixed.length).toBeGreaterThanOrEqual(4);
    for (const reason of fixed) {
      const note = fullRebuildNote(reason);
      expect(typeof note.params?.reason, reason).toBe('object');
      expect(renderMessageRef(note, 'en')).toBe(`full rebuild instead of incremental: ${reason}`);
      expect(renderMessageRef(note, 'pl')).not.toContain(reason);
    }
  });

  it('keeps the detail of an unreadable state or a mismatch, and an unforeseen reason as it is', () => {
    const unreadable = fullRebuildNote('the published state cannot be read (IO Error: not a DuckDB file)');
    expect(renderMessageRef(unreadable, 'pl')).toBe(
      'pełna przebudowa zamiast przyrostowej: nie da się odczytać opublikowanego stanu (IO Error: not a DuckDB file)',
    );
    const mismatch = fullRebuildNote('incremental state does not match (attendances: the facts hold 3 rows, the operational database 4)');
    expect(renderMessageRef(mismatch, 'en')).toBe(
      'full rebuild instead of incremental: incremental state does not match (attendances: the facts hold 3 rows, the operational database 4)',
    );
    expect(renderMessageRef(mismatch, 'pl')).toMatch(/^pełna przebudowa zamiast przyrostowej: stan przyrostowy nie zgadza się/);
    expect(renderMessageRef(fullRebuildNote('something new'), 'pl')).toBe('pełna przebudowa zamiast przyrostowej: something new');
  });
});
