import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { isoWeekStartDate, resolveDeclineConfig, type DeclineConfigInput } from '@osl/pipelines';
import { activityCell, type CellId } from '../auth/auditor-disclosure.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import { AnalyticsRepository, type LapsingRegularRecord } from '../repositories/analytics.repository.ts';
import { ParticipantRepository } from '../repositories/participant.repository.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { maySeeNames } from '../auth/roles.ts';
import { isSmallCount } from '../auth/suppression.ts';
import type { Viewer } from '../auth/viewer.ts';
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
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
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
   * Alerts dated for people: the sentence says "od 17 października 2022", not a week code, and each
   * alert gives the days its figures come from (its window) and where to look for who stopped
   * coming. In the auditor's view an alert keeps its drop and period; its counts go where they are
   * 1–2 or where its window holds an activity whose count the mask hides (the window's total minus
   * the counts shown would give it).
   */
  async list(filter: AlertFilter, viewer: AlertViewer = commandLine): Promise<(ShownAlert & AlertDates & { who: LapsingWho | null })[]> {
    const dated = await this.listDated(filter, viewer.scope);
    const lapsing = dated.filter((a) => a.measure === 'lapsingRegulars' && a.status === 'active');
    const whoOf = new Map<number, LapsingWho>();
    for (const alert of lapsing) whoOf.set(alert.id, await this.who(alert.community, viewer));
    return dated.map((alert) => ({ ...alert, who: whoOf.get(alert.id) ?? null }));
  }

  /**
   * Who a lapsing alert is about (the community's regulars counted as lapsing now): how many, their
   * usual rate and groups for everyone who sees the alert; the list, by code, for whoever sees the
   * community's participants (the director, its organizers), with names where the viewer may see
   * the person's register; for the auditor, counts only, 1–2 hidden.
   */
  private async who(community: string, viewer: AlertViewer): Promise<LapsingWho> {
    const rows = (await this.analytics.lapsingRegulars(community)).filter((r) => r.lapsing && r.counted);
    const access = whoAccess(viewer, community);
    const register =
      access.list && access.readsNames
        ? await this.participants.registerEntries(
            rows.map((r) => r.participantId),
            true,
          )
        : [];
    return lapsingWho(rows, community, {
      ...access,
      register: new Map(register.map((e) => [e.id, e])),
      smallCountLimit: viewer.scope === 'suppressed' ? this.config.project.smallCounts.limit : null,
    });
  }

  private async listDated(filter: AlertFilter, scope: Scope): Promise<(ShownAlert & AlertDates)[]> {
    const alerts = await this.alerts.list(filter);
    const windowWeeks = resolveDeclineConfig(this.config.decline as DeclineConfigInput).windowWeeks;
    const days = await this.alerts.activityDays([...new Set(alerts.map((a) => a.community))]);
    const lapsedAfterDays = this.config.project.lapsing.lapsedAfterDays;
    const dated = alerts.map((alert) => {
      const series = days.filter((d) => d.community === alert.community && (!alert.group || d.group === alert.group)).map((d) => d.date);
      return {
        ...alert,
        sentencePl: sentenceWithDates(alert.sentencePl, 'pl'),
        sentenceEn: sentenceWithDates(alert.sentenceEn, 'en'),
        ...alertDates(alert, series, windowWeeksOfSentence(alert.sentenceEn) ?? windowWeeks, lapsedAfterDays),
      };
    });
    if (scope !== 'suppressed') return dated;
    const mask = await this.auditorFigures.mask();
    const groups = new Map(this.config.activityTypes.map((t) => [t.code, t.group as string]));
    const { limit, label } = this.config.project.smallCounts;
    return dated.map((alert) => {
      // A lapsing alert counts persons, not attendances: no activity's hidden count can be recomputed from it.
      if (alert.measure === 'lapsingRegulars')
        return isSmallCount(alert.observed, limit) || alert.history.some((h) => isSmallCount(h.observed, limit)) ? withoutLapsingCount(alert, label) : alert;
      return alertCountsHidden(alert, mask, groups, windowWeeks, limit) ? { ...withoutCounts(alert), ...pickDates(alert) } : alert;
    });
  }
}

