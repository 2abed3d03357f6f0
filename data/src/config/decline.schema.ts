// The decline detector's settings (decline.json, optional): every field has a documented default,
// bounds and cross-field rules, and a wrong value is reported like any configuration error (file and
// field). The detector is pipelines/src/decline; the defaults were chosen on the simulation in
// pipelines/scripts/evaluate-decline.ts (see pipelines/README-decline.md for the numbers).
import { z } from 'zod';

export const declineMeasures = ['attendances', 'distinctParticipants'] as const;

const wholeNumber = (min: number) => {
  const rule = `must be a whole number ≥ ${min}`;
  return z.number({ error: rule }).int(rule).min(min, rule);
};
/** [0, 1], or (0, 1] when zero means nothing (a significance level). */
const fraction = (openZero = false) => {
  const rule = `must be a number in ${openZero ? '(0' : '[0'}, 1]`;
  const number = z.number({ error: rule }).max(1, rule);
  return openZero ? number.gt(0, rule) : number.min(0, rule);
};
const nonNegative = () => z.number({ error: 'must be a number ≥ 0' }).min(0, 'must be a number ≥ 0');

const elasticity = (measure: string) => {
  const rule = `must give each measure a number in [0, 1] (${measure})`;
  return z.number({ error: rule }).min(0, rule).max(1, rule);
};

const positive = () => z.number({ error: 'must be a number > 0' }).gt(0, 'must be a number > 0');

/**
 * The person-level test (pipelines/src/decline/lapsing.ts): regulars whose absence is unlikely under
 * their own rate of attendance are lapsing, and a community is alerted when more of its regulars are
 * lapsing at once than its own history makes likely.
 */
export const lapsingTestSchema = z
  .strictObject({
    /** Weeks with activities, back from a person's last visit, that give their rate. */
    referenceWeeks: wholeNumber(1).default(26),
    /** A regular came at least this many times within that span… */
    minAttendances: wholeNumber(2).default(3),
    /** …at a mean rate of at least this share of the activities they could have come to. */
    minRate: fraction().default(0.2),
    /** The prior of a person's rate (Beta), in activities attended and missed. */
    priorAttended: positive().default(1),
    priorMissed: positive().default(1),
    /** A regular whose run of absences has at most this probability under their rate is lapsing. */
    personSignificance: fraction(true).default(0.05),
    /** Regulars away longer than this many weeks with activities no longer count as lapsing now (they are on the list). */
    poolWeeks: wholeNumber(1).default(13),
    /** The community test: raised at p ≤ significance (for confirmWeeks weeks with activities running), kept while p ≤ clearSignificance. */
    significance: fraction(true).default(0.01),
    clearSignificance: fraction(true).default(0.05),
    confirmWeeks: wholeNumber(1).default(2),
    /** Raised only with at least this many lapsing regulars beyond the expectation, and this share of the regulars. */
    minLapsing: wholeNumber(1).default(3),
    minLapsingShare: fraction().default(0.1),
    /** The latest weeks with activities, left out of the community's own reference. */
    windowWeeks: wholeNumber(1).default(6),
    /** Weeks with activities before those that give the community's usual count of lapsing regulars and its variance. */
    referenceRatioWeeks: wholeNumber(1).default(26),
    /** Weight of the priors (no more lapsing than the rates say; variance priorVarianceRatio × mean), in weeks. */
    priorWeeks: wholeNumber(1).default(8),
    priorVarianceRatio: z.number({ error: 'must be a number ≥ 1' }).min(1, 'must be a number ≥ 1').default(2),
    /** Previous years whose same weeks (± seasonalSpanWeeks) give the season of an absence. */
    seasonalYears: wholeNumber(0).default(2),
    seasonalSpanWeeks: wholeNumber(0).max(26, 'must be at most 26').default(3),
  })
  .superRefine((config, context) => {
    if (config.clearSignificance < config.significance)
      context.addIssue({ code: 'custom', path: ['clearSignificance'], message: 'must not be below significance' });
  });

