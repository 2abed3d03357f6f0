import type { PipelineStep } from './pipeline-step.ts';

/** Reads the operational database (everything, or the rows of import batches after the watermark) into the staging tables. */
export const extractStep: PipelineStep = {
  name: 'extract',
  label: ({ mode, sinceBatch }) => (mode === 'full' ? { key: 'extract.full' } : { key: 'extract.changes', params: { batch: sinceBatch } }),
  reads: [],
  writes: ['stage_participant', 'stage_activity', 'stage_attendance', 'stage_survey_answer'],
  sql: [],
  async run({ db, extract, workDir, sinceBatch, state }) {
    const staged = await extract.stage(db, workDir, sinceBatch);
    state.totals = staged.totals;
    state.staged = staged.staged;
    state.watermark = staged.watermark;
    const read = Object.values(staged.staged).reduce((a, b) => a + b, 0);
    return { rowsRead: read, rowsWritten: read };
  },
};
