import { Inject, Injectable } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import type { Scope } from '../auth/access-matrix.ts';
import { cellsToSuppress, isSmallCount, secondarySuppression } from '../auth/suppression.ts';
import { isCalendarDate } from '../lib/calendar-date.ts';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { ActivityRepository, type ActivityRecordWithSources, type BatchRef } from '../repositories/activity.repository.ts';
import { InvalidFilterError } from './indicators.service.ts';

export const maxActivitiesPerAnswer = 2000;

export interface ActivityView extends Omit<ActivityRecordWithSources, 'namedAttendances' | 'headcountAnonymous' | 'attendanceLists'> {
  attendanceLists: (BatchRef & { attendances: number | null })[];
  namedAttendances: number | null;
  anonymousAttendances: number | null;
  attendances: number | null;
  suppressed?: string[];
}

/** One activity's counts as a scope sees them: for the auditor, 1–2 persons hidden (and the pair that would reveal them). */
export function activityView(activity: ActivityRecordWithSources, scope: Scope): ActivityView {
  const { namedAttendances, headcountAnonymous, ...rest } = activity;
  const view: ActivityView = { ...rest, namedAttendances, anonymousAttendances: headcountAnonymous, attendances: namedAttendances + headcountAnonymous };
  if (scope !== 'suppressed') return view;
  const [hideNamed, hideAnonymous] = cellsToSuppress([namedAttendances, headcountAnonymous]);
  const hidden = [hideNamed && 'namedAttendances', hideAnonymous && 'anonymousAttendances', isSmallCount(view.attendances) && 'attendances'].filter(Boolean) as string[];
  for (const field of hidden) (view as unknown as Record<string, unknown>)[field] = null;
  // A list's own count is the same figure: hidden with it.
  view.attendanceLists = view.attendanceLists.map((l) => ({ ...l, attendances: hideNamed || isSmallCount(l.attendances) ? null : l.attendances }));
  if (hidden.length > 0) view.suppressed = hidden.sort();
  return view;
}

/**
 * The activities of a community's month add up to its monthly attendances, which the auditor may
 * see: where one activity's count is hidden, a second one of the same month is hidden too.
 * `views` must hold whole months (the callers widen their date range to months).
 */
export function suppressAcrossMonths(views: readonly ActivityView[]): ActivityView[] {
  const values = new Map<string, number | null>();
  const hidden = new Set<string>();
  const lines = new Map<string, string[]>();
  views.forEach((view, index) => {
    for (const field of ['attendances', 'namedAttendances', 'anonymousAttendances'] as const) {
      const id = `${index}|${field}`;
      const original = view[field];
      values.set(id, original ?? 1);
      if (original === null) hidden.add(id);
      const key = `${view.community}|${view.date.slice(0, 7)}|${field}`;
      lines.set(key, [...(lines.get(key) ?? []), id]);
    }
  });
  const result = secondarySuppression(values, [...lines.values()], hidden);
  return views.map((view, index) => {
    const extra = (['attendances', 'namedAttendances', 'anonymousAttendances'] as const).filter((f) => result.has(`${index}|${f}`) && view[f] !== null);
    if (extra.length === 0) return view;
    const out: ActivityView = { ...view, suppressed: [...new Set([...(view.suppressed ?? []), ...extra])].sort() };
    for (const field of extra) out[field] = null;
    if (extra.includes('namedAttendances')) out.attendanceLists = out.attendanceLists.map((l) => ({ ...l, attendances: null }));
    return out;
  });
}

/** The first and last day of the months a date range touches. */
export function wholeMonths(from: string | null, to: string | null): { from: string | null; to: string | null } {
  const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { from: from ? `${from.slice(0, 7)}-01` : null, to: to ? lastDay(to.slice(0, 7)) : null };
}

@Injectable()
export class ActivitiesService {
  constructor(
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
  ) {}

  async list(raw: { community?: unknown; from?: unknown; to?: unknown }, scope: Scope): Promise<{ activities: ActivityView[]; truncated: boolean; limit: number }> {
    const community = this.community(raw.community);
    const from = this.date(raw.from, 'from');
    const to = this.date(raw.to, 'to');
    if (from && to && from > to) throw new InvalidFilterError('from must not be after to');
    if (scope !== 'suppressed') {
      const { activities, truncated } = await this.activities.list({ community, from, to, limit: maxActivitiesPerAnswer });
      return { activities: activities.map((a) => activityView(a, scope)), truncated, limit: maxActivitiesPerAnswer };
    }
    // Suppression looks at whole months; the answer is then cut back to the range asked for.
    const months = wholeMonths(from, to);
    const { activities, truncated } = await this.activities.list({ community, ...months, limit: maxActivitiesPerAnswer });
    const shown = suppressAcrossMonths(activities.map((a) => activityView(a, scope))).filter((a) => (!from || a.date >= from) && (!to || a.date <= to));
    return { activities: shown, truncated, limit: maxActivitiesPerAnswer };
  }

  private community(value: unknown): string | null {
    if (value === undefined || value === '') return null;
    const code = typeof value === 'string' ? value.toUpperCase() : '';
    if (!this.config.communities.some((c) => c.code === code)) throw new InvalidFilterError(`community must be one of ${this.config.communities.map((c) => c.code).join(', ')}`);
    return code;
  }

  private date(value: unknown, name: string): string | null {
    if (value === undefined || value === '') return null;
    if (!isCalendarDate(value)) throw new InvalidFilterError(`${name} must be a date YYYY-MM-DD`);
    return value;
  }
}
