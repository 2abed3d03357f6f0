/**
 * Forecasts of an indicator at the end of the year and of the project (issue 16): from the pace so
 * far this year and the seasonal shape of earlier years, with an 80% interval, the probability of
 * reaching the target and the pace needed per month. Pure; the method is in pipelines/README-forecast.md.
 */

/** One month-end value of an indicator and scope (indicator_month_value). */
export interface IndicatorMonthPoint {
  /** 'YYYY-MM' */
  month: string;
  /** The value to that month's end, as the indicator counts it. */
  value: number | null;
  /** For percentages: the answers behind the share. */
  answers?: number | null;
}

export interface ForecastInput {
  unit: 'persons' | 'activities' | 'percent';
  cumulative: boolean;
  /** Month-end values of this indicator and scope from the project's first month up to the last complete month before asOf. */
  history: readonly IndicatorMonthPoint[];
  /** The day the figures are to (YYYY-MM-DD) and the value to that day (may be mid-month). */
  asOf: string;
  valueAsOf: number | null;
  answersAsOf?: number | null;
  /** Target at the end of asOf's year, and at the project's end (null = none). */
  yearTarget: number | null;
  projectTarget: number | null;
  /** YYYY-MM-DD */
  projectStart: string;
  /** YYYY-MM-DD */
  projectEnd: string;
}

export interface Forecast {
  horizon: 'year' | 'project';
  /** YYYY-MM-DD the forecast is for. */
  end: string;
  /** valueAsOf */
  current: number | null;
  /** Central forecast at `end`. */
  projected: number | null;
  /** 80% interval. */
  low: number | null;
  high: number | null;
  target: number | null;
  /** P(value at end >= target), 0..1 */
  probability: number | null;
  /** Pace so far (this year) per month. */
  pacePerMonth: number | null;
  /** Pace per month from asOf to end needed to reach the target (0 when reached). */
  neededPerMonth: number | null;
  /** How it was made: 'pace-seasonal' | 'pace' | 'share' | 'final' | 'none'. */
  method: string;
}

/**
 * The forecasts of one indicator and scope: always two, [year, project]. When asOf's year is the
 * project's last year both end at the project's end (the year horizon is cut at projectEnd).
 */
export function forecastIndicator(input: ForecastInput): Forecast[] {
  throw new Error(`forecastIndicator: not implemented yet (${input.asOf})`);
}
