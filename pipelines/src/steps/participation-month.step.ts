import { countRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** The month table of the overview chart, with the persons reached to each month's end. */
export const participationMonthStep: PipelineStep = {
  name: 'participation-month',
  label: () => ({ key: 'participation-month' }),
  reads: ['agg_participation', 'person_first', 'person_first_anywhere'],
  writes: ['agg_participation_month'],
  sql: ['participation-month'],
  async run({ db }) {
    await runSqlFile(db, 'participation-month');
    return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_participation_month') };
  },
};
