import { z } from 'zod';
import { arrowStreamType } from '../analytics/arrow-encode.ts';
import { metricMeasureNames } from '../analytics/measure-catalogue.ts';
import { contract, queryText } from '../lib/route-contract.ts';

export const metricsContracts = {
  // The query language (which measures, dimensions and communities exist, and how they combine)
  // is checked by analytics/metrics-query.ts, which the command line shares.
  query: contract({
    query: z.object({
      measures: queryText().meta({ description: `comma-separated: ${metricMeasureNames.join(', ')}` }),
      grain: queryText().meta({ description: 'week, month (default), quarter or year' }),
      dimensions: queryText().meta({ description: 'comma-separated: community, group or type' }),
      from: queryText().meta({ description: 'YYYY-MM-DD' }),
      to: queryText().meta({ description: 'YYYY-MM-DD' }),
      communities: queryText(2000).meta({ description: 'comma-separated community codes, or ALL' }),
      groups: queryText().meta({ description: 'comma-separated: animation, education, action' }),
    }),
    response: z
      .object({
        query: z.record(z.string(), z.unknown()),
        columns: z.array(z.string()),
        // In the auditor's view a row also lists the fields small-count suppression hid (`suppressed`).
        rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.array(z.string())]))),
        analyticsVersion: z.int().nullable(),
        dataAsOf: z.string().nullable(),
      })
      .meta({ id: 'MetricsResult' }),
    files: { [arrowStreamType]: 'the same rows as an Arrow IPC stream (ask with Accept)' },
  }),
};
