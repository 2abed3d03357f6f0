import { countRows, querySqlFile, runSqlFile } from '../analytics/duckdb-sql.ts';
import type { PipelineStep } from './pipeline-step.ts';

const grains = ['week', 'month', 'quarter', 'year'];

/**
 * Each person's first attendances, then participation by week, month, quarter and year. Full: from
 * every row. Incremental, rows only added: every measure grows by what the added rows bring (deltas).
 * Incremental, rows corrected: the affected persons' first attendances and the periods the
 * corrections touch are recomputed from their rows.
 */
export const participationStep: PipelineStep = {
  name: 'participation',
  label: ({ mode, state }) => ({ key: mode === 'full' ? 'participation.full' : state.additive ? 'participation.added' : 'participation.corrected' }),
  reads: [
    'fact_activity',
    'fact_attendance',
    'dim_community',
    'staged_dates',
    'affected_persons',
    'previous_person_first',
    'previous_person_first_anywhere',
    'previous_fact_span',
  ],
  writes: ['person_first', 'person_first_anywhere', 'affected_dates', 'agg_participation'],
  sql: [
    'person-first',
    'participation',
    'person-first-added',
    'added-span',
    'participation-added-rows',
    'participation-added',
    'participation-added-apply',
    'fact-span-unchanged',
    'participation-grid',
    'person-first-update',
    'affected-periods-after',
  ],
  async run({ db, config, mode, sinceBatch, state }) {
    const { periodStart, periodEnd } = config.project;
    if (mode === 'full') {
      await runSqlFile(db, 'person-first', [periodStart, periodEnd]);
      for (const grain of grains) await runSqlFile(db, 'participation', [grain, periodStart, periodEnd, true]);
    } else if (state.additive) {
      await runSqlFile(db, 'person-first-added', [sinceBatch, periodStart, periodEnd]);
      const [addedSpan] = await querySqlFile<{ from: string | null; to: string | null }>(db, 'added-span');
      await runSqlFile(db, 'participation-added-rows', [sinceBatch, addedSpan!.from, addedSpan!.to]);
      for (const grain of grains) await runSqlFile(db, 'participation-added', [grain, sinceBatch]);
      await runSqlFile(db, 'participation-added-apply');
      // The grid of periods grows only when the facts now span more days.
      const [spanNow] = await querySqlFile<{ same: boolean }>(db, 'fact-span-unchanged');
      if (!spanNow?.same) for (const grain of grains) await runSqlFile(db, 'participation-grid', [grain, periodStart, periodEnd]);
    } else {
      // Corrections can move rows out of a period: its figures are recomputed from its rows.
      await runSqlFile(db, 'person-first-update', [periodStart, periodEnd]);
      await runSqlFile(db, 'affected-periods-after');
      for (const grain of grains) await runSqlFile(db, 'participation', [grain, periodStart, periodEnd, false]);
    }
    return { rowsRead: 0, rowsWritten: await countRows(db, 'agg_participation') };
  },
};
