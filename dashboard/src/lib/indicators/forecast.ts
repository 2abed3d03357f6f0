// Forecasts as the overview shows them (issue 16): the "as of" day, the likelihood of reaching a
// target in words, the rows of /api/indicators/forecast as indicator values and by scope.
import type { IndicatorForecast, IndicatorForecastRow, IndicatorValue, Scope } from '$lib/api/client';
import { formatNumber, formatPercent, type Lang } from '$lib/i18n/format';
import { formatIndicatorFigure } from './indicator-value';

/** The overview's URL parameter of the "as of" view (`?na-dzien=2022-06-30`). */
export const AS_OF_PARAM = 'na-dzien';

/** The last day of a month 'YYYY-MM'. */
export function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * The days an "as of" view may be on, newest first: each month's last day inside the project
 * that is already past (before `today`).
 */
export function asOfChoices(project: { periodStart: string; periodEnd: string }, today: string): string[] {
  const days: string[] = [];
  let [year, month] = project.periodStart.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const day = monthEnd(`${year}-${String(month).padStart(2, '0')}`);
    if (day > project.periodEnd || day >= today) break;
    days.push(day);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return days.reverse();
}

/** A `?na-dzien=` value, if it is one of the days an "as of" view may be on. */
export function parseAsOfParam(value: string | null, choices: readonly string[]): string | null {
  return value && choices.includes(value) ? value : null;
}

/** The year whose forecasts the overview shows without an "as of" day: the project year today lies in, if any. */
export function runningYear(project: { periodStart: string; periodEnd: string }, years: readonly number[], today: string): number | null {
  if (today < project.periodStart || today > project.periodEnd) return null;
  const year = Number(today.slice(0, 4));
  return years.includes(year) ? year : null;
}

export type Likelihood = 'reached' | 'missed' | 'likely' | 'uncertain' | 'unlikely' | 'endangered';

/**
 * The chance of reaching a target in words: reached when nothing more is needed, missed when the
 * horizon is over short of it; else likely from 80%, uncertain from 50%, unlikely from 20%,
 * endangered below. Null without a probability.
 */
export function likelihoodOf(forecast: Pick<IndicatorForecast, 'probability' | 'neededPerMonth' | 'current' | 'target' | 'method'>): Likelihood | null {
  if (forecast.probability === null) return null;
  if (forecast.neededPerMonth === 0 && forecast.current !== null && forecast.target !== null && forecast.current >= forecast.target) return 'reached';
  if (forecast.method === 'final') return forecast.probability >= 1 ? 'reached' : 'missed';
  if (forecast.probability >= 0.8) return 'likely';
  if (forecast.probability >= 0.5) return 'uncertain';
  if (forecast.probability >= 0.2) return 'unlikely';
  return 'endangered';
}

/** A probability as a whole percent, never 0% or 100% unless it is certain ("<1%", ">99%"). */
export function formatProbability(probability: number, lang: Lang): string {
  if (probability > 0 && probability < 0.01) return `<${formatPercent(0.01, lang)}`;
  if (probability > 0.99 && probability < 1) return `>${formatPercent(0.99, lang)}`;
  return formatPercent(Math.round(probability * 100) / 100, lang);
}

/** The projected value with its 80% interval: "172 (150–190)"; null without a projection. */
export function formatProjection(forecast: Pick<IndicatorForecast, 'projected' | 'low' | 'high'>, unit: IndicatorValue['unit'], lang: Lang): string | null {
  const projected = formatIndicatorFigure(rounded(forecast.projected, unit), unit, lang);
  if (projected === null) return null;
  const low = formatIndicatorFigure(rounded(forecast.low, unit), unit, lang);
  const high = formatIndicatorFigure(rounded(forecast.high, unit), unit, lang);
  return low !== null && high !== null && low !== high ? `${projected} (${low}–${high})` : projected;
}

/** A pace per month in the indicator's unit, one decimal ("6,3"; percent as points). */
export function formatPace(value: number | null, lang: Lang): string | null {
  return value === null || !Number.isFinite(value) ? null : formatNumber(Math.round(value * 10) / 10, lang, 1);
}

// Counts are projected as whole persons or activities; a share keeps one decimal.
function rounded(value: number | null, unit: IndicatorValue['unit']): number | null {
  if (value === null) return null;
  return unit === 'percent' ? Math.round(value * 10) / 10 : Math.round(value);
}

/** The forecast rows by indicator code and scope. */
export function indexForecasts(rows: readonly IndicatorForecastRow[]): Map<string, Map<Scope, IndicatorForecastRow>> {
  const byCode = new Map<string, Map<Scope, IndicatorForecastRow>>();
  for (const row of rows) {
    let byScope = byCode.get(row.code);
    if (!byScope) byCode.set(row.code, (byScope = new Map()));
    byScope.set(row.community, row);
  }
  return byCode;
}

/** The values to the "as of" day as the indicator table reads them (the year of that day). */
export function valuesAsOf(rows: readonly IndicatorForecastRow[], year: number): IndicatorValue[] {
  return rows.map((row) => ({
    code: row.code,
    community: row.community,
    year,
    value: row.value,
    target: row.target,
    baseline: null,
    expected: row.expected,
    achievement: row.achievement,
    status: row.status,
    unit: row.unit,
  }));
}
