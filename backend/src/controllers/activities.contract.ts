import { z } from 'zod';
import { contract, queryText } from '../lib/route-contract.ts';

/** Fields hidden by small-count suppression, in the auditor's view only. */
export const suppressedFields = z
  .array(z.string())
  .optional()
  .meta({ description: 'Fields hidden by small-count suppression (their values are null; shown as "<3"); the auditor’s view only.' });

const batchFields = {
  batchId: z.int(),
  file: z.string(),
  importedBy: z.string(),
  importedAt: z.string(),
  viaForm: z.boolean().meta({ description: 'entered through the dashboard’s recording form (then `file` only names the entry, and its row means nothing)' }),
};
export const batchRef = z.object(batchFields).meta({ id: 'BatchRef' });

export const activityItem = z
  .object({
    externalId: z.string(),
    date: z.string(),
    community: z.string(),
    type: z.string(),
    title: z.string(),
    residentInitiative: z.boolean(),
    namedAttendances: z.int().nullable(),
    anonymousAttendances: z.int().nullable(),
    attendances: z.int().nullable(),
    source: z.object({ ...batchFields, row: z.int() }),
    attendanceLists: z.array(z.object({ ...batchFields, attendances: z.int().nullable() })),
    suppressed: suppressedFields,
  })
  .meta({ id: 'ActivityItem' });

export const activitiesContracts = {
  list: contract({
    query: z.object({
      community: queryText().meta({ description: 'a community code' }),
      from: queryText().meta({ description: 'YYYY-MM-DD' }),
      to: queryText().meta({ description: 'YYYY-MM-DD' }),
    }),
    response: z.object({ activities: z.array(activityItem), truncated: z.boolean(), limit: z.int() }).meta({ id: 'ActivityList' }),
  }),
};
