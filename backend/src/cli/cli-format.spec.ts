import { describe, expect, it } from 'vitest';
import type { PipelineRunReport } from '../services/pipeline.service.ts';
import { formatAuditVerdict, formatIndicatorTable, formatPipelineRun } from './cli-format.ts';

const run: PipelineRunReport = {
  id: 7,
  trigger: 'cli',
  mode: 'incremental',
  status: 'succeeded',
  fallbackReason: null,
  startedAt: '2026-12-07T10:00:00Z',
  finishedAt: '2026-12-07T10:00:02Z',
  asOf: null,
  steps: [{ name: 'facts', label: { key: 'facts' }, rowsRead: 10, rowsWritten: 12, ms: 40 }],
  error: null,
};

describe('the command line in the reader’s language', () => {
  it('words a run’s mode and steps in Polish, and in English when asked', () => {
    const polish = formatPipelineRun(run, 'pl');
    expect(polish).toMatch(/^Przebieg #7 \(przyrostowy\): zakończony\n/);
    expect(polish).not.toMatch(/incremental|facts/);
    expect(formatPipelineRun(run, 'en')).toMatch(/^Run #7 \(incremental\): finished\n {2}\S.*: 10 → 12 rows, 40 ms\n$/);
  });

  it('heads the indicator table and words statuses in the language asked', () => {
    const rows = [{ code: 'P1', community: 'ALL', year: 2022, value: 100, target: 120, achievement: 0.8333, status: 'at_risk' }] as Parameters<
      typeof formatIndicatorTable
    >[0];
    expect(formatIndicatorTable(rows, 'pl')).toMatch(/^wskaźnik.*status\nP1 +ALL +2022 +100 +120 +83\.3% +zagrożony\n$/);
    expect(formatIndicatorTable(rows, 'en')).toMatch(/^indicator.*status\nP1 +ALL +2022 +100 +120 +83\.3% +at risk\n$/);
    expect(formatIndicatorTable([], 'en')).toMatch(/^No published results/);
  });
});

describe('the audit chain verdict in words', () => {
  const last = { id: 41, at: '2026-07-01T10:15:00.000Z', hash: 'ab'.repeat(32) };
  it('says an intact trail with its count, its last time in Warsaw and the hash to write down', () => {
    const text = formatAuditVerdict({ intact: true, entries: 41, firstBroken: null, checkedAt: '2026-07-02T08:00:00.000Z', last }, 'pl');
    expect(text).toContain('Dziennik zmian jest spójny: 41 wpisów, do 01.07.2026, 12:15:00');
    expect(text).toContain('ab'.repeat(32));
    expect(formatAuditVerdict({ intact: true, entries: 0, firstBroken: null, checkedAt: '2026-07-02T08:00:00.000Z', last: null }, 'en')).toBe(
      'The audit trail is empty: nothing to check.\n',
    );
  });
  it('names the first broken entry and why, in either language', () => {
    const broken = { intact: false, entries: 41, firstBroken: { id: 17, reason: 'link-broken' as const }, checkedAt: '2026-07-02T08:00:00.000Z', last };
    expect(formatAuditVerdict(broken, 'pl')).toMatch(/^DZIENNIK ZMIAN NARUSZONY: wpis #17 \(sprawdzono 41 wpisów\)\.\nWpis nie wskazuje na poprzedni/);
    expect(formatAuditVerdict(broken, 'en')).toMatch(
      /^AUDIT TRAIL TAMPERED WITH: entry #17 \(41 entries checked\)\.\nThe entry does not point to the one before it/,
    );
    expect(formatAuditVerdict(broken, 'en')).not.toContain('ab'.repeat(32));
  });
});
