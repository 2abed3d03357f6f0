import { z } from 'zod';
import { contract, queryChoice, queryText } from '../lib/route-contract.ts';
import { indicatorCode } from './indicators.contract.ts';

const format = queryChoice(['xlsx', 'csv', 'pdf'], 'xlsx').meta({ description: 'xlsx (default), csv or pdf' });
const exportFiles = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'format=xlsx',
  'text/csv': 'format=csv',
  'application/pdf': 'format=pdf',
};

export const exportsContracts = {
  indicators: contract({ query: z.object({ format }), files: exportFiles }),
  sources: contract({
    params: indicatorCode,
    query: z.object({
      format,
      year: queryText(20).meta({ description: 'a project year' }),
      community: queryText().meta({ description: 'ALL or a community code' }),
    }),
    files: exportFiles,
  }),
};
