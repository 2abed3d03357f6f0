import { z } from 'zod';
import { contract, queryText } from '../lib/route-contract.ts';
import { exportLang } from './exports.contract.ts';
import { suppressedFields } from './activities.contract.ts';

const periodId = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, { error: 'must be a number' })
    .transform(Number)
    .meta({ description: 'the period id' }),
});

const periodInput = z.object({
  name: z.string().max(200).meta({ description: 'e.g. "WNP 3"' }),
  from: z.string().max(40).meta({ description: 'first day, YYYY-MM-DD' }),
  to: z.string().max(40).meta({ description: 'last day (inclusive), YYYY-MM-DD' }),
});

const signOff = z
  .object({
    verdict: z.enum(['accepted', 'remarks']),
    remarks: z.string().nullable(),
    signedBy: z.string(),
    signedAt: z.string(),
    fingerprint: z.string(),
  })
  .meta({ id: 'PeriodSignOff' });

const version = z
  .object({
    version: z.int(),
    closedAt: z.string(),
    closedBy: z.string(),
    dataVersion: z.int().meta({ description: 'the last import batch the frozen figures saw' }),
    asOf: z.string(),
    reason: z.enum(['close', 'restatement']),
    fingerprint: z.string().meta({ description: 'SHA-256 (hex) of the frozen canonical JSON' }),
    endedAt: z.string().nullable(),
    endedBy: z.string().nullable(),
    endReason: z.enum(['reopened', 'restated']).nullable(),
    endNote: z.string().nullable(),
    signOffs: z.array(signOff),
  })
  .meta({ id: 'PeriodVersion' });

export const periodState = z.enum(['open', 'closed', 'accepted', 'remarks']);

