import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot, LapsingConfig } from '@osl/data';
import { maySeeNames } from '../auth/roles.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { isoWeekStartDate } from '@osl/pipelines';
import { AnalyticsRepository, type LapsingRegularRecord } from '../repositories/analytics.repository.ts';
import { ParticipantRepository, type ParticipantRow } from '../repositories/participant.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

export interface ParticipantSummary {
  code: string;
  /** Registered in another community than the list's: present at its activities as a guest. */
  fromOtherCommunity: boolean;
  /**
   * The register's details (home community, gender, birth year, joining, leadership): null, and
   * names absent, where the viewer may not see the person's home community's register.
   */
  homeCommunity: string | null;
  gender: string | null;
  birthYear: number | null;
  joinedOn: string | null;
  leader: boolean | null;
  firstName?: string | null;
  lastName?: string | null;
  attendances: number;
  firstAttended: string | null;
  lastAttended: string | null;
  /** Days from the last attendance to the community's latest activity. */
  daysAway: number | null;
  /** Came at least `regularMinAttendances` times in the `regularWithinWeeks` weeks up to their last visit. */
  regular: boolean;
  /** A regular who has not come for `lapsedAfterDays` days while the community went on meeting. */
  lapsed: boolean;
  /** Their absence weighed against their own usual rate (the pipeline's lapsing regulars); null unless they count as a regular there. */
  absence: AbsenceAssessment | null;
}

/** A regular's absence as the person-level test weighs it. */
export interface AbsenceAssessment {
  /** The share of the activities they could have come to that they usually came to. */
  usualRate: number;
  /** Activities missed since their last visit (as the season weighs them), and the Monday of the first. */
  missed: number;
  missedSince: string | null;
  /** The probability of so long an absence under their usual rate: the smaller, the more unusual. */
  absenceProbability: number;
  /** Unusual enough to be lapsing (absenceProbability at most decline.json's lapsing.personSignificance). */
  lapsing: boolean;
}

const dayMs = 86_400_000;

/**
 * Per person: attendances at the community's activities, first and last date, and whether they
 * came regularly and lapsed (`rule`, project.json's `lapsing`). The attendances of a person of
 * another community count like anyone's; their register details are kept only where
 * `seesRegisterOf` their home community.
 */
export function summariseParticipants(
  participants: readonly ParticipantRow[],
  attendances: readonly { code: string; date: string }[],
  activityDates: readonly string[],
  community: string,
  seesRegisterOf: (homeCommunity: string) => boolean,
  rule: LapsingConfig,
): ParticipantSummary[] {
  const latestActivity = activityDates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
  const datesByCode = new Map<string, string[]>();
  for (const { code, date } of attendances) {
    const dates = datesByCode.get(code);
    if (dates) dates.push(date);
    else datesByCode.set(code, [date]);
  }
  return participants.map(({ code, homeCommunity, gender, birthYear, joinedOn, leader, firstName, lastName }) => {
    const dates = datesByCode.get(code) ?? [];
    const first = dates.reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);
    const last = dates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
    const daysAway = last && latestActivity ? Math.round((Date.parse(latestActivity) - Date.parse(last)) / dayMs) : null;
    const regular = last !== null && cameRegularly(dates, last, rule);
    const register = seesRegisterOf(homeCommunity)
      ? { homeCommunity, gender, birthYear, joinedOn, leader, firstName, lastName }
      : { homeCommunity: null, gender: null, birthYear: null, joinedOn: null, leader: null };
    return {
      code,
      fromOtherCommunity: homeCommunity !== community,
      ...register,
      attendances: dates.length,
      firstAttended: first,
      lastAttended: last,
      daysAway,
      regular,
      lapsed: regular && daysAway !== null && daysAway >= rule.lapsedAfterDays,
      absence: null,
    };
  });
}

/** The summaries with each regular's absence as the person-level test weighs it (by code). */
export function withAbsences(summaries: readonly ParticipantSummary[], regulars: readonly LapsingRegularRecord[]): ParticipantSummary[] {
  const byCode = new Map(regulars.map((r) => [r.code, r]));
  return summaries.map((p) => {
    const r = byCode.get(p.code);
    if (!r) return p;
    return {
      ...p,
      absence: {
        usualRate: r.usualRate,
        missed: r.missed,
        missedSince: r.missedSince ? isoWeekStartDate(r.missedSince) : null,
        absenceProbability: r.absenceProbability,
        lapsing: r.lapsing,
      },
    };
  });
}

/** At least `regularMinAttendances` of `dates` fall in the `regularWithinWeeks` weeks ending on `last` (both days counted). */
export function cameRegularly(dates: readonly string[], last: string, rule: Pick<LapsingConfig, 'regularMinAttendances' | 'regularWithinWeeks'>): boolean {
  const since = Date.parse(last) - (rule.regularWithinWeeks * 7 - 1) * dayMs;
  return dates.filter((d) => Date.parse(d) >= since).length >= rule.regularMinAttendances;
}

/** How the "who has not come back" list is narrowed: a code or name fragment, and the span of the last visit. */
export interface LapsedFilter {
  search?: string;
  lastFrom?: string;
  lastTo?: string;
}

