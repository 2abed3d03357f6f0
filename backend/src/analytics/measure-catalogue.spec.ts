import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditorPersonMeasures } from '../auth/auditor-disclosure.ts';
import { compileMetricsQuery } from './metrics-query.ts';
import { measureCatalogue, metricMeasureNames, personMeasures } from './measure-catalogue.ts';

const analyticsSchema = fs.readFileSync(path.resolve(import.meta.dirname, '../../../pipelines/src/sql/analytics-schema.sql'), 'utf8');

/** The columns of one table of the analytics DDL. */
function columnsOf(table: string): string[] {
  const body = new RegExp(`CREATE TABLE IF NOT EXISTS ${table} \\(([^;]*)\\);`).exec(analyticsSchema)?.[1];
  if (!body) throw new Error(`${table} is not in analytics-schema.sql`);
  return body.split(',').map((column) => column.trim().split(/\s+/)[0]!);
}

describe('the measure catalogue', () => {
  it('names a column of the published participation table for every measure', () => {
    const columns = columnsOf('agg_participation');
    for (const name of metricMeasureNames) expect(columns, name).toContain(measureCatalogue[name].column);
  });

  it('is what the auditor’s model counts as persons, and what the compiler selects', () => {
    expect(auditorPersonMeasures).toEqual(personMeasures);
    expect(personMeasures).not.toContain('activities');
    expect(personMeasures).not.toContain('turnout');
    const { sql } = compileMetricsQuery({
      measures: ['returningParticipants'],
      grain: 'month',
      dimensions: [],
      from: null,
      to: null,
      communities: ['ALL'],
      groups: null,
    });
    expect(sql).toContain('a.returning_participants AS "returningParticipants"');
  });
});