const period = z
  .object({
    id: z.int(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    state: periodState,
    over: z.boolean().meta({ description: 'its last day has passed: it can be closed' }),
    inForce: version.nullable(),
    versions: z.array(version),
  })
  .meta({ id: 'ReportingPeriod' });

const figureStatus = z.string().meta({ description: 'an indicator status, or "suppressed" where small-count suppression hides the value' });

const figure = z
  .object({
    code: z.string(),
    community: z.string(),
    valueWithin: z.number().nullable(),
    valueCumulative: z.number().nullable(),
    target: z.number().nullable(),
    achievement: z.number().nullable(),
    status: figureStatus,
    withinFrom: z.string().nullable(),
    withinTo: z.string().nullable(),
    cumulativeFrom: z.string().nullable(),
    cumulativeTo: z.string().nullable(),
    suppressed: suppressedFields,
  })
  .meta({ id: 'PeriodFigure' });

const activity = z.object({
  activityId: z.string(),
  date: z.string(),
  community: z.string(),
  type: z.string(),
  group: z.string(),
  named: z.int(),
  anonymous: z.int(),
  residentInitiative: z.boolean(),
});

const drillDown = z
  .object({
    activities: z.array(activity),
    persons: z.array(z.object({ code: z.string(), community: z.string(), attendances: z.int() })),
    regulars: z.array(z.object({ code: z.string(), community: z.string(), attendances: z.int() })),
    leaders: z.array(z.object({ code: z.string(), community: z.string(), leaderSince: z.string() })),
    surveyAnswers: z.array(
      z.object({
        survey: z.string(),
        question: z.string(),
        community: z.string(),
        window: z.enum(['within', 'cumulative']),
        answers: z.int(),
        atLeast: z.int(),
      }),
    ),
  })
  .meta({ id: 'PeriodDrillDown' });

const change = z
  .object({
    kind: z.enum(['activity', 'attendance', 'participant', 'survey']),
    change: z.enum(['added', 'corrected', 'removed']),
    activityId: z.string().nullable(),
    participantCode: z.string().nullable(),
    date: z.string().nullable(),
    community: z.string().nullable(),
    batchId: z.int(),
    fileName: z.string(),
    sourceRow: z.int().nullable(),
    importedBy: z.string(),
    at: z.string(),
  })
  .meta({ id: 'RecordChange' });

const difference = z.object({
  code: z.string(),
  community: z.string(),
  reportedWithin: z.number().nullable(),
  currentWithin: z.number().nullable(),
  reportedCumulative: z.number().nullable(),
  currentCumulative: z.number().nullable(),
  differenceWithin: z.number().nullable(),
  differenceCumulative: z.number().nullable(),
  reportedStatus: figureStatus,
  currentStatus: figureStatus,
});

const restatement = z
  .object({
    differences: z.array(difference),
    drillDown: z.object({
      activities: z.array(
        z.object({ activityId: z.string(), change: z.enum(['added', 'removed', 'corrected']), before: activity.nullable(), after: activity.nullable() }),
      ),
      persons: z.array(
        z.object({
          code: z.string(),
          community: z.string(),
          change: z.enum(['added', 'removed', 'corrected']),
          before: z.int().nullable(),
          after: z.int().nullable(),
        }),
      ),
      leaders: z.array(z.object({ code: z.string(), community: z.string(), change: z.enum(['added', 'removed']) })),
    }),
    changes: z.object({ total: z.int(), rows: z.array(change) }),
  })
  .meta({ id: 'PeriodRestatement' });

const frozenReport = z
  .object({
    content: z.object({
      format: z.literal(1),
      project: z.object({ name: z.string(), centre: z.string(), from: z.string(), to: z.string() }),
      period: z.object({ id: z.int(), name: z.string(), from: z.string(), to: z.string() }),
      version: z.int(),
      reason: z.enum(['close', 'restatement']),
      dataVersion: z.int(),
      asOf: z.string(),
      closedAt: z.string(),
      closedBy: z.string(),
      indicators: z.array(z.object({ code: z.string(), namePl: z.string(), nameEn: z.string(), kind: z.string(), unit: z.string(), cumulative: z.boolean() })),
      figures: z.array(figure).meta({ description: 'as frozen (the director’s view); `shownFigures` is what the reader may see' }),
      drillDown,
    }),
    fingerprint: z.string(),
    intact: z.boolean().meta({ description: 'the stored frozen text still gives the fingerprint' }),
    shownFigures: z.array(figure),
  })
  .meta({ id: 'FrozenPeriodReport' });

export const frozenVerdict = z
  .object({
    versions: z.int(),
    intact: z.boolean(),
    broken: z.array(z.object({ periodId: z.int(), name: z.string(), version: z.int(), problem: z.enum(['fingerprint', 'not_in_trail', 'trail_differs']) })),
  })
  .meta({ id: 'FrozenPeriodsVerdict' });

export const periodsContracts = {
  list: contract({ response: z.array(period) }),
  create: contract({ body: periodInput, response: period }),
  detail: contract({
    params: periodId,
    response: period.extend({
      current: z.object({ figures: z.array(figure), asOf: z.string(), dataVersion: z.int() }).nullable(),
      reported: z.object({ figures: z.array(figure), fingerprint: z.string() }).nullable(),
      restatement: restatement.nullable(),
    }),
  }),
  update: contract({ params: periodId, body: periodInput, response: period }),
  remove: contract({ params: periodId, response: z.object({ deleted: z.literal(true) }) }),
  close: contract({ params: periodId, response: period }),
  reopen: contract({ params: periodId, body: z.object({ reason: z.string().max(2000) }), response: period }),
  signOff: contract({
    params: periodId,
    body: z.object({
      verdict: z.enum(['accepted', 'remarks']),
      remarks: z.string().max(4000).nullable().optional(),
      fingerprint: z.string().max(64).meta({ description: 'the fingerprint of the version the auditor checked' }),
    }),
    response: period,
  }),
  acceptRestatement: contract({ params: periodId, body: z.object({ note: z.string().max(2000).nullable().optional() }), response: period }),
  report: contract({
    params: periodId,
    query: z.object({ version: queryText(9).meta({ description: 'a version number; the one in force by default' }) }),
    response: frozenReport,
  }),
  asOf: contract({
    params: periodId,
    query: z.object({ moment: queryText(40).meta({ description: 'YYYY-MM-DD (the end of that day, Europe/Warsaw) or an ISO date-time' }) }),
    response: z.object({ figures: z.array(figure), drillDown, asOf: z.string(), dataVersion: z.int() }),
  }),
  verify: contract({ response: frozenVerdict }),
  reportPdf: contract({
    params: periodId,
    query: z.object({ version: queryText(9).meta({ description: 'a version number; the one in force by default' }), lang: exportLang }),
    files: { 'application/pdf': 'the period report for the payment claim (A4)' },
  }),
  reportXlsx: contract({
    params: periodId,
    query: z.object({ version: queryText(9).meta({ description: 'a version number; the one in force by default' }), lang: exportLang }),
    files: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'figures, activities, (codes,) metadata' },
  }),
};