/**
 * "Who has not come back", matching `filter`: the regulars lapsing by their own rate (absence
 * unusual for them) or by the days rule (away `lapsedAfterDays` days), ordered by how unusual the
 * absence is — the probability of so long an absence under their usual rate, so those lapsing by
 * their rate come first — and, where the test does not weigh someone, after them, the most recently
 * seen first. One list, not two: the days rule's people stay (a reminder), but a monthly visitor
 * away 60 days is not unusual and rightly comes after a weekly one away three weeks. A name matches
 * only where the summary carries it (the viewer may see it); the code always does.
 */
export function lapsedParticipants(summaries: readonly ParticipantSummary[], filter: LapsedFilter = {}): ParticipantSummary[] {
  const needle = filter.search?.trim().toLocaleLowerCase('pl') ?? '';
  const unusual = (p: ParticipantSummary) => p.absence?.lapsing === true;
  // Lapsing means a probability at most the test's threshold: ordering by it puts them first.
  const probability = (p: ParticipantSummary) => p.absence?.absenceProbability ?? Number.POSITIVE_INFINITY;
  return summaries
    .filter((p) => (p.lapsed || unusual(p)) && p.lastAttended !== null)
    .filter((p) => !filter.lastFrom || p.lastAttended! >= filter.lastFrom)
    .filter((p) => !filter.lastTo || p.lastAttended! <= filter.lastTo)
    .filter((p) => !needle || [p.code, [p.firstName, p.lastName].filter(Boolean).join(' ')].some((text) => text.toLocaleLowerCase('pl').includes(needle)))
    .sort((a, b) => probability(a) - probability(b) || b.lastAttended!.localeCompare(a.lastAttended!) || a.code.localeCompare(b.code));
}

export interface ParticipantList {
  community: string;
  names: boolean;
  lapsedAfterDays: number;
  regular: { minAttendances: number; withinWeeks: number };
  participants: ParticipantSummary[];
}

export interface AttendanceHistory {
  community: string;
  code: string;
  fromOtherCommunity: boolean;
  /** Names are present only where the viewer may see them. */
  names: boolean;
  firstName?: string | null;
  lastName?: string | null;
  attendances: { date: string; externalId: string; title: string; type: string }[];
}

@Injectable()
export class ParticipantsService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
  ) {}

  /**
   * The community's participants. A person's names, gender and birth year go to the director and
   * to the organizer of the person's home community only, on whichever community's list they
   * appear (issue 11): another community's person is listed by code, marked as from elsewhere.
   */
  async list(rawCode: string, viewer: Viewer): Promise<ParticipantList> {
    const code = this.communityCode(rawCode);
    const seesRegisterOf = (homeCommunity: string) => maySeeNames(viewer.role, viewer.communities, homeCommunity);
    const rule = this.config.project.lapsing;
    const { participants, attendances, activityDates } = await this.participants.inCommunity(code, readsNames(viewer));
    return {
      community: code,
      names: seesRegisterOf(code),
      lapsedAfterDays: rule.lapsedAfterDays,
      regular: { minAttendances: rule.regularMinAttendances, withinWeeks: rule.regularWithinWeeks },
      participants: withAbsences(
        summariseParticipants(participants, attendances, activityDates, code, seesRegisterOf, rule),
        await this.analytics.lapsingRegulars(code),
      ),
    };
  }

  /** "Who has not come back", narrowed by `filter` (for the export): the same list the page shows. */
  async lapsed(rawCode: string, viewer: Viewer, filter: LapsedFilter): Promise<Omit<ParticipantList, 'participants'> & { lapsed: ParticipantSummary[] }> {
    const { participants, ...list } = await this.list(rawCode, viewer);
    return { ...list, lapsed: lapsedParticipants(participants, filter) };
  }

  /** One person's attendances at the community's activities; names as on the community's list. */
  async history(rawCode: string, rawParticipant: string, viewer: Viewer): Promise<AttendanceHistory> {
    const community = this.communityCode(rawCode);
    const participantCode = rawParticipant.trim().toUpperCase();
    const found = await this.participants.attendanceHistory(community, participantCode, readsNames(viewer));
    if (!found) throw DomainError.notFound('participant.unknown', { community, code: rawParticipant });
    const { participant, attendances } = found;
    const names = maySeeNames(viewer.role, viewer.communities, participant.homeCommunity);
    return {
      community,
      code: participant.code,
      fromOtherCommunity: participant.homeCommunity !== community,
      names,
      ...(names ? { firstName: participant.firstName, lastName: participant.lastName } : {}),
      attendances: attendances.toReversed(),
    };
  }

  private communityCode(rawCode: string): string {
    const code = rawCode.toUpperCase();
    if (!this.config.communities.some((c) => c.code === code)) {
      throw DomainError.notFound('community.unknown', { code: rawCode, allowed: this.config.communities.map((c) => c.code).join(', ') });
    }
    return code;
  }
}

/** Names are read for the roles that may see some, and passed on person by person. */
const readsNames = (viewer: Viewer) => viewer.role === 'director' || viewer.role === 'organizer';
