import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const code = z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'expected an upper-case code (A–Z, 0–9, _ or -)');

/** Sign-in sessions and the sign-in rate limit; every field has a default, so project.json may leave it out. */
const attemptLimit = z.strictObject({ attempts: z.number().int().positive(), windowMinutes: z.number().positive() });
export const securitySchema = z.strictObject({
  /** A session unused for this long ends. */
  sessionIdleMinutes: z
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  /** A session ends this long after sign-in, however active. */
  sessionAbsoluteHours: z
    .number()
    .positive()
    .max(7 * 24)
    .default(12),
  /** Failed sign-ins allowed per e-mail address and per client address within the window. */
  signInLimits: z
    .strictObject({ perAccount: attemptLimit, perAddress: attemptLimit })
    .default({ perAccount: { attempts: 5, windowMinutes: 15 }, perAddress: { attempts: 20, windowMinutes: 15 } }),
  minPasswordLength: z.number().int().min(8).default(10),
});

/**
 * Small-count suppression (docs/spec/domain.md): counts of 1 … limit − 1 persons are hidden from the
 * auditor and in exports, and every hidden figure is shown as `label`.
 */
export const smallCountsSchema = z.strictObject({
  limit: z.number().int().min(2).default(3),
  label: z.string().min(1).default('<3'),
});

/**
 * The values survey answers take, per scale (surveys.json gives each question its scale): a `likert5`
 * answer is a whole number from `min` to `max`; a `yes_no` answer is stored as `yes` or `no`; a
 * `text` answer is free text, kept only in the operational database.
 */
export const answerScalesSchema = z.strictObject({
  likert5: z
    .strictObject({ min: z.number().int().min(0).default(1), max: z.number().int().max(5).default(5) })
    .refine((scale) => scale.min < scale.max, { message: 'min must be below max', path: ['max'] })
    .default({ min: 1, max: 5 }),
  yes_no: z
    .strictObject({ yes: z.number().default(1), no: z.number().default(0) })
    .refine((scale) => scale.yes !== scale.no, { message: 'yes and no must be stored as different values', path: ['no'] })
    .default({ yes: 1, no: 0 }),
});

const groupCode = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'expected a lower-case group code (a–z, 0–9, _ or -)');

/**
 * "Who has not come back" (the community page): a person counts as a regular who stopped coming
 * when they came at least `regularMinAttendances` times within the `regularWithinWeeks` weeks up
 * to their last visit, and have not come for `lapsedAfterDays` days while the community went on
 * meeting. Occasional visitors (one picnic) are left out: they are not who the organizer lost.
 */
export const lapsingSchema = z.strictObject({
  regularMinAttendances: z.number().int().min(1).default(4),
  regularWithinWeeks: z.number().int().min(1).max(104).default(13),
  lapsedAfterDays: z.number().int().min(7).max(730).default(56),
});

export const projectSchema = z.strictObject({
  name: z.string().min(1),
  centre: z.string().min(1),
  periodStart: isoDate,
  periodEnd: isoDate,
  timeZone: z.string().min(1),
  statusThresholds: z.strictObject({ onTrack: z.number().gt(0).lte(1), atRisk: z.number().gt(0).lte(1) }),
  importLimits: z.strictObject({
    maxFileBytes: z.number().int().positive(),
    maxRows: z.number().int().positive(),
    /** All files of one upload together (they are spooled to disk, then imported one at a time). */
    maxUploadBytes: z
      .number()
      .int()
      .positive()
      .default(200 * 1024 * 1024),
    /** The heap of the import worker process; a file needing more is refused, the server goes on. */
    workerMemoryMb: z.number().int().min(128).default(4096),
    /** Reading one file (CSV or XLSX, in a worker thread) may take this long; past it the file is refused as too complex. */
    readTimeoutSeconds: z.number().positive().default(120),
    /** The heap of the thread reading one file; a file needing more is refused as too complex. */
    readerMemoryMb: z.number().int().min(64).default(2048),
    /** Imported rows dated before this day are refused (as are dates after today). */
    earliestDate: isoDate.default('2000-01-01'),
  }),
  security: securitySchema.default(securitySchema.parse({})),
  smallCounts: smallCountsSchema.default(smallCountsSchema.parse({})),
  answerScales: answerScalesSchema.default(answerScalesSchema.parse({})),
  /** The groups activity types belong to (activity-types.json) and indicators and metrics filter by. */
  activityGroups: z.array(groupCode).min(1).default(['animation', 'education', 'action']),
  lapsing: lapsingSchema.default(lapsingSchema.parse({})),
});

