import { z } from 'zod';
import { contract } from '../lib/route-contract.ts';
import { importRefresh } from './imports.contract.ts';

const communityCode = z.object({ code: z.string().max(32).meta({ description: 'a community code' }) });

const recordingField = z.enum(['externalId', 'date', 'type', 'title', 'headcountAnonymous', 'residentInitiative', 'participants', 'community']);

export const recordingFieldError = z
  .object({
    field: recordingField,
    value: z.string().nullable().meta({ description: 'the value refused (a participant code for `participants`)' }),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'RecordingFieldError', description: 'a refusal of one field of the recording form, in the request’s language' });

export const recordingContracts = {
  form: contract({
    params: communityCode,
    response: z
      .object({
        community: z.object({ code: z.string(), name: z.string() }),
        names: z.boolean().meta({ description: 'whether the register’s names are given (the director and the community’s own organizer)' }),
        today: z.string(),
        earliestDate: z.string(),
        period: z.object({ start: z.string(), end: z.string() }),
        register: z.array(z.object({ code: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable() })),
      })
      .meta({ id: 'RecordingForm' }),
  }),
  activity: contract({
    params: communityCode,
    query: z.object({ id: z.string().min(1).max(200).meta({ description: 'the activity’s number (activity_id)' }) }),
    response: z
      .object({
        externalId: z.string(),
        date: z.string(),
        community: z.string(),
        type: z.string(),
        title: z.string(),
        headcountAnonymous: z.int(),
        residentInitiative: z.boolean(),
        participants: z.array(z.string()),
        source: z.object({ batchId: z.int(), source: z.string(), importedBy: z.string(), importedAt: z.string() }),
      })
      .meta({ id: 'RecordedActivity' }),
  }),
  record: contract({
    params: communityCode,
    body: z.object({
      externalId: z.string().max(200).optional().meta({ description: 'the activity corrected; absent: a new activity' }),
      date: z.string().max(40),
      type: z.string().max(200),
      title: z.string().max(500),
      headcountAnonymous: z.number().nullable(),
      residentInitiative: z.boolean(),
      participants: z.array(z.string().max(64)).max(5000),
      lang: z.enum(['pl', 'en']).optional(),
    }),
    response: z
      .object({
        status: z.enum(['imported', 'unchanged']),
        externalId: z.string(),
        batchId: z.int().nullable(),
        created: z.int(),
        updated: z.int(),
        added: z.array(z.string()),
        removed: z.array(z.string()),
        warnings: z.array(z.object({ field: recordingField.nullable(), message: z.string() })),
        refresh: importRefresh.nullable(),
      })
      .meta({ id: 'RecordingResult' }),
  }),
  refresh: contract({
    params: z.object({
      batch: z
        .string()
        .regex(/^\d{1,9}$/, { error: 'must be a number' })
        .transform(Number)
        .meta({ description: 'the import batch the recording wrote' }),
    }),
    response: importRefresh,
  }),
};
