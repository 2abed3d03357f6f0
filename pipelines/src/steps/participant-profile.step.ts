import { countRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import type { PipelineStep } from './pipeline-step.ts';

/**
 * Persons by gender and age band per community (and ALL) and year: every year in a full run, the
 * years an incremental run touched (its days, and every year of a person whose register row changed).
 */
export const participantProfileStep: PipelineStep = {
  name: 'participant-profile',
  label: () => ({ key: 'participant-profile' }),
  reads: ['fact_attendance', 'dim_participant', 'staged_dates'],
  writes: ['agg_participant_profile'],
  sql: ['participant-profile'],
  async run({ db, mode, sinceBatch }) {
    await runSqlFile(db, 'participant-profile', [mode === 'full', sinceBatch]);
    return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_participant_profile') };
  },
};
