import { z } from 'zod';
import { contract, queryChoice, queryText } from '../lib/route-contract.ts';

const lapsingPerson = z
  .object({
    code: z.string(),
    firstName: z.string().nullable().optional(),
    lastName: z.string().nullable().optional(),
    fromOtherCommunity: z.boolean().meta({ description: 'registered in another community than the alert’s' }),
    usualRate: z.number().meta({ description: 'the share of the activities they could have come to that they usually came to' }),
    missed: z.number().meta({ description: 'activities missed since the last visit (as the season weighs them)' }),
    missedSince: z.string().nullable().meta({ description: 'the Monday of the week of the first activity missed, YYYY-MM-DD' }),
    lastAttended: z.string(),
    absenceProbability: z.number().meta({ description: 'the probability of so long an absence under their usual rate: the smaller, the more unusual' }),
    groups: z.array(z.string()).meta({ description: 'the activity groups they came to' }),
  })
  .meta({ id: 'LapsingPerson', description: 'Names are present only where the viewer is the director or an organizer of the person’s home community.' });

const lapsingWho = z
  .object({
    count: z.int().nullable().meta({ description: 'regulars lapsing now; null where hidden (1–2 persons, auditor)' }),
    medianUsualRate: z.number().nullable(),
    groups: z.array(z.object({ group: z.string(), persons: z.int().nullable() })).meta({ description: 'the activity groups they used to come to' }),
    names: z.boolean(),
    persons: z
      .array(lapsingPerson)
      .nullable()
      .meta({ description: 'the list, most unusual absence first; null unless the viewer sees the community’s participants' }),
    suppressed: z.array(z.string()).optional(),
  })
  .meta({ id: 'LapsingWho' });

const declineAlert = z
  .object({
    id: z.int(),
    community: z.string(),
    group: z.string().nullable(),
    measure: z
      .enum(['attendances', 'distinctParticipants', 'lapsingRegulars'])
      .meta({ description: 'lapsingRegulars: the person-level test (regulars who stopped coming)' }),
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
    who: lapsingWho.nullable().meta({ description: 'an active lapsing alert: who stopped coming' }),
    suppressed: z.array(z.string()).optional(),
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
