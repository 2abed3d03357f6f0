import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import type { Scope } from '../auth/access-matrix.ts';
import { applyActivityMask } from '../auth/auditor-view.ts';
import { isCalendarDate } from '../lib/calendar-date.ts';
import { ActivityRepository, type ActivityRecordWithSources, type BatchRef } from '../repositories/activity.repository.ts';
import { AuditorFiguresService, type AuditorMask } from './auditor-figures.service.ts';
import { DomainError } from '../lib/domain-error.ts';
import { ConfigurationService } from './configuration.service.ts';

export const maxActivitiesPerAnswer = 2000;

export interface ActivityView extends Omit<ActivityRecordWithSources, 'namedAttendances' | 'headcountAnonymous' | 'attendanceLists'> {
  attendanceLists: (BatchRef & { attendances: number | null })[];
  namedAttendances: number | null;
  anonymousAttendances: number | null;
  attendances: number | null;
  suppressed?: string[];
}

/** One activity's counts as recorded (named, unlisted and their sum). */
export function activityView(activity: ActivityRecordWithSources): ActivityView {
  const { namedAttendances, headcountAnonymous, ...rest } = activity;
  return { ...rest, namedAttendances, anonymousAttendances: headcountAnonymous, attendances: namedAttendances + headcountAnonymous };
}

/** Activities as the auditor sees them: the shared mask applied (an activity it does not know yet shows no counts). */
export function maskedActivityViews(views: readonly ActivityView[], mask: AuditorMask): ActivityView[] {
  return views.map((view) => applyActivityMask(view, mask.hidden, mask.activities.has(view.externalId)));
}

@Injectable()
export class ActivitiesService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(AuditorFiguresService) private readonly auditorFigures: AuditorFiguresService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async list(
    raw: { community?: unknown; from?: unknown; to?: unknown },
    scope: Scope,
  ): Promise<{ activities: ActivityView[]; truncated: boolean; limit: number }> {
    const community = this.community(raw.community);
    const from = this.date(raw.from, 'from');
    const to = this.date(raw.to, 'to');
    if (from && to && from > to) throw DomainError.invalid('filter.from_after_to', {});
    const { activities, truncated } = await this.activities.list({ community, from, to, limit: maxActivitiesPerAnswer });
    const views = activities.map(activityView);
    return {
      activities: scope === 'suppressed' ? maskedActivityViews(views, await this.auditorFigures.mask()) : views,
      truncated,
      limit: maxActivitiesPerAnswer,
    };
  }

  private community(value: unknown): string | null {
    if (value === undefined || value === '') return null;
    const code = typeof value === 'string' ? value.toUpperCase() : '';
    if (!this.config.communities.some((c) => c.code === code))
      throw DomainError.invalid('filter.community', { allowed: this.config.communities.map((c) => c.code).join(', '), value: String(value) });
    return code;
  }

  private date(value: unknown, name: string): string | null {
    if (value === undefined || value === '') return null;
    if (!isCalendarDate(value)) throw DomainError.invalid('filter.date', { name });
    return value;
  }
}