export const communitySchema = z.strictObject({
  code,
  name: z.string().min(1),
  kind: z.enum(['territorial', 'categorical']),
});

export const activityTypeSchema = z.strictObject({
  code,
  namePl: z.string().min(1),
  nameEn: z.string().min(1),
  /** One of project.json's activityGroups. */
  group: groupCode,
});

export const questionScales = ['likert5', 'yes_no', 'text'] as const;
export const surveySchema = z.strictObject({
  code,
  namePl: z.string().min(1),
  nameEn: z.string().min(1),
  questions: z.array(z.strictObject({ code, scale: z.enum(questionScales), textPl: z.string().min(1), textEn: z.string().min(1) })).min(1),
});

/** The computations an indicator can be configured with (docs/spec/indicators.md, "The default set"). */
export const computationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('distinct_participants'), minAttendances: z.number().int().min(1) }),
  z.strictObject({
    kind: z.literal('activity_count'),
    groups: z.array(groupCode).optional(),
    types: z.array(code).optional(),
    residentInitiative: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('leaders') }),
  z.strictObject({
    kind: z.literal('survey_share'),
    survey: code,
    question: code,
    minValue: z.number(),
    decimals: z.number().int().min(0).max(4),
  }),
]);

const yearKey = z.string().regex(/^\d{4}$/, 'expected a year such as "2022"');
export const indicatorSchema = z.strictObject({
  code,
  kind: z.enum(['output', 'result']),
  namePl: z.string().min(1),
  nameEn: z.string().min(1),
  unit: z.enum(['persons', 'activities', 'percent']),
  cumulative: z.boolean(),
  computation: computationSchema,
  baseline: z.record(z.string(), z.number()),
  targets: z.record(z.string(), z.record(yearKey, z.number())),
});

export const scheduleSchema = z.strictObject({
  timeZone: z.string().min(1),
  jobs: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        task: z.enum(['pipeline', 'inbox-scan']),
        cron: z.string().min(1),
        mode: z.enum(['incremental', 'full']).optional(),
        enabled: z.boolean().optional(),
      }),
    )
    .min(0),
});

export type ProjectConfig = z.infer<typeof projectSchema>;
export type CommunityConfig = z.infer<typeof communitySchema>;
export type ActivityTypeConfig = z.infer<typeof activityTypeSchema>;
export type SmallCountsConfig = z.infer<typeof smallCountsSchema>;
export type LapsingConfig = z.infer<typeof lapsingSchema>;
export type AnswerScalesConfig = z.infer<typeof answerScalesSchema>;
export type SurveyConfig = z.infer<typeof surveySchema>;
export type QuestionScale = (typeof questionScales)[number];
export type IndicatorComputation = z.infer<typeof computationSchema>;
export type IndicatorConfig = z.infer<typeof indicatorSchema>;
export type ScheduleConfig = z.infer<typeof scheduleSchema>;

export { declineSchema, declineMeasures, type DeclineSettings, type DeclineSettingsInput } from './decline.schema.ts';
import type { DeclineSettings } from './decline.schema.ts';

export interface OslConfig {
  /** Folder the configuration was read from. */
  source: string;
  project: ProjectConfig;
  communities: CommunityConfig[];
  activityTypes: ActivityTypeConfig[];
  indicators: IndicatorConfig[];
  surveys: SurveyConfig[];
  schedule: ScheduleConfig;
  /** The decline detector's settings: decline.json over the defaults (all defaults when the file is absent). */
  decline: DeclineSettings;
  /**
   * The reporting periods (okresy sprawozdawcze) the director defined: not a file, the operational
   * database's table, put into the snapshot so that every run computes their figures.
   */
  periods: ReportingPeriodConfig[];
}

/** A reporting period of a payment claim: its own id, a name and a span of civil dates (both inclusive). */
export interface ReportingPeriodConfig {
  id: number;
  name: string;
  from: string;
  to: string;
}
