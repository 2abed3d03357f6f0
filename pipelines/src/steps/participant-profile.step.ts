import { countRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** Persons by gender and age band per community (and ALL) and year, recomputed in full each run (a small table). */
export const participantProfileStep: PipelineStep = {
  name: 'participant-profile',
  label: () => ({ key: 'participant-profile' }),
  reads: ['fact_attendance', 'dim_participant'],
  writes: ['agg_participant_profile'],
  sql: ['participant-profile'],
  async run({ db }) {
    await runSqlFile(db, 'participant-profile');
    return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_participant_profile') };
  },
};
