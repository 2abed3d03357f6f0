import { countRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** Survey answers per survey, question, community (and ALL) and year. */
export const surveyAggregatesStep: PipelineStep = {
  name: 'survey-aggregates',
  label: () => 'survey aggregates',
  reads: ['fact_survey_answer'],
  writes: ['agg_survey'],
  sql: ['survey-aggregates'],
  async run({ db }) {
    await runSqlFile(db, 'survey-aggregates');
    return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_survey') };
  },
};
