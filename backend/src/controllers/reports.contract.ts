import { z } from 'zod';
import { contract, queryText } from '../lib/route-contract.ts';

export const reportsContracts = {
  summary: contract({
    query: z.object({
      year: queryText(20).meta({ description: 'a project year' }),
      lang: z
        .enum(['pl', 'en'])
        .optional()
        .transform((lang) => lang ?? 'pl')
        .meta({ description: 'pl (default) or en' }),
    }),
    files: { 'application/pdf': 'the overview of the year' },
  }),
};
