import { describe, expect, it } from 'vitest';
import type { ParticipantItem } from '$lib/api/client';
import { lapsedParticipants, participantName } from './participants';

function person(overrides: Partial<ParticipantItem>): ParticipantItem {
  return {
    code: 'OST-0001',
    fromOtherCommunity: false,
    homeCommunity: 'OST',
    gender: null,
    birthYear: null,
    joinedOn: null,
    leader: null,
    attendances: 3,
    firstAttended: '2022-01-10',
    lastAttended: '2022-05-10',
    daysAway: 100,
    lapsed: true,
    ...overrides,
  } as ParticipantItem;
}

describe('lapsedParticipants', () => {
  it('keeps those who have not come back, the most recently seen first, never seen last', () => {
    const list = lapsedParticipants([
      person({ code: 'A', lastAttended: '2022-03-01' }),
      person({ code: 'B', lapsed: false, lastAttended: '2022-09-01' }),
      person({ code: 'C', lastAttended: null }),
      person({ code: 'D', lastAttended: '2022-06-01' }),
    ]);
    expect(list.map((p) => p.code)).toEqual(['D', 'A', 'C']);
  });
});

describe('participantName', () => {
  it('joins the names it has, and marks an unknown one', () => {
    expect(participantName({ firstName: 'Anna', lastName: 'Nowak', fromOtherCommunity: false })).toBe('Anna Nowak');
    expect(participantName({ firstName: null, lastName: 'Nowak', fromOtherCommunity: false })).toBe('Nowak');
    expect(participantName({ firstName: null, lastName: null, fromOtherCommunity: false })).toBe('–');
    // The note "from another community" stands in for the name.
    expect(participantName({ fromOtherCommunity: true })).toBe('');
  });
});
