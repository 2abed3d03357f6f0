import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { maySeeNames } from '../auth/roles.ts';
import type { Viewer } from '../auth/viewer.ts';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { ParticipantRepository, type ParticipantRow } from '../repositories/participant.repository.ts';

/** Eight weeks without coming while the community went on meeting: "has not come back" (issue 6). */
export const lapsedAfterDays = 56;

export interface ParticipantSummary {
  code: string;
  homeCommunity: string;
  gender: string | null;
  birthYear: number | null;
  joinedOn: string | null;
  leader: boolean;
  /** Only for the director and the community's own organizer; otherwise absent. */
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

/** Per person: attendances at the community's activities, first and last date, and whether they lapsed. */
export function summariseParticipants(
  participants: readonly ParticipantRow[],
  attendances: readonly { code: string; date: string }[],
  activityDates: readonly string[],
  withNames: boolean,
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
  return participants.map(({ firstName, lastName, ...row }) => {
    const seen = byCode.get(row.code);
    const daysAway = seen && latestActivity ? Math.round((Date.parse(latestActivity) - Date.parse(seen.last)) / dayMs) : null;
    return {
      ...row,
      ...(withNames ? { firstName, lastName } : {}),
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
  constructor(
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
  ) {}

  /** The community's participants; names only for the director and the community's own organizer. */
  async list(rawCode: string, viewer: Viewer): Promise<{ community: string; names: boolean; lapsedAfterDays: number; participants: ParticipantSummary[] }> {
    const code = rawCode.toUpperCase();
    if (!this.config.communities.some((c) => c.code === code)) {
      throw new NotFoundException(`Unknown community "${rawCode}"; use one of ${this.config.communities.map((c) => c.code).join(', ')}`);
    }
    const names = maySeeNames(viewer.role, viewer.communities, code);
    const { participants, attendances, activityDates } = await this.participants.inCommunity(code, names);
    return { community: code, names, lapsedAfterDays, participants: summariseParticipants(participants, attendances, activityDates, names) };
  }
}
