import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { resolveDeclineConfig, type DeclineConfigInput } from '@osl/pipelines';
import { activityCell, type CellId } from '../auth/auditor-disclosure.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { isSmallCount } from '../auth/suppression.ts';
import { AuditorFiguresService, type AuditorMask } from './auditor-figures.service.ts';
import { DomainError } from '../lib/domain-error.ts';
import { ConfigurationService } from './configuration.service.ts';

export interface AlertFilter {
  status?: 'active' | 'ended';
  community?: string;
}

@Injectable()
export class AlertsService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AlertRepository) private readonly alerts: AlertRepository,
    @Inject(AuditorFiguresService) private readonly auditorFigures: AuditorFiguresService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  parseFilter(raw: { status?: unknown; community?: unknown }): AlertFilter {
    const filter: AlertFilter = {};
    if (raw.status !== undefined && raw.status !== '' && raw.status !== 'all') {
      if (raw.status !== 'active' && raw.status !== 'ended') throw DomainError.invalid('filter.alert_status', {});
      filter.status = raw.status;
    }
    if (raw.community !== undefined && raw.community !== '') {
      const code = typeof raw.community === 'string' ? raw.community.toUpperCase() : '';
      if (!this.config.communities.some((c) => c.code === code)) {
        throw DomainError.invalid('filter.community', { allowed: this.config.communities.map((c) => c.code).join(', '), value: String(raw.community) });
      }
      filter.community = code;
    }
    return filter;
  }

  /**
   * In the auditor's view an alert keeps its drop and period; its counts go where they are 1–2
   * or where its window holds an activity whose count the mask hides (the window's total minus
   * the counts shown would give it).
   */
  async list(filter: AlertFilter, scope: Scope = 'full'): Promise<ShownAlert[]> {
    const alerts = await this.alerts.list(filter);
    if (scope !== 'suppressed') return alerts;
    const mask = await this.auditorFigures.mask();
    const groups = new Map(this.config.activityTypes.map((t) => [t.code, t.group as string]));
    const windowWeeks = resolveDeclineConfig(this.config.decline as DeclineConfigInput).windowWeeks;
    return alerts.map((alert) => (alertCountsHidden(alert, mask, groups, windowWeeks, this.config.project.smallCounts.limit) ? withoutCounts(alert) : alert));
  }
}

/**
 * Whether an alert's counts must be hidden from the auditor: a small count (below smallCountLimit), or a hidden activity
 * count in one of its observations' windows. A window is the last weeks with activities of the
 * series up to the observation's week, at most `windowWeeks` of them: all those are checked.
 */
export function alertCountsHidden(
  alert: Pick<AlertView, 'community' | 'group' | 'observed' | 'history'>,
  mask: AuditorMask,
  groupOfType: ReadonlyMap<string, string>,
  windowWeeks: number,
  smallCountLimit: number,
): boolean {
  if (isSmallCount(alert.observed, smallCountLimit) || alert.history.some((h) => isSmallCount(h.observed, smallCountLimit))) return true;
  const series = [...mask.activities.values()].filter((a) => a.community === alert.community && (!alert.group || groupOfType.get(a.type) === alert.group));
  const byWeek = new Map<string, CellId[]>();
  for (const a of series) {
    const week = isoWeekOf(a.date);
    byWeek.set(week, [
      ...(byWeek.get(week) ?? []),
      ...(['attendances', 'namedAttendances', 'anonymousAttendances'] as const).map((f) => activityCell(a.externalId, f)),
    ]);
  }
  const weeks = [...byWeek.keys()].sort();
  return alert.history.some((observation) => {
    const window = weeks.filter((w) => w <= observation.lastWeek).slice(-windowWeeks);
    return window.some((w) => byWeek.get(w)!.some((cell) => mask.hidden.has(cell)));
  });
}

/** The ISO week of a civil date, as `YYYY-Www` (the alerts' week labels sort the same way). */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  // The Thursday of the week decides its year.
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

type AlertView = Awaited<ReturnType<AlertRepository['list']>>[number];

type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };
/** An alert with its counts hidden; its sentence cut before the parenthesis that gives them. */
export type ShownAlert = Nullable<Omit<AlertView, 'history'>, 'observed' | 'expected'> & {
  history: Nullable<AlertView['history'][number], 'observed' | 'expected'>[];
  suppressed?: string[];
};

export function withoutCounts(alert: AlertView): ShownAlert {
  const cut = (sentence: string) => `${sentence.split(' (')[0].replace(/[.…]$/, '')}.`;
  return {
    ...alert,
    observed: null,
    expected: null,
    sentencePl: cut(alert.sentencePl),
    sentenceEn: cut(alert.sentenceEn),
    history: alert.history.map((h) => ({ ...h, observed: null, expected: null })),
    suppressed: ['expected', 'observed'],
  };
}
