import { countRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** Survey answers per survey, question, community (and ALL) and year. */
export const surveyAggregatesStep: PipelineStep = {
  name: 'survey-aggregates',
  label: () => ({ key: 'survey-aggregates' }),
  reads: ['fact_survey_answer'],
  writes: ['agg_survey'],
  sql: ['survey-aggregates'],
  async run({ db, config }) {
    // The share of answers ≥ 4 is among those on project.json's 1–5 scale (answerScales.likert5).
    const likert = config.project.answerScales.likert5;
    await runSqlFile(db, 'survey-aggregates', [likert.min, likert.max]);
    return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_survey') };
  },
};
