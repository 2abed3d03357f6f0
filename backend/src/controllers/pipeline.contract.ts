import { z } from 'zod';
import { contract } from '../lib/route-contract.ts';
import { pipelineModes, pipelineRunStatuses, pipelineTriggers } from '../repositories/pipeline-run.repository.ts';

const pipelineRunItem = z
  .object({
    id: z.int(),
    trigger: z.enum(pipelineTriggers),
    mode: z.enum(pipelineModes),
    // skipped: a scheduled run that did not start (coalesced into or deferred behind the run in progress; the note says which)
    status: z.enum(pipelineRunStatuses),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    steps: z
      .array(
        z.object({
          name: z.string().meta({ description: 'what the step did, in the request’s language' }),
          rowsRead: z.int().optional(),
          rowsWritten: z.int().optional(),
          ms: z.number().optional(),
          running: z.boolean().optional(),
        }),
      )
      .nullable(),
    error: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'PipelineRunItem' });

export const pipelineContracts = {
  list: contract({ response: z.array(pipelineRunItem) }),
  start: contract({
    body: z.object({
      mode: z
        .enum(['incremental', 'full'])
        .nullish()
        .transform((mode) => mode ?? 'incremental'),
    }),
    bodyOptional: true,
    response: z.object({ id: z.int(), status: z.literal('running'), mode: z.enum(pipelineModes) }),
  }),
};
