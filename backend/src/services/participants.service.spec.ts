import { describe, expect, it } from 'vitest';
import { summariseParticipants } from './participants.service.ts';

const person = (code: string, firstName: string | null = null) => ({ code, homeCommunity: 'OST', gender: 'K', birthYear: 1960, joinedOn: null, leader: false, firstName, lastName: firstName && 'Nowak' });

describe('summariseParticipants', () => {
  const attendances = [
    { code: 'OST-1', date: '2022-01-10' },
    { code: 'OST-1', date: '2022-03-01' },
    { code: 'OST-2', date: '2022-04-20' },
  ];
  const activities = ['2022-01-10', '2022-03-01', '2022-04-20', '2022-04-26'];

  it('counts attendances, first and last date, and marks eight weeks away as lapsed', () => {
    const [one, two, three] = summariseParticipants([person('OST-1'), person('OST-2'), person('OST-3')], attendances, activities, false);
    expect(one).toMatchObject({ attendances: 2, firstAttended: '2022-01-10', lastAttended: '2022-03-01', daysAway: 56, lapsed: true });
    expect(two).toMatchObject({ attendances: 1, daysAway: 6, lapsed: false });
    expect(three).toMatchObject({ attendances: 0, lastAttended: null, daysAway: null, lapsed: false });
    expect('firstName' in one).toBe(false);
  });

  it('keeps names only when the viewer may see them', () => {
    expect(summariseParticipants([person('OST-1', 'Anna')], attendances, activities, true)[0]).toMatchObject({ firstName: 'Anna', lastName: 'Nowak' });
  });
});