/** Who is asking for alerts: a signed-in viewer, or the command line (role null: codes, no names). */
export type AlertViewer = Pick<Viewer, 'scope' | 'communities'> & { role: Viewer['role'] | null };

const commandLine: AlertViewer = { scope: 'full', role: null, communities: [] };

/**
 * What a viewer sees of a lapsing alert's people: the list (codes) if they see the community's
 * participants — the director, its organizers, the command line — and a person's names where
 * maySeeNames lets them see that person's home community's register (never on the command line).
 */
export function whoAccess(viewer: AlertViewer, community: string): { list: boolean; readsNames: boolean; names: (homeCommunity: string) => boolean } {
  const { role, communities } = viewer;
  return {
    list: role === null || role === 'director' || (role === 'organizer' && communities.includes(community)),
    readsNames: role === 'director' || role === 'organizer',
    names: (homeCommunity) => role !== null && maySeeNames(role, communities, homeCommunity),
  };
}

/** A lapsing regular as a lapsing alert lists them. */
export interface LapsingPerson {
  code: string;
  /** Present only where the viewer may see the person's register. */
  firstName?: string | null;
  lastName?: string | null;
  /** Registered in another community than the alert's. */
  fromOtherCommunity: boolean;
  usualRate: number;
  /** Opportunities missed since the last visit (as the season weighs them), and the Monday of the first. */
  missed: number;
  missedSince: string | null;
  lastAttended: string;
  absenceProbability: number;
  groups: string[];
}

/** Who a lapsing alert is about. */
export interface LapsingWho {
  /** Regulars lapsing now; null where hidden (1–2, auditor). */
  count: number | null;
  /** The median usual rate of those lapsing (share of the activities they could have come to). */
  medianUsualRate: number | null;
  /** The activity groups they used to come to, with how many of them (null where hidden). */
  groups: { group: string; persons: number | null }[];
  /** Whether any name is given. */
  names: boolean;
  /** The list, most unusual absence first; null where the viewer does not see the community's participants. */
  persons: LapsingPerson[] | null;
  suppressed?: string[];
}

const medianOf = (values: readonly number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * A lapsing alert's "who" out of the community's lapsing regulars (counted now, most unusual first):
 * the list where `list`, names where `names(homeCommunity)` and the register has them; counts of
 * 1 … smallCountLimit − 1 hidden where a limit is given (the auditor).
 */
export function lapsingWho(
  rows: readonly LapsingRegularRecord[],
  community: string,
  access: {
    list: boolean;
    names: (homeCommunity: string) => boolean;
    register: ReadonlyMap<number, { homeCommunity: string; firstName: string | null; lastName: string | null }>;
    smallCountLimit: number | null;
  },
): LapsingWho {
  const hidden = (n: number) => access.smallCountLimit !== null && isSmallCount(n, access.smallCountLimit);
  const byGroup = new Map<string, number>();
  for (const r of rows) for (const g of r.groups) byGroup.set(g, (byGroup.get(g) ?? 0) + 1);
  const groups = [...byGroup].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([group, n]) => ({ group, persons: hidden(n) ? null : n }));
  const suppressed = [...(hidden(rows.length) ? ['count'] : []), ...(groups.some((g) => g.persons === null) ? ['groups'] : [])];
  let names = false;
  const persons = access.list
    ? rows.map((r): LapsingPerson => {
        const entry = access.register.get(r.participantId);
        const named = entry !== undefined && access.names(entry.homeCommunity);
        names ||= named;
        return {
          code: r.code,
          ...(named ? { firstName: entry.firstName, lastName: entry.lastName } : {}),
          fromOtherCommunity: entry !== undefined && entry.homeCommunity !== community,
          usualRate: r.usualRate,
          missed: r.missed,
          missedSince: r.missedSince ? isoWeekStartDate(r.missedSince) : null,
          lastAttended: r.lastAttended,
          absenceProbability: r.absenceProbability,
          groups: r.groups,
        };
      })
    : null;
  return {
    count: hidden(rows.length) ? null : rows.length,
    medianUsualRate: medianOf(rows.map((r) => r.usualRate)),
    groups,
    names,
    persons,
    ...(suppressed.length ? { suppressed } : {}),
  };
}

