import { describe, expect, it } from 'vitest';
import { cameRegularly, lapsedParticipants, summariseParticipants, withAbsences } from './participants.service.ts';

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
// Two visits in the eight weeks up to the last make a regular here; eight weeks away make them lapsed.
const rule = { regularMinAttendances: 2, regularWithinWeeks: 8, lapsedAfterDays: 56 };

describe('summariseParticipants', () => {
  const attendances = [
    { code: 'OST-1', date: '2022-01-10' },
    { code: 'OST-1', date: '2022-02-01' },
    { code: 'OST-1', date: '2022-03-01' },
    { code: 'OST-2', date: '2022-04-20' },
  ];
  const activities = ['2022-01-10', '2022-03-01', '2022-04-20', '2022-04-26'];

  it('counts attendances, first and last date, and marks a regular eight weeks away as lapsed', () => {
    const [one, two, three] = summariseParticipants([person('OST-1'), person('OST-2'), person('OST-3')], attendances, activities, 'OST', everyone, rule);
    expect(one).toMatchObject({
      attendances: 3,
      regular: true,
      firstAttended: '2022-01-10',
      lastAttended: '2022-03-01',
      daysAway: 56,
      lapsed: true,
      fromOtherCommunity: false,
    });
    expect(two).toMatchObject({ attendances: 1, daysAway: 6, regular: false, lapsed: false });
    expect(three).toMatchObject({ attendances: 0, lastAttended: null, daysAway: null, regular: false, lapsed: false });
  });

  it('leaves out an occasional visitor, however long away', () => {
    const once = [{ code: 'OST-9', date: '2021-06-01' }];
    expect(summariseParticipants([person('OST-9')], once, activities, 'OST', everyone, rule)[0]).toMatchObject({
      daysAway: 329,
      regular: false,
      lapsed: false,
    });
  });

  it('keeps names, gender and birth year of the people whose home community’s register the viewer sees', () => {
    expect(summariseParticipants([person('OST-1', 'Anna')], attendances, activities, 'OST', everyone, rule)[0]).toMatchObject({
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
    const [own, guest] = summariseParticipants([person('LAZ-1', 'Ewa', 'LAZ'), person('OST-1', 'Anna')], attendances, activities, 'LAZ', seesLaz, rule);
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
      attendances: 3,
      firstAttended: '2022-01-10',
      lastAttended: '2022-03-01',
      daysAway: 56,
      regular: true,
      lapsed: true,
      absence: null,
    });
    // The director (or the person's own organizer) sees them in full, still marked as from elsewhere.
    expect(summariseParticipants([person('OST-1', 'Anna')], attendances, activities, 'LAZ', everyone, rule)[0]).toMatchObject({
      fromOtherCommunity: true,
      homeCommunity: 'OST',
      firstName: 'Anna',
    });
  });
});

describe('cameRegularly', () => {
  it('counts the visits in the weeks up to the last one, both ends included', () => {
    const rule = { regularMinAttendances: 3, regularWithinWeeks: 2 };
    // 14 days ending on 2022-03-14: from 2022-03-01.
    expect(cameRegularly(['2022-03-01', '2022-03-07', '2022-03-14'], '2022-03-14', rule)).toBe(true);
    expect(cameRegularly(['2022-02-28', '2022-03-07', '2022-03-14'], '2022-03-14', rule)).toBe(false);
    expect(cameRegularly(['2021-01-01', '2022-03-07', '2022-03-14'], '2022-03-14', { ...rule, regularMinAttendances: 2 })).toBe(true);
  });
});

const summary = (code: string, lastAttended: string, extra: object = {}) => ({
  code,
  fromOtherCommunity: false,
  homeCommunity: 'OST',
  gender: null,
  birthYear: null,
  joinedOn: null,
  leader: null,
  attendances: 5,
  firstAttended: '2021-06-01',
  lastAttended,
  daysAway: 90,
  regular: true,
  lapsed: true,
  absence: null,
  ...extra,
});

describe('lapsedParticipants', () => {
  const list = [
    summary('OST-1', '2022-09-05', { firstName: 'Anna', lastName: 'Łęcka' }),
    summary('OST-2', '2022-10-17'),
    summary('OST-3', '2022-10-17', { lapsed: false }),
    summary('LAZ-7', '2022-06-01', { fromOtherCommunity: true }),
  ];

  it('keeps the lapsed regulars, the most recently seen first', () => {
    expect(lapsedParticipants(list).map((p) => p.code)).toEqual(['OST-2', 'OST-1', 'LAZ-7']);
  });

  it('narrows by the span of the last visit and by a fragment of a code or of a name it carries', () => {
    expect(lapsedParticipants(list, { lastFrom: '2022-09-05' }).map((p) => p.code)).toEqual(['OST-2', 'OST-1']);
    expect(lapsedParticipants(list, { lastFrom: '2022-06-01', lastTo: '2022-09-04' }).map((p) => p.code)).toEqual(['LAZ-7']);
    expect(lapsedParticipants(list, { search: 'łęc' }).map((p) => p.code)).toEqual(['OST-1']);
    expect(lapsedParticipants(list, { search: ' laz-' }).map((p) => p.code)).toEqual(['LAZ-7']);
    expect(lapsedParticipants(list, { search: 'Nowak' })).toEqual([]);
  });

  const weighed = (absenceProbability: number, lapsing = true) => ({ usualRate: 0.8, missed: 6, missedSince: '2022-10-24', absenceProbability, lapsing });

  it('puts first the regulars whose absence is unusual for them, the most unusual first, then the days-based rule’s', () => {
    const ranked = [
      ...list,
      summary('OST-4', '2022-10-24', { lapsed: false, absence: weighed(0.01) }),
      summary('OST-5', '2022-08-01', { absence: weighed(0.0004) }),
      summary('OST-6', '2022-10-24', { lapsed: false, absence: weighed(0.4, false) }),
    ];
    // OST-4 is not yet away long enough for the days rule, but unusually so for them; OST-6 neither.
    expect(lapsedParticipants(ranked).map((p) => p.code)).toEqual(['OST-5', 'OST-4', 'OST-2', 'OST-1', 'LAZ-7']);
    expect(lapsedParticipants(ranked, { lastFrom: '2022-09-01' }).map((p) => p.code)).toEqual(['OST-4', 'OST-2', 'OST-1']);
  });
});

describe('withAbsences', () => {
  it('attaches the person-level test’s assessment by code, the first missed week as its Monday', () => {
    const record = {
      community: 'OST',
      participantId: 7,
      code: 'OST-2',
      usualRate: 0.75,
      attended: 12,
      opportunities: 16,
      lastAttended: '2022-10-17',
      missedSince: '2022-W43',
      missed: 5.5,
      absenceProbability: 0.003,
      lapsing: true,
      counted: true,
      groups: ['education'],
      rank: 1,
    };
    const [one, two] = withAbsences([summary('OST-1', '2022-09-05'), summary('OST-2', '2022-10-17')], [record]);
    expect(one!.absence).toBeNull();
    expect(two!.absence).toEqual({ usualRate: 0.75, missed: 5.5, missedSince: '2022-10-24', absenceProbability: 0.003, lapsing: true });
  });
});
