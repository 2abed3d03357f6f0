import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot, IndicatorConfig, OslConfig } from '@osl/data';
import type { Scope } from '../auth/access-matrix.ts';
import { DomainError } from '../lib/domain-error.ts';
import { ActivityRepository } from '../repositories/activity.repository.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { activityView, maskedActivityViews, maxActivitiesPerAnswer, type ActivityView } from './activities.service.ts';
import { AuditorFiguresService } from './auditor-figures.service.ts';
import { IndicatorsService } from './indicators.service.ts';
import { ConfigurationService } from './configuration.service.ts';

export interface IndicatorSources {
  indicator: { code: string; namePl: string; nameEn: string; computation: IndicatorConfig['computation']['kind'] };
  community: string;
  year: number;
  window: { from: string; to: string } | null;
  /** Which activities count, in words the auditor can check against the configuration. */
  selection: { types: string[] | null; residentInitiative: boolean | null };
  activities: ActivityView[];
  truncated: boolean;
}

/** The activity types an activity-count indicator counts (its groups' types, or its types), or null for all. */
export function countedTypes(indicator: IndicatorConfig, config: Pick<OslConfig, 'activityTypes'>): string[] | null {
  const computation = indicator.computation;
  if (computation.kind !== 'activity_count') return null;
  if (computation.types) return [...computation.types];
  if (computation.groups) return config.activityTypes.filter((t) => computation.groups!.includes(t.group)).map((t) => t.code);
  return null;
}

/**
 * What an indicator value is made of: the activities of its community and window that it counts
 * (for persons: the activities whose attendance lists it counts), each with its attendance counts
 * and provenance. Leaders and survey shares come from the register and survey files instead.
 */
@Injectable()
export class IndicatorSourcesService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ActivityRepository) private readonly activities: ActivityRepository,
    @Inject(IndicatorsService) private readonly indicators: IndicatorsService,
    @Inject(AuditorFiguresService) private readonly auditorFigures: AuditorFiguresService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async sources(code: string, raw: { year?: string; community?: string }, scope: Scope): Promise<IndicatorSources> {
    const indicator = this.config.indicators.find((i) => i.code === code.toUpperCase());
    if (!indicator) throw DomainError.notFound('indicator.unknown', { code, allowed: this.config.indicators.map((i) => i.code).join(', ') });
    const filter = this.indicators.parseFilter({ year: raw.year ?? 'to-date', community: raw.community ?? 'ALL' });
    const year = filter.year!;
    const community = filter.community ?? 'ALL';
    const window = await this.analytics.indicatorWindow(indicator.code, community, year);
    const computation = indicator.computation;
    const types = countedTypes(indicator, this.config);
    const residentInitiative = computation.kind === 'activity_count' && computation.residentInitiative !== undefined ? computation.residentInitiative : null;
    const base = {
      indicator: { code: indicator.code, namePl: indicator.namePl, nameEn: indicator.nameEn, computation: computation.kind },
      community,
      year,
      window,
      selection: { types, residentInitiative },
    };
    const byActivities = computation.kind === 'activity_count' || computation.kind === 'distinct_participants';
    if (!window || !byActivities) return { ...base, activities: [], truncated: false };
    const found = await this.activities.list({
      community: community === 'ALL' ? null : community,
      ...window,
      types,
      residentInitiative,
      limit: maxActivitiesPerAnswer,
    });
    const views = found.activities.map(activityView);
    // The auditor's counts come from the one mask: an activity hidden in the list of its month is hidden here too.
    const shown = scope === 'suppressed' ? maskedActivityViews(views, await this.auditorFigures.mask()) : views;
    return { ...base, activities: shown, truncated: found.truncated };
  }
}
