// Who has not come back: the community page's list of lapsed participants.
import type { ParticipantItem } from '$lib/api/client';

/** The lapsed participants, the most recently seen first. */
export function lapsedParticipants(participants: readonly ParticipantItem[]): ParticipantItem[] {
  return participants.filter((p) => p.lapsed).sort((a, b) => (b.lastAttended ?? '').localeCompare(a.lastAttended ?? ''));
}

/** First and last name; "–" when unknown, nothing for a person of another community (whose note says why). */
export function participantName(p: Pick<ParticipantItem, 'firstName' | 'lastName' | 'fromOtherCommunity'>): string {
  return [p.firstName, p.lastName].filter(Boolean).join(' ') || (p.fromOtherCommunity ? '' : '–');
}