export const declineSchema = z
  .strictObject({
    /** Which weekly counts are tested; each raises its own alerts. */
    measures: z
      .array(z.enum(declineMeasures, { error: `must list some of ${declineMeasures.join(', ')}` }), {
        error: `must list some of ${declineMeasures.join(', ')}`,
      })
      .min(1, `must list some of ${declineMeasures.join(', ')}`)
      .default(['attendances', 'distinctParticipants']),
    /**
     * The recent window, in weeks that count (weeks with activities; see holidayWeeks for the first
     * year): every length from minWindowWeeks to windowWeeks is tested, so a steep fall shows early and
     * a moderate one with the evidence of more weeks.
     */
    windowWeeks: wholeNumber(1).default(6),
    minWindowWeeks: wholeNumber(1).default(3),
    /** Weeks that count just before the window: the community's own recent level. */
    referenceWeeks: wholeNumber(1).default(26),
    /** With fewer reference weeks than this (a short history) there is no verdict yet. */
    minReferenceWeeks: wholeNumber(1).default(8),
    /**
     * Expected count per week in the window (per week with activities) below which nothing is judged:
     * a fall from 3 people to 1 is never an alert.
     */
    minBaselineLevel: nonNegative().default(5),
    /** An alert is raised only when the observed total is at least this fraction below the expected one… */
    minRelativeDrop: fraction().default(0.2),
    /** …and the one-sided p-value of the observed total against the expected one is at most this. */
    significance: fraction(true).default(0.01),
    /**
     * How the evidence of a window is judged when raising an alert: 'pValue' — p ≤ significance;
     * 'likelihoodRatio' — the log-likelihood ratio of a fall of targetDrop against none is at least
     * minLogLikelihoodRatio (windows short for their counts need stronger evidence, and the evidence a
     * sustained fall accumulates over the weeks counts as in a CUSUM).
     */
    raiseTest: z.enum(['pValue', 'likelihoodRatio'], { error: "must be 'pValue' or 'likelihoodRatio'" }).default('pValue'),
    /** The fall the likelihood ratio is tuned to (0.3 = a third fewer). */
    targetDrop: z.number({ error: 'must be a number in (0, 1)' }).gt(0, 'must be a number in (0, 1)').lt(1, 'must be a number in (0, 1)').default(0.3),
    /** ln LR at which an alert is raised (raiseTest 'likelihoodRatio'). */
    minLogLikelihoodRatio: nonNegative().default(2.4),
    /** Weeks running in which both hold before an alert is raised (1 = at once). */
    confirmWeeks: wholeNumber(1).default(1),
    /** An active alert stays active while the drop is at least this… */
    clearRelativeDrop: fraction().default(0.1),
    /** …and its p-value at most this (hysteresis: an alert that persists is one alert, not a flicker). */
    clearSignificance: fraction(true).default(0.2),
    /**
     * How a week's expected count grows with the activities held in it: ∝ activities^e. Attendances grow
     * in proportion (1); distinct participants less (the same people come to several sessions). A week
     * without activities says nothing about participation and is left out. A measure left out keeps its default.
     */
    activityElasticity: z
      .strictObject({ attendances: elasticity('attendances').default(1), distinctParticipants: elasticity('distinctParticipants').default(0.5) })
      .default({ attendances: 1, distinctParticipants: 0.5 }),
    /** Previous years that give the seasonal pattern (the same ISO weeks one, two … years back). */
    seasonalYears: wholeNumber(0).default(2),
    /**
     * Weight w of the previous years' seasonal pattern against the flat recent level, 0…1. 'auto': in
     * windows with a holiday week (holidayWeeks) w = 1; elsewhere w = max(0, 1 − c·σ²/s²), s the
     * seasonal log-ratio the previous years show and σ² its sampling variance, so a season that stands
     * out counts in full and the noise of a seasonless previous year is not copied.
     */
    seasonalWeight: z.union([z.literal('auto'), fraction()], { error: "must be 'auto' or a number in [0, 1]" }).default('auto'),
    /** c in the 'auto' weight; a larger c asks more evidence before a season is believed. */
    seasonalShrinkage: nonNegative().default(1),
    /**
     * The previous years' weeks matched to the window are widened by this many weeks either side; wider
     * than 26, last year's weeks would reach into this year's (and each week's test past its own week).
     */
    seasonalSmoothingWeeks: wholeNumber(0).max(26, 'must be at most 26').default(0),
    /**
     * How far above the recent level the previous years' pattern may lift the expectation (0.25 = 25%);
     * it may lower it without limit (holidays). A year of growth, like a project's first, is no season
     * to hold the next year to.
     */
    maxSeasonalRise: nonNegative().default(0.25),
    /**
     * Without a previous year, the season is unknown: the expectation carries this relative standard
     * deviation on top of its sampling noise (0.1: a week may lie 10% off the recent level by season alone).
     */
    unknownSeasonSd: nonNegative().default(0.1),
    /**
     * Overdispersion φ of one activity's count (a week's variance μ + φμ²/activities): 'estimate' takes
     * it from the community's own history before the window, shrunk toward priorDispersion.
     */
    dispersion: z.union([z.literal('estimate'), nonNegative()], { error: "must be 'estimate' or a number ≥ 0" }).default('estimate'),
    priorDispersion: nonNegative().default(0.1),
    /** Weight of the prior, in weeks of history. */
    priorDispersionWeeks: wholeNumber(0).default(8),
    /** φ is never taken below this (there is always some: people come in groups, sessions differ). */
    minDispersion: nonNegative().default(0.02),
    /**
     * ISO week numbers of the holidays (default: New Year, the summer holidays late June–August, Christmas).
     * Without a previous year they are left out of the window and the reference, since a holiday dip
     * cannot be told from a decline with nothing to compare with; with one, a window holding them
     * takes the previous years' season in full.
     */
    holidayWeeks: z
      .array(z.number().int('must list ISO week numbers 1–53').min(1, 'must list ISO week numbers 1–53').max(53, 'must list ISO week numbers 1–53'), {
        error: 'must list ISO week numbers 1–53',
      })
      .default([1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 52, 53]),
    /** The person-level test of lapsing regulars (its own fields, each with its default). */
    lapsing: lapsingTestSchema.default(() => lapsingTestSchema.parse({})),
  })
  .superRefine((config, context) => {
    const rule = (field: string, message: string) => context.addIssue({ code: 'custom', path: [field], message });
    if (config.minWindowWeeks > config.windowWeeks) rule('minWindowWeeks', 'must not exceed windowWeeks');
    if (config.minReferenceWeeks > config.referenceWeeks) rule('minReferenceWeeks', 'must not exceed referenceWeeks');
    if (config.clearRelativeDrop > config.minRelativeDrop) rule('clearRelativeDrop', 'must not exceed minRelativeDrop');
    if (config.clearSignificance < config.significance) rule('clearSignificance', 'must not be below significance');
  });

export type DeclineSettings = z.output<typeof declineSchema>;
export type DeclineSettingsInput = z.input<typeof declineSchema>;
