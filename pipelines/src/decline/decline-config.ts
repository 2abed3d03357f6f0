// The decline detector's configuration: thresholds are data, with documented defaults.
// The defaults were chosen on the simulation in pipelines/scripts/evaluate-decline.ts
// (see pipelines/README-decline.md for the numbers).

export type DeclineMeasure = 'attendances' | 'distinctParticipants';

export const DECLINE_MEASURES: readonly DeclineMeasure[] = ['attendances', 'distinctParticipants'];

export interface DeclineConfig {
  /** Which weekly counts are tested; each raises its own alerts. */
  measures: DeclineMeasure[];
  /**
   * The recent window, in weeks that count (weeks with activities; see holidayWeeks for the first
   * year): every length from minWindowWeeks to windowWeeks is tested, so a steep fall shows early and
   * a moderate one with the evidence of more weeks.
   */
  windowWeeks: number;
  minWindowWeeks: number;
  /** Weeks that count just before the window: the community's own recent level. */
  referenceWeeks: number;
  /** With fewer reference weeks than this (a short history) there is no verdict yet. */
  minReferenceWeeks: number;
  /**
   * Expected count per week in the window (per week with activities) below which nothing is judged:
   * a fall from 3 people to 1 is never an alert.
   */
  minBaselineLevel: number;
  /** An alert is raised only when the observed total is at least this fraction below the expected one… */
  minRelativeDrop: number;
  /** …and the one-sided p-value of the observed total against the expected one is at most this. */
  significance: number;
  /**
   * How the evidence of a window is judged when raising an alert: 'pValue' — p ≤ significance;
   * 'likelihoodRatio' — the log-likelihood ratio of a fall of targetDrop against none is at least
   * minLogLikelihoodRatio (windows short for their counts need stronger evidence, and the evidence a
   * sustained fall accumulates over the weeks counts as in a CUSUM).
   */
  raiseTest: 'pValue' | 'likelihoodRatio';
  /** The fall the likelihood ratio is tuned to (0.3 = a third fewer). */
  targetDrop: number;
  /** ln LR at which an alert is raised (raiseTest 'likelihoodRatio'). */
  minLogLikelihoodRatio: number;
  /** Weeks running in which both hold before an alert is raised (1 = at once). */
  confirmWeeks: number;
  /** An active alert stays active while the drop is at least this… */
  clearRelativeDrop: number;
  /** …and its p-value at most this (hysteresis: an alert that persists is one alert, not a flicker). */
  clearSignificance: number;
  /**
   * How a week's expected count grows with the activities held in it: ∝ activities^e. Attendances grow
   * in proportion (1); distinct participants less (the same people come to several sessions). A week
   * without activities says nothing about participation and is left out.
   */
  activityElasticity: Record<DeclineMeasure, number>;
  /** Previous years that give the seasonal pattern (the same ISO weeks one, two … years back). */
  seasonalYears: number;
  /**
   * Weight w of the previous years' seasonal pattern against the flat recent level, 0…1. 'auto': in
   * windows with a holiday week (holidayWeeks) w = 1; elsewhere w = max(0, 1 − c·σ²/s²), s the
   * seasonal log-ratio the previous years show and σ² its sampling variance, so a season that stands
   * out counts in full and the noise of a seasonless previous year is not copied.
   */
  seasonalWeight: number | 'auto';
  /** c in the 'auto' weight; a larger c asks more evidence before a season is believed. */
  seasonalShrinkage: number;
  /** The previous years' weeks matched to the window are widened by this many weeks either side. */
  seasonalSmoothingWeeks: number;
  /**
   * How far above the recent level the previous years' pattern may lift the expectation (0.25 = 25%);
   * it may lower it without limit (holidays). A year of growth, like a project's first, is no season
   * to hold the next year to.
   */
  maxSeasonalRise: number;
  /**
   * Without a previous year, the season is unknown: the expectation carries this relative standard
   * deviation on top of its sampling noise (0.1: a week may lie 10% off the recent level by season alone).
   */
  unknownSeasonSd: number;
  /**
   * Overdispersion φ of one activity's count (a week's variance μ + φμ²/activities): 'estimate' takes
   * it from the community's own history before the window, shrunk toward priorDispersion.
   */
  dispersion: number | 'estimate';
  priorDispersion: number;
  /** Weight of the prior, in weeks of history. */
  priorDispersionWeeks: number;
  /** φ is never taken below this (there is always some: people come in groups, sessions differ). */
  minDispersion: number;
  /**
   * ISO week numbers of the holidays (default: New Year, the summer holidays late June–August, Christmas).
   * Without a previous year they are left out of the window and the reference, since a holiday dip
   * cannot be told from a decline with nothing to compare with; with one, a window holding them
   * takes the previous years' season in full.
   */
  holidayWeeks: number[];
}

export const DEFAULT_DECLINE_CONFIG: Readonly<DeclineConfig> = Object.freeze({
  measures: Object.freeze(['attendances', 'distinctParticipants']) as DeclineMeasure[],
  windowWeeks: 6,
  minWindowWeeks: 3,
  referenceWeeks: 26,
  minReferenceWeeks: 8,
  minBaselineLevel: 5,
  minRelativeDrop: 0.2,
  significance: 0.01,
  raiseTest: 'pValue',
  targetDrop: 0.3,
  minLogLikelihoodRatio: 2.4,
  confirmWeeks: 1,
  clearRelativeDrop: 0.1,
  clearSignificance: 0.2,
  activityElasticity: Object.freeze({ attendances: 1, distinctParticipants: 0.5 }) as Record<DeclineMeasure, number>,
  seasonalYears: 2,
  seasonalWeight: 'auto',
  seasonalShrinkage: 1,
  seasonalSmoothingWeeks: 0,
  maxSeasonalRise: 0.25,
  unknownSeasonSd: 0.1,
  dispersion: 'estimate',
  priorDispersion: 0.1,
  priorDispersionWeeks: 8,
  minDispersion: 0.02,
  holidayWeeks: Object.freeze([1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 52, 53]) as number[],
} satisfies DeclineConfig);

