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
    regular: z.boolean().meta({ description: 'came at least regular.minAttendances times in the regular.withinWeeks weeks up to their last visit' }),
    lapsed: z.boolean().meta({ description: 'a regular who has not come for lapsedAfterDays days while the community went on meeting' }),
    absence: z
      .object({
        usualRate: z.number(),
        missed: z.number(),
        missedSince: z.string().nullable(),
        absenceProbability: z.number(),
        lapsing: z.boolean(),
      })
      .nullable()
      .meta({
        description:
          'their absence against their own usual rate (the person-level test): the probability of so long an absence, and whether that makes them lapsing; null unless a regular there',
      }),
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
      .object({
        community: z.string(),
        names: z.boolean(),
        lapsedAfterDays: z.int(),
        regular: z
          .object({ minAttendances: z.int(), withinWeeks: z.int() })
          .meta({ description: 'who counts as having come regularly (project.json, lapsing)' }),
        participants: z.array(participantItem),
      })
      .meta({ id: 'ParticipantList' }),
  }),
  attendanceHistory: contract({
    params: communityCode.extend({ participant: z.string().max(64).meta({ description: 'a participant code' }) }),
    response: z
      .object({
        community: z.string(),
        code: z.string(),
        fromOtherCommunity: z.boolean(),
        names: z.boolean().meta({ description: 'whether the viewer may see the person’s names' }),
        firstName: z.string().nullable().optional(),
        lastName: z.string().nullable().optional(),
        attendances: z.array(z.object({ date: z.string(), externalId: z.string(), title: z.string(), type: z.string() })),
      })
      .meta({
        id: 'AttendanceHistory',
        description:
          'A person’s attendances at the community’s activities, the latest first; names only for the director and the organizer of the person’s home community.',
      }),
  }),
};
