import { Inject, Injectable } from '@nestjs/common';
import { DatabaseRepository } from './database.repository.ts';

export interface ParticipantRow {
  code: string;
  homeCommunity: string;
  gender: string | null;
  birthYear: number | null;
  joinedOn: string | null;
  leader: boolean;
  firstName: string | null;
  lastName: string | null;
}

/** Participant-level reads of the operational database: the only place names are kept. */
@Injectable()
export class ParticipantRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /**
   * Everyone registered in the community or present at one of its activities, with names only
   * when asked (the caller decides per person whose names it passes on).
   */
  async inCommunity(
    communityCode: string,
    withNames: boolean,
  ): Promise<{ participants: ParticipantRow[]; attendances: { code: string; date: string }[]; activityDates: string[] }> {
    const db = this.database.client;
    const [attendances, activities] = await Promise.all([
      db.attendance.findMany({
        where: { activity: { community: { code: communityCode } } },
        select: { participant: { select: { code: true } }, activity: { select: { date: true } } },
      }),
      db.activity.findMany({ where: { community: { code: communityCode } }, select: { date: true } }),
    ]);
    // "Present at one of its activities" as a subquery: a list of their codes can be more than SQLite binds at once.
    const participants = await db.participant.findMany({
      where: { OR: [{ homeCommunity: { code: communityCode } }, { attendances: { some: { activity: { community: { code: communityCode } } } } }] },
      select: {
        code: true,
        homeCommunity: { select: { code: true } },
        gender: true,
        birthYear: true,
        joinedOn: true,
        leader: true,
        firstName: withNames,
        lastName: withNames,
      },
      orderBy: { code: 'asc' },
    });
    return {
      participants: participants.map((p) => ({
        code: p.code,
        homeCommunity: p.homeCommunity.code,
        gender: p.gender,
        birthYear: p.birthYear,
        joinedOn: p.joinedOn,
        leader: p.leader,
        firstName: withNames ? (p.firstName ?? null) : null,
        lastName: withNames ? (p.lastName ?? null) : null,
      })),
      attendances: attendances.map((a) => ({ code: a.participant.code, date: a.activity.date })),
      activityDates: activities.map((a) => a.date),
    };
  }

  /**
   * One person's attendances at the community's activities, oldest first, with their register
   * entry (names only when asked); null when the person is neither registered in the community
   * nor on any of its lists, so that another community's codes cannot be probed.
   */
  async attendanceHistory(
    communityCode: string,
    participantCode: string,
    withNames: boolean,
  ): Promise<{ participant: ParticipantRow; attendances: { date: string; externalId: string; title: string; type: string }[] } | null> {
    const db = this.database.client;
    const participant = await db.participant.findUnique({
      where: { code: participantCode },
      select: {
        code: true,
        homeCommunity: { select: { code: true } },
        gender: true,
        birthYear: true,
        joinedOn: true,
        leader: true,
        firstName: withNames,
        lastName: withNames,
      },
    });
    if (!participant) return null;
    const attendances = await db.attendance.findMany({
      where: { participant: { code: participantCode }, activity: { community: { code: communityCode } } },
      select: { activity: { select: { date: true, externalId: true, title: true, type: { select: { code: true } } } } },
    });
    if (attendances.length === 0 && participant.homeCommunity.code !== communityCode) return null;
    return {
      participant: {
        code: participant.code,
        homeCommunity: participant.homeCommunity.code,
        gender: participant.gender,
        birthYear: participant.birthYear,
        joinedOn: participant.joinedOn,
        leader: participant.leader,
        firstName: withNames ? (participant.firstName ?? null) : null,
        lastName: withNames ? (participant.lastName ?? null) : null,
      },
      attendances: attendances
        .map(({ activity }) => ({ date: activity.date, externalId: activity.externalId, title: activity.title, type: activity.type.code }))
        .sort((a, b) => a.date.localeCompare(b.date) || a.externalId.localeCompare(b.externalId)),
    };
  }

  /**
   * Register entries by id (the analytics' participant_id): home community and the row of the
   * register file that wrote them; names only when asked (the caller decides per person).
   */
  async registerEntries(ids: readonly number[], withNames: boolean): Promise<RegisterEntry[]> {
    const db = this.database.client;
    const out: RegisterEntry[] = [];
    for (let i = 0; i < ids.length; i += idsPerRead) {
      const found = await db.participant.findMany({
        where: { id: { in: ids.slice(i, i + idsPerRead) } },
        select: { id: true, code: true, homeCommunity: { select: { code: true } }, sourceRow: true, firstName: withNames, lastName: withNames },
      });
      for (const p of found) {
        out.push({
          id: p.id,
          code: p.code,
          homeCommunity: p.homeCommunity.code,
          sourceRow: p.sourceRow,
          firstName: withNames ? (p.firstName ?? null) : null,
          lastName: withNames ? (p.lastName ?? null) : null,
        });
      }
    }
    return out;
  }
}

/** A participant's register entry as a trace shows it. */
export interface RegisterEntry {
  id: number;
  code: string;
  homeCommunity: string;
  sourceRow: number;
  firstName: string | null;
  lastName: string | null;
}

// Below SQLite's limit of bound values in one statement.
const idsPerRead = 500;
