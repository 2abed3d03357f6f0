import { z } from 'zod';
import { metricGrains } from '../analytics/metrics-query.ts';
import { contract } from '../lib/route-contract.ts';
import { pipelineRunStatuses, pipelineTriggers } from '../repositories/pipeline-run.repository.ts';

export const indicatorUnit = z.enum(['persons', 'activities', 'percent']);

const bilingual = z.object({ pl: z.string(), en: z.string() });

/** How an indicator is computed (indicators.json), with the survey question's words and scale a definition needs. */
export const indicatorComputation = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('distinct_participants'), minAttendances: z.int() }),
    z.object({
      kind: z.literal('activity_count'),
      groups: z.array(z.string()).optional(),
      types: z.array(z.string()).optional(),
      residentInitiative: z.boolean().optional(),
    }),
    z.object({ kind: z.literal('leaders') }),
    z.object({
      kind: z.literal('survey_share'),
      survey: z.string(),
      question: z.string(),
      minValue: z.number(),
      decimals: z.int(),
      surveyName: bilingual.nullable(),
      questionText: bilingual.nullable(),
      scale: z.object({ min: z.number(), max: z.number() }),
    }),
  ])
  .meta({ id: 'IndicatorComputation' });

export const healthContracts = {
  health: contract({
    response: z
      .object({
        status: z.enum(['ok', 'degraded']),
        analytics: z.object({ available: z.boolean(), reason: z.string().nullable() }),
        dataAsOf: z.string().nullable(),
        analyticsVersion: z.int().nullable(),
        lastRun: z
          .object({
            id: z.int(),
            status: z.enum(pipelineRunStatuses),
            trigger: z.enum(pipelineTriggers),
            startedAt: z.string(),
            finishedAt: z.string().nullable(),
          })
          .nullable(),
        demo: z.boolean(),
      })
      .meta({ id: 'HealthResponse' }),
  }),
  config: contract({
    response: z
      .object({
        project: z.object({
          name: z.string(),
          centre: z.string(),
          periodStart: z.string(),
          periodEnd: z.string(),
          timeZone: z.string(),
          statusThresholds: z.object({ onTrack: z.number(), atRisk: z.number() }),
          smallCounts: z
            .object({ limit: z.int(), label: z.string() })
            .meta({ description: 'counts of 1 … limit − 1 persons are shown as the label where suppressed' }),
        }),
        years: z.array(z.int()),
        communities: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['territorial', 'categorical']) })),
        activityTypes: z.array(z.object({ code: z.string(), namePl: z.string(), nameEn: z.string(), group: z.enum(['animation', 'education', 'action']) })),
        indicators: z.array(
          z.object({
            code: z.string(),
            namePl: z.string(),
            nameEn: z.string(),
            kind: z.enum(['output', 'result']),
            unit: indicatorUnit,
            cumulative: z.boolean(),
            computation: indicatorComputation,
          }),
        ),
        viewerFigures: z
          .object({
            suppressed: z.boolean().meta({ description: 'small counts of persons are hidden (shown as smallCounts.label)' }),
            personGrains: z.array(z.enum(metricGrains)).meta({ description: 'the grains at which counts of persons are given' }),
            personsByGroupOrType: z.boolean().meta({ description: 'whether counts of persons are given by activity group or type' }),
          })
          .meta({ id: 'ViewerFigures', description: 'what the signed-in user’s figures routes give of counts of persons (the auditor: months and years)' }),
      })
      .meta({ id: 'ConfigResponse' }),
  }),
};
