import { z } from 'zod';
import { contract } from '../lib/route-contract.ts';
import { suppressedFields } from './activities.contract.ts';

const communityCode = z.object({ code: z.string().meta({ description: 'a community code' }) });

const participationPeriod = z
  .object({
    period: z.string(),
    activities: z.int(),
    attendances: z.int().nullable(),
    namedAttendances: z.int().nullable(),
    anonymousAttendances: z.int().nullable(),
    distinctParticipants: z.int().nullable(),
    newParticipants: z.int().nullable(),
    returningParticipants: z.int().nullable(),
    cumulativeParticipants: z.int().nullable(),
    turnout: z.number().nullable(),
    suppressed: suppressedFields,
  })
  .meta({ id: 'ParticipationPeriod' });

const participantItem = z
  .object({
    code: z.string(),
    fromOtherCommunity: z.boolean().meta({ description: 'registered in another community than the list’s' }),
    homeCommunity: z.string().nullable(),
    gender: z.string().nullable(),
    birthYear: z.int().nullable(),
    joinedOn: z.string().nullable(),
    leader: z.boolean().nullable(),
    firstName: z.string().nullable().optional(),
    lastName: z.string().nullable().optional(),
    attendances: z.int(),
    firstAttended: z.string().nullable(),
    lastAttended: z.string().nullable(),
    daysAway: z.int().nullable(),
    lapsed: z.boolean(),
  })
  .meta({
    id: 'ParticipantItem',
    description:
      'Register details (home community, gender, birth year, joining, leader) are null and names absent unless the viewer is the director or an organizer of the person’s home community.',
  });

export const communitiesContracts = {
  participation: contract({
    params: communityCode,
    response: z
      .object({
        community: z.object({ code: z.string(), name: z.string() }),
        grain: z.enum(['month']),
        periods: z.array(participationPeriod),
        targetPath: z.array(z.object({ period: z.string(), expected: z.number().nullable() })),
        target: z.object({ indicator: z.string(), baseline: z.number().nullable(), targets: z.record(z.string(), z.number()) }).nullable(),
      })
      .meta({ id: 'CommunityParticipation' }),
  }),
  participantList: contract({
    params: communityCode,
    response: z
      .object({ community: z.string(), names: z.boolean(), lapsedAfterDays: z.int(), participants: z.array(participantItem) })
      .meta({ id: 'ParticipantList' }),
  }),
};
