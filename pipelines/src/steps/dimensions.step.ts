import { appendRows } from '../analytics/duckdb-sql.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** The communities and activity types of the configuration. */
export const dimensionsStep: PipelineStep = {
  name: 'dimensions',
  label: () => ({ key: 'dimensions' }),
  reads: [],
  writes: ['dim_community', 'dim_activity_type'],
  sql: [],
  async run({ db, config }) {
    await db.run('DELETE FROM dim_community');
    await db.run('DELETE FROM dim_activity_type');
    const communities = await appendRows(db, 'dim_community', config.communities, (a, c) => {
      a.appendVarchar(c.code);
      a.appendVarchar(c.name);
      a.appendVarchar(c.kind);
    });
    const types = await appendRows(db, 'dim_activity_type', config.activityTypes, (a, t) => {
      a.appendVarchar(t.code);
      a.appendVarchar(t.namePl);
      a.appendVarchar(t.nameEn);
      a.appendVarchar(t.group);
    });
    return { rowsRead: communities + types, rowsWritten: communities + types };
  },
};
