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
}
