import { z } from 'zod';
import { contract, queryChoice, queryText } from '../lib/route-contract.ts';
import { indicatorCode } from './indicators.contract.ts';

const format = queryChoice(['xlsx', 'csv', 'pdf'], 'xlsx').meta({ description: 'xlsx (default), csv or pdf' });
/** The language of the file's words (read by the request-language rule, lib/request-language.ts). */
export const exportLang = queryChoice(['pl', 'en']).meta({
  description: "pl or en: the language of the file's headers and labels; else Accept-Language, else Polish",
});
const exportFiles = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'format=xlsx',
  'text/csv': 'format=csv',
  'application/pdf': 'format=pdf',
};

const spreadsheetFiles = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'format=xlsx',
  'text/csv': 'format=csv',
};

export const exportsContracts = {
  indicators: contract({ query: z.object({ format, lang: exportLang }), files: exportFiles }),
  sources: contract({
    params: indicatorCode,
    query: z.object({
      format,
      lang: exportLang,
      year: queryText(20).meta({ description: 'a project year' }),
      community: queryText().meta({ description: 'ALL or a community code' }),
    }),
    files: exportFiles,
  }),
  lapsed: contract({
    params: z.object({ code: z.string().meta({ description: 'a community code' }) }),
    query: z.object({
      format: queryChoice(['xlsx', 'csv'], 'xlsx').meta({ description: 'xlsx (default) or csv' }),
      lang: exportLang,
      search: queryText(100).meta({ description: 'a fragment of a code (or of a name the viewer may see)' }),
      lastFrom: queryText(10).meta({ description: 'last visit on or after, YYYY-MM-DD' }),
      lastTo: queryText(10).meta({ description: 'last visit on or before, YYYY-MM-DD' }),
    }),
    files: spreadsheetFiles,
  }),
};
