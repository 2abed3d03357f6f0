import { z } from 'zod';
import { contract, queryText } from '../lib/route-contract.ts';
import { suppressedFields } from './activities.contract.ts';

const surveyScope = z
  .object({
    community: z.string().meta({ description: 'ALL or a community code' }),
    n: z.int().nullable().meta({ description: 'answers; null where suppressed' }),
    mean: z.number().nullable().meta({ description: 'the mean answer of a 1–5 question; null for yes/no, without answers, or where suppressed' }),
    share: z.number().nullable().meta({ description: 'per cent of answers ≥ 4 (1–5 scale) or of "yes" (yes/no); null without answers or where suppressed' }),
    distribution: z
      .array(
        z.object({
          value: z.number(),
          answer: z.enum(['yes', 'no']).nullable().meta({ description: 'which answer of a yes/no question; null on the 1–5 scale' }),
          count: z.int().nullable(),
        }),
      )
      .meta({ description: 'answers per value of the scale: 5 … 1, or yes then no' }),
    suppressed: suppressedFields,
  })
  .meta({ id: 'SurveyScopeFigures' });

const surveyQuestion = z
  .object({
    code: z.string(),
    scale: z.enum(['likert5', 'yes_no', 'text']),
    textPl: z.string(),
    textEn: z.string(),
    aggregated: z.boolean().meta({ description: 'false for free-text questions, whose answers are not counted' }),
    scopes: z.array(surveyScope),
  })
  .meta({ id: 'SurveyQuestionResults' });

export const surveysContracts = {
  results: contract({
    query: z.object({ year: queryText(20).meta({ description: 'a project year' }) }),
    response: z
      .object({
        year: z.int(),
        years: z.array(z.int()),
        communities: z.array(z.string()).meta({ description: 'ALL, then the community codes' }),
        surveys: z.array(z.object({ code: z.string(), namePl: z.string(), nameEn: z.string(), questions: z.array(surveyQuestion) })),
      })
      .meta({ id: 'SurveyResults' }),
  }),
};
