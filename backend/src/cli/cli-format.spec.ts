import { describe, expect, it } from 'vitest';
import type { PipelineRunReport } from '../services/pipeline.service.ts';
import { formatIndicatorTable, formatPipelineRun } from './cli-format.ts';

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
