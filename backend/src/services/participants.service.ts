import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { maySeeNames } from '../auth/roles.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { ParticipantRepository, type ParticipantRow } from '../repositories/participant.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

/** Eight weeks without coming while the community went on meeting: "has not come back" (issue 6). */
export const lapsedAfterDays = 56;

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
  lapsed: boolean;
}

const dayMs = 86_400_000;

/**
 * Per person: attendances at the community's activities, first and last date, and whether they
 * lapsed. The attendances of a person of another community count like anyone's; their register
 * details are kept only where `seesRegisterOf` their home community.
 */
export function summariseParticipants(
  participants: readonly ParticipantRow[],
  attendances: readonly { code: string; date: string }[],
  activityDates: readonly string[],
  community: string,
  seesRegisterOf: (homeCommunity: string) => boolean,
): ParticipantSummary[] {
  const latestActivity = activityDates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
  const byCode = new Map<string, { count: number; first: string; last: string }>();
  for (const { code, date } of attendances) {
    const seen = byCode.get(code);
    if (!seen) byCode.set(code, { count: 1, first: date, last: date });
    else {
      seen.count += 1;
      if (date < seen.first) seen.first = date;
      if (date > seen.last) seen.last = date;
    }
  }
  return participants.map(({ code, homeCommunity, gender, birthYear, joinedOn, leader, firstName, lastName }) => {
    const seen = byCode.get(code);
    const daysAway = seen && latestActivity ? Math.round((Date.parse(latestActivity) - Date.parse(seen.last)) / dayMs) : null;
    const register = seesRegisterOf(homeCommunity)
      ? { homeCommunity, gender, birthYear, joinedOn, leader, firstName, lastName }
      : { homeCommunity: null, gender: null, birthYear: null, joinedOn: null, leader: null };
    return {
      code,
      fromOtherCommunity: homeCommunity !== community,
      ...register,
      attendances: seen?.count ?? 0,
      firstAttended: seen?.first ?? null,
      lastAttended: seen?.last ?? null,
      daysAway,
      lapsed: daysAway !== null && daysAway >= lapsedAfterDays,
    };
  });
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
  ) {}

  /**
   * The community's participants. A person's names, gender and birth year go to the director and
   * to the organizer of the person's home community only, on whichever community's list they
   * appear (issue 11): another community's person is listed by code, marked as from elsewhere.
   */
  async list(rawCode: string, viewer: Viewer): Promise<{ community: string; names: boolean; lapsedAfterDays: number; participants: ParticipantSummary[] }> {
    const code = rawCode.toUpperCase();
    if (!this.config.communities.some((c) => c.code === code)) {
      throw DomainError.notFound('community.unknown', { code: rawCode, allowed: this.config.communities.map((c) => c.code).join(', ') });
    }
    const seesRegisterOf = (homeCommunity: string) => maySeeNames(viewer.role, viewer.communities, homeCommunity);
    const names = seesRegisterOf(code);
    // Names are read for the roles that may see some, and passed on person by person.
    const readNames = viewer.role === 'director' || viewer.role === 'organizer';
    const { participants, attendances, activityDates } = await this.participants.inCommunity(code, readNames);
    return { community: code, names, lapsedAfterDays, participants: summariseParticipants(participants, attendances, activityDates, code, seesRegisterOf) };
  }
}
