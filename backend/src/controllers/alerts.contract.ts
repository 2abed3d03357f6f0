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
    sentencePl: z.string().meta({ description: 'what fell, by how much, since when (a date), compared with what' }),
    sentenceEn: z.string(),
    startsOn: z.string().meta({ description: 'the Monday of the week the fall began, YYYY-MM-DD' }),
    window: z
      .object({ from: z.string(), to: z.string(), weeks: z.int() })
      .meta({ description: 'the weeks with activities whose figures the alert states (Monday of the first to Sunday of the last): its activities' }),
    stoppedComingFrom: z.string().meta({ description: 'who stopped coming: regulars whose last visit is on or after this day and who have not come back' }),
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
