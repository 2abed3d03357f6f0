import type { ParticipationPeriod } from '$lib/api/client';

/** A month of participation for tests: named attendances only, no new/returning detail. */
export function participationPeriod(p: string, activities: number, attendances: number, cumulative: number): ParticipationPeriod {
  return {
    period: p,
    activities,
    attendances,
    namedAttendances: attendances,
    anonymousAttendances: 0,
    distinctParticipants: 0,
    newParticipants: 0,
    returningParticipants: 0,
    cumulativeParticipants: cumulative,
    turnout: null,
  };
}
