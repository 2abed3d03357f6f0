import { z } from 'zod';
import { contract, queryChoice, queryText } from '../lib/route-contract.ts';

const declineAlert = z
  .object({
    id: z.int(),
    community: z.string(),
    group: z.string().nullable(),
    measure: z.enum(['attendances', 'distinctParticipants']),
    since: z.string(),
    lastWeek: z.string(),
    status: z.enum(['active', 'ended']),
    drop: z.number(),
    observed: z.number().nullable(),
    expected: z.number().nullable(),
    sentencePl: z.string(),
    sentenceEn: z.string(),
  })
  .meta({ id: 'DeclineAlert' });

export const alertsContracts = {
  list: contract({
    query: z.object({
      status: queryChoice(['active', 'ended', 'all']).meta({ description: 'active (default), ended or all' }),
      community: queryText().meta({ description: 'a community code' }),
    }),
    response: z.array(declineAlert),
  }),
};
