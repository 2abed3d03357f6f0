import { describe, expect, it } from 'vitest';
import { summariseParticipants } from './participants.service.ts';

const person = (code: string, firstName: string | null = null, homeCommunity = 'OST') => ({
  code,
  homeCommunity,
  gender: 'K',
  birthYear: 1960,
  joinedOn: '2021-05-01',
  leader: true,
  firstName,
  lastName: firstName && 'Nowak',
});
const everyone = () => true;

describe('summariseParticipants', () => {
  const attendances = [
    { code: 'OST-1', date: '2022-01-10' },
    { code: 'OST-1', date: '2022-03-01' },
    { code: 'OST-2', date: '2022-04-20' },
  ];
  const activities = ['2022-01-10', '2022-03-01', '2022-04-20', '2022-04-26'];

  it('counts attendances, first and last date, and marks eight weeks away as lapsed', () => {
    const [one, two, three] = summariseParticipants([person('OST-1'), person('OST-2'), person('OST-3')], attendances, activities, 'OST', everyone);
    expect(one).toMatchObject({
      attendances: 2,
      firstAttended: '2022-01-10',
      lastAttended: '2022-03-01',
      daysAway: 56,
      lapsed: true,
      fromOtherCommunity: false,
    });
    expect(two).toMatchObject({ attendances: 1, daysAway: 6, lapsed: false });
    expect(three).toMatchObject({ attendances: 0, lastAttended: null, daysAway: null, lapsed: false });
  });

  it('keeps names, gender and birth year of the people whose home community’s register the viewer sees', () => {
    expect(summariseParticipants([person('OST-1', 'Anna')], attendances, activities, 'OST', everyone)[0]).toMatchObject({
      homeCommunity: 'OST',
      firstName: 'Anna',
      lastName: 'Nowak',
      gender: 'K',
      birthYear: 1960,
      joinedOn: '2021-05-01',
      leader: true,
    });
  });

  it('lists a person of another community by code, marked as such, with attendances but no register details', () => {
    const asked: string[] = [];
    const seesLaz = (home: string) => (asked.push(home), home === 'LAZ');
    const [own, guest] = summariseParticipants([person('LAZ-1', 'Ewa', 'LAZ'), person('OST-1', 'Anna')], attendances, activities, 'LAZ', seesLaz);
    expect(asked).toEqual(['LAZ', 'OST']);
    expect(own).toMatchObject({ code: 'LAZ-1', fromOtherCommunity: false, firstName: 'Ewa', gender: 'K' });
    expect(guest).toEqual({
      code: 'OST-1',
      fromOtherCommunity: true,
      homeCommunity: null,
      gender: null,
      birthYear: null,
      joinedOn: null,
      leader: null,
      attendances: 2,
      firstAttended: '2022-01-10',
      lastAttended: '2022-03-01',
      daysAway: 56,
      lapsed: true,
    });
    // The director (or the person's own organizer) sees them in full, still marked as from elsewhere.
    expect(summariseParticipants([person('OST-1', 'Anna')], attendances, activities, 'LAZ', everyone)[0]).toMatchObject({
      fromOtherCommunity: true,
      homeCommunity: 'OST',
      firstName: 'Anna',
    });
  });
});