/** The days behind an alert, as the dashboard shows and links them. */
export interface AlertDates {
  /** The Monday of the week the fall began (`since`). */
  startsOn: string;
  /** The weeks with activities whose figures the alert states now: Monday of the first to Sunday of the last. */
  window: { from: string; to: string; weeks: number };
  /** Who stopped coming: regulars gone since this day (the start less the days that make one "not come back"). */
  stoppedComingFrom: string;
}

const pickDates = ({ startsOn, window, stoppedComingFrom }: AlertDates): AlertDates => ({ startsOn, window, stoppedComingFrom });

const dayMs = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/**
 * An alert's dates: its start, and its window — the last `windowWeeks` weeks with activities of its
 * series (community, or an activity group within it) up to its last week, as the detector counts
 * them; the start to the last week when the series has no activities there.
 */
export function alertDates(
  alert: { since: string; lastWeek: string },
  seriesDates: readonly string[],
  windowWeeks: number,
  lapsedAfterDays: number,
): AlertDates {
  const startsOn = isoWeekStartDate(alert.since);
  const weeks = [...new Set(seriesDates.map(isoWeekOf))].filter((w) => w <= alert.lastWeek).sort();
  const taken = weeks.slice(-windowWeeks);
  const window = taken.length
    ? { from: isoWeekStartDate(taken[0]!), to: addDays(isoWeekStartDate(taken[taken.length - 1]!), 6), weeks: taken.length }
    : { from: startsOn, to: addDays(isoWeekStartDate(alert.lastWeek), 6), weeks: 0 };
  return { startsOn, window, stoppedComingFrom: addDays(startsOn, -lapsedAfterDays) };
}

/**
 * How many weeks with activities the sentence's figures cover ("last 6 weeks with activities"):
 * the detector tests windows of 3 to 6 such weeks and the store keeps only the sentence; null when
 * it does not say (describeDecline words it; alerts.service.spec ties the two).
 */
export function windowWeeksOfSentence(sentenceEn: string): number | null {
  if (/\blast week with activities\b/.test(sentenceEn)) return 1;
  const match = /\blast (\d+) weeks with activities\b/.exec(sentenceEn);
  return match ? Number(match[1]) : null;
}

const longDate = (date: string, lang: 'pl' | 'en') =>
  new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/**
 * The stored sentence with its ISO week ("od tygodnia 2022-W42", "since week 2022-W42") as the
 * date of that week's Monday ("od 17 października 2022", "since 17 October 2022"): people count
 * in dates. Sentences stored before stay as they were written; only their wording of the week changes.
 */
export function sentenceWithDates(sentence: string, lang: 'pl' | 'en'): string {
  const week = lang === 'pl' ? /\bod tygodnia (\d{4}-W\d{2})\b/g : /\bsince week (\d{4}-W\d{2})\b/g;
  return sentence.replace(week, (_, label: string) => `${lang === 'pl' ? 'od' : 'since'} ${longDate(isoWeekStartDate(label), lang)}`);
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

/**
 * A lapsing alert with its small count hidden: its sentence says the label ("<3 z 38 stałych
 * uczestników") and keeps the rest, which counts no one else.
 */
export function withoutLapsingCount<T extends AlertView>(alert: T, label: string): T & ShownAlert {
  return {
    ...alert,
    observed: null,
    expected: null,
    sentencePl: alert.sentencePl.replace(/ \d+ z (\d+) /, ` ${label} z $1 `),
    sentenceEn: alert.sentenceEn.replace(/, \d+ of (\d+) /, `, ${label} of $1 `),
    history: alert.history.map((h) => ({ ...h, observed: null, expected: null })),
    suppressed: ['expected', 'observed'],
  };
}

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
