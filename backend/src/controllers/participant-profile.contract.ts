import { z } from 'zod';
import { contract, queryText } from '../lib/route-contract.ts';
import { profileAgeBands, profileGenders } from '../services/participant-profile.service.ts';

const shownCount = z.int().nullable().meta({ description: 'persons; null where small-count suppression hides it ("<3", the auditor’s view)' });

const profileTable = z
  .object({
    community: z.string().meta({ description: 'ALL or a community code' }),
    rows: z.array(
      z.object({ gender: z.enum(profileGenders), persons: z.array(shownCount).meta({ description: 'per age band, in ageBands order' }), total: shownCount }),
    ),
    totals: z.object({ persons: z.array(shownCount), total: shownCount }),
  })
  .meta({ id: 'ParticipantProfileTable' });

export const participantProfileContracts = {
  profile: contract({
    query: z.object({ year: queryText(20).meta({ description: 'a project year' }) }),
    response: z
      .object({
        year: z.int(),
        years: z.array(z.int()),
        genders: z.array(z.enum(profileGenders)).meta({ description: 'K, M, other (as the register has them), unknown (not given)' }),
        ageBands: z.array(z.enum(profileAgeBands)).meta({ description: 'age at the project’s start; unknown without a birth year' }),
        communities: z.array(profileTable),
      })
      .meta({
        id: 'ParticipantProfile',
        description: 'Distinct persons who attended at least one activity of each community (ALL: of any) in the year, by gender and age band.',
      }),
  }),
};