/** What a caller may give: any fields, the elasticity per measure as far as given. */
export type DeclineConfigInput = Partial<Omit<DeclineConfig, 'activityElasticity'>> & {
  activityElasticity?: Partial<Record<DeclineMeasure, number>>;
};

/** The defaults with the given fields replaced; throws a RangeError naming the field that is out of range. */
export function resolveDeclineConfig(overrides: DeclineConfigInput = {}): DeclineConfig {
  const config: DeclineConfig = {
    ...DEFAULT_DECLINE_CONFIG,
    measures: [...DEFAULT_DECLINE_CONFIG.measures],
    activityElasticity: { ...DEFAULT_DECLINE_CONFIG.activityElasticity },
    holidayWeeks: [...DEFAULT_DECLINE_CONFIG.holidayWeeks],
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in DEFAULT_DECLINE_CONFIG)) throw new RangeError(`Decline configuration: unknown field ${key}`);
    if (value === undefined) continue;
    (config as unknown as Record<string, unknown>)[key] =
      key === 'activityElasticity' && value && typeof value === 'object' ? { ...config.activityElasticity, ...value } : value;
  }
  const fail = (field: string, rule: string): never => {
    throw new RangeError(`Decline configuration: ${field} ${rule}, got ${JSON.stringify((config as unknown as Record<string, unknown>)[field])}`);
  };
  const integer = (field: keyof DeclineConfig, min: number) => {
    const v = config[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) fail(field, `must be a whole number ≥ ${min}`);
  };
  const fraction = (field: keyof DeclineConfig, openZero = false) => {
    const v = config[field];
    if (typeof v !== 'number' || !(openZero ? v > 0 : v >= 0) || v > 1) fail(field, `must be a number in ${openZero ? '(0' : '[0'}, 1]`);
  };
  if (!Array.isArray(config.measures) || config.measures.length === 0 || config.measures.some((m) => !DECLINE_MEASURES.includes(m))) {
    fail('measures', `must list some of ${DECLINE_MEASURES.join(', ')}`);
  }
  for (const m of DECLINE_MEASURES) {
    const e = config.activityElasticity?.[m];
    if (typeof e !== 'number' || !(e >= 0 && e <= 1)) fail('activityElasticity', `must give each measure a number in [0, 1] (${m})`);
  }
  integer('windowWeeks', 1);
  integer('minWindowWeeks', 1);
  if (config.minWindowWeeks > config.windowWeeks) fail('minWindowWeeks', 'must not exceed windowWeeks');
  integer('referenceWeeks', 1);
  integer('minReferenceWeeks', 1);
  if (config.minReferenceWeeks > config.referenceWeeks) fail('minReferenceWeeks', 'must not exceed referenceWeeks');
  integer('seasonalYears', 0);
  integer('confirmWeeks', 1);
  integer('priorDispersionWeeks', 0);
  integer('seasonalSmoothingWeeks', 0);
  // Wider, last year's weeks would reach into this year's (and each week's test past its own week).
  if (config.seasonalSmoothingWeeks > 26) fail('seasonalSmoothingWeeks', 'must be at most 26');
  if (typeof config.minBaselineLevel !== 'number' || !(config.minBaselineLevel >= 0)) fail('minBaselineLevel', 'must be a number ≥ 0');
  fraction('minRelativeDrop');
  fraction('significance', true);
  fraction('clearRelativeDrop');
  fraction('clearSignificance', true);
  if (config.clearRelativeDrop > config.minRelativeDrop) fail('clearRelativeDrop', 'must not exceed minRelativeDrop');
  if (config.clearSignificance < config.significance) fail('clearSignificance', 'must not be below significance');
  if (config.raiseTest !== 'pValue' && config.raiseTest !== 'likelihoodRatio') fail('raiseTest', "must be 'pValue' or 'likelihoodRatio'");
  if (!(typeof config.targetDrop === 'number' && config.targetDrop > 0 && config.targetDrop < 1)) fail('targetDrop', 'must be a number in (0, 1)');
  if (!(typeof config.minLogLikelihoodRatio === 'number' && config.minLogLikelihoodRatio >= 0)) fail('minLogLikelihoodRatio', 'must be a number ≥ 0');
  if (config.seasonalWeight !== 'auto') fraction('seasonalWeight');
  if (!(typeof config.seasonalShrinkage === 'number' && config.seasonalShrinkage >= 0)) fail('seasonalShrinkage', 'must be a number ≥ 0');
  if (config.dispersion !== 'estimate' && !(typeof config.dispersion === 'number' && config.dispersion >= 0)) {
    fail('dispersion', "must be 'estimate' or a number ≥ 0");
  }
  if (!(typeof config.maxSeasonalRise === 'number' && config.maxSeasonalRise >= 0)) fail('maxSeasonalRise', 'must be a number ≥ 0');
  if (!(typeof config.unknownSeasonSd === 'number' && config.unknownSeasonSd >= 0)) fail('unknownSeasonSd', 'must be a number ≥ 0');
  if (!(config.priorDispersion >= 0)) fail('priorDispersion', 'must be a number ≥ 0');
  if (!(config.minDispersion >= 0)) fail('minDispersion', 'must be a number ≥ 0');
  if (!Array.isArray(config.holidayWeeks) || config.holidayWeeks.some((w) => !Number.isInteger(w) || w < 1 || w > 53)) {
    fail('holidayWeeks', 'must list ISO week numbers 1–53');
  }
  return config;
}
