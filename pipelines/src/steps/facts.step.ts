import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import type { SourceCounts } from '../source/operational-extract.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** An incremental run's facts do not match the operational database: the run starts over in full. */
/** The incremental facts do not hold every operational row once; `detail` says which count differs. */
export class FactsMismatchError extends Error {
  constructor(readonly detail: string) {
    super(`incremental state does not match (${detail})`);
  }
}

/**
 * Applies the staged rows to the facts (new rows added, corrected rows replacing their earlier
 * version) and checks them: every operational row must be in the facts exactly once. An
 * incremental run first notes what the staged rows will change, while the previous facts are
 * still there.
 */
export const factsStep: PipelineStep = {
  name: 'facts',
  label: () => ({ key: 'facts' }),
  reads: ['stage_participant', 'stage_activity', 'stage_attendance', 'stage_survey_answer', 'dim_activity_type'],
  writes: [
    'dim_participant',
    'fact_activity',
    'fact_attendance',
    'fact_survey_answer',
    'staged_dates',
    'affected_persons',
    'affected_series',
    'previous_person_first',
    'previous_person_first_anywhere',
    'previous_fact_span',
  ],
  readsPrevious: ['person_first', 'person_first_anywhere'],
  sql: ['affected-periods', 'build-facts'],
  async run({ db, config, mode, state }) {
    if (mode === 'incremental') {
      await runSqlFile(db, 'affected-periods');
      const [corrected] = await queryRows<{ n: number }>(
        db,
        'SELECT count(*) AS n FROM stage_activity WHERE activity_id IN (SELECT activity_id FROM fact_activity)',
      );
      state.additive = corrected!.n === 0;
    }
    await runSqlFile(db, 'build-facts', [config.project.periodStart]);
    // The staged rows are in the facts now: kept, they would double the file.
    await db.run('DROP TABLE stage_participant; DROP TABLE stage_activity; DROP TABLE stage_attendance; DROP TABLE stage_survey_answer;');
    const counts = await factCounts(db);
    const expected = state.totals!;
    // Every operational row must be in the facts exactly once; otherwise this build is wrong.
    for (const key of Object.keys(expected) as (keyof SourceCounts)[]) {
      if (counts[key] !== expected[key]) {
        const message = `${key}: the facts hold ${counts[key]} rows, the operational database ${expected[key]}`;
        if (mode === 'incremental') throw new FactsMismatchError(message);
        throw new Error(`the build is inconsistent (${message})`);
      }
    }
    return { rowsRead: 0, rowsWritten: counts.attendances + counts.activities + counts.participants + counts.surveyAnswers };
  },
};

async function factCounts(db: DuckDBConnection): Promise<SourceCounts> {
  const [row] = await queryRows<SourceCounts>(
    db,
    `SELECT (SELECT count(*) FROM dim_participant) AS participants, (SELECT count(*) FROM fact_activity) AS activities,
            (SELECT count(*) FROM fact_attendance) AS attendances, (SELECT count(*) FROM fact_survey_answer) AS "surveyAnswers"`,
  );
  return row!;
}
