import { Inject, Injectable } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import type { Scope } from '../auth/access-matrix.ts';
import { cellsToSuppress, isSmallCount } from '../auth/suppression.ts';
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

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

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
    const { activities, truncated } = await this.activities.list({ community, from, to, limit: maxActivitiesPerAnswer });
    return { activities: activities.map((a) => activityView(a, scope)), truncated, limit: maxActivitiesPerAnswer };
  }

  private community(value: unknown): string | null {
    if (value === undefined || value === '') return null;
    const code = typeof value === 'string' ? value.toUpperCase() : '';
    if (!this.config.communities.some((c) => c.code === code)) throw new InvalidFilterError(`community must be one of ${this.config.communities.map((c) => c.code).join(', ')}`);
    return code;
  }

  private date(value: unknown, name: string): string | null {
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidFilterError(`${name} must be a date YYYY-MM-DD`);
    return value;
  }
}
