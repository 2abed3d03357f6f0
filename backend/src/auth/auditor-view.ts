import { activityCell, attendanceListCell, auditorPersonMeasures, indicatorCell, metricCell, type PeriodRow } from './auditor-disclosure.ts';
import type { MetricDimension, MetricGrain } from '../analytics/metrics-query.ts';
import type { Scope } from './access-matrix.ts';
import { isSmallCount } from './suppression.ts';

/**
 * The auditor's answers with the shared mask (auditor-disclosure.ts) applied: a hidden figure is
 * null and named in `suppressed`, together with every figure computed from it.
 */
export { auditorPersonMeasures, type PeriodRow };
export type { AuditorPersonMeasure } from './auditor-disclosure.ts';

/** A metrics row (by month or year, of one community or ALL) with its hidden cells set to null. */
export function applyHiddenCells<T extends PeriodRow>(row: T, hidden: ReadonlySet<string>, smallCountLimit: number): T & { suppressed?: string[] } {
  const out: T & { suppressed?: string[] } = { ...row };
  const names: string[] = [];
  for (const measure of auditorPersonMeasures) {
    if (!(measure in row)) continue;
    // A cell outside the mask (a period it was not computed over) is hidden when small, at the least.
    if (!hidden.has(metricCell(row.period, row.community, measure)) && !isSmallCount(row[measure] as number, smallCountLimit)) continue;
    (out as Record<string, unknown>)[measure] = null;
    names.push(measure);
  }
  // Turnout is attendances per activity: it goes with them, whatever the question asked for.
  if ('turnout' in out && (hidden.has(metricCell(row.period, row.community, 'attendances')) || isSmallCount(row.attendances as number, smallCountLimit))) {
    (out as Record<string, unknown>).turnout = null;
    names.push('turnout');
  }
  if (names.length > 0) out.suppressed = names.sort();
  return out;
}

export interface ActivityFigures {
  externalId: string;
  attendances: number | null;
  namedAttendances: number | null;
  anonymousAttendances: number | null;
  attendanceLists: { batchId: number; attendances: number | null }[];
  suppressed?: string[];
}

/**
 * One activity's counts with the mask applied. An activity the mask does not know (recorded after
 * it was computed) shows no counts at all until it is recomputed.
 */
export function applyActivityMask<T extends ActivityFigures>(activity: T, hidden: ReadonlySet<string>, known: boolean): T {
  const out: T = { ...activity, attendanceLists: activity.attendanceLists.map((l) => ({ ...l })) };
  const names: string[] = [];
  for (const field of ['attendances', 'namedAttendances', 'anonymousAttendances'] as const) {
    if (known && !hidden.has(activityCell(activity.externalId, field))) continue;
    out[field] = null;
    names.push(field);
  }
  for (const list of out.attendanceLists) if (!known || hidden.has(attendanceListCell(activity.externalId, list.batchId))) list.attendances = null;
  if (names.length > 0) out.suppressed = names.sort();
  return out;
}

export interface IndicatorFigures {
  code: string;
  community: string;
  year: number;
  unit: string;
  value: number | null;
  achievement: number | null;
  status: string | null;
  suppressed?: string[];
}

/**
 * An indicator value with the mask applied: a hidden value takes its achievement and status with it
 * (either would reveal it). Hidden are the cells `hidden` names (the persons' mask, and the survey
 * shares of too few answers: survey-share-disclosure.ts) and, at the least, a small count of persons.
 */
export function applyIndicatorMask<T extends IndicatorFigures>(row: T, hidden: ReadonlySet<string>, smallCountLimit: number): T {
  const small = row.unit === 'persons' && isSmallCount(row.value, smallCountLimit);
  if (!hidden.has(indicatorCell(row.code, row.community, row.year)) && !small) return row;
  return { ...row, value: null, achievement: null, status: null, suppressed: ['achievement', 'status', 'value'] };
}

/**
 * What a figures route gives a scope of counts of persons (and their attendances): every grain and
 * breakdown, or in the auditor's `suppressed` scope only the masked table (whole months or years,
 * per community or ALL), since other grains and breakdowns would add totals that undo the mask.
 */
export interface PersonFiguresView {
  suppressed: boolean;
  grains: readonly MetricGrain[];
  /** Whether persons may be broken down by activity group or type. */
  byGroupOrType: boolean;
}

export function personFiguresView(scope: Scope): PersonFiguresView {
  if (scope === 'suppressed') return { suppressed: true, grains: ['month', 'year'], byGroupOrType: false };
  return { suppressed: false, grains: ['week', 'month', 'quarter', 'year'], byGroupOrType: true };
}

/** Whether a view gives counts of persons at this grain and breakdown. */
export function allowsPersonFigures(view: PersonFiguresView, query: { grain: MetricGrain; dimensions: readonly MetricDimension[] }): boolean {
  if (!view.grains.includes(query.grain)) return false;
  return view.byGroupOrType || !query.dimensions.some((d) => d === 'group' || d === 'type');
}
