import { describe, expect, it } from 'vitest';
import type { ParticipantItem } from '$lib/api/client';
import { DEFAULT_SORT, historyHref, lapsedExportHref, lapsedParticipants, nextSort, NO_FILTER, participantName, sortParticipants } from './participants';

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
    regular: true,
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

  it('puts first those whose absence is unusual for them, the most unusual first, then the days rule’s', () => {
    const weighed = (absenceProbability: number, lapsing = true) => ({ usualRate: 0.8, missed: 6, missedSince: '2022-10-24', absenceProbability, lapsing });
    const list = lapsedParticipants([
      person({ code: 'A', lastAttended: '2022-03-01' }),
      person({ code: 'E', lapsed: false, lastAttended: '2022-10-20', absence: weighed(0.01) }),
      person({ code: 'F', lastAttended: '2022-02-01', absence: weighed(0.0004) }),
      person({ code: 'G', lapsed: false, lastAttended: '2022-10-20', absence: weighed(0.4, false) }),
      person({ code: 'D', lastAttended: '2022-06-01' }),
    ]);
    // E is not away long enough for the days rule, but unusually so for them; G neither.
    expect(list.map((p) => p.code)).toEqual(['F', 'E', 'D', 'A']);
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

describe('lapsedParticipants, narrowed', () => {
  const list = [
    person({ code: 'OST-1', lastAttended: '2022-09-05', firstName: 'Anna', lastName: 'Łęcka' }),
    person({ code: 'OST-2', lastAttended: '2022-10-17' }),
    person({ code: 'LAZ-7', lastAttended: '2022-06-01', fromOtherCommunity: true }),
  ];
  const codes = (filter: Partial<typeof NO_FILTER>) => lapsedParticipants(list, { ...NO_FILTER, ...filter }).map((p) => p.code);

  it('by the span of the last attendance and by a fragment of a code or of a name the list carries, as the export does', () => {
    expect(codes({})).toEqual(['OST-2', 'OST-1', 'LAZ-7']);
    expect(codes({ lastFrom: '2022-09-05' })).toEqual(['OST-2', 'OST-1']);
    expect(codes({ lastFrom: '2022-06-01', lastTo: '2022-09-04' })).toEqual(['LAZ-7']);
    expect(codes({ search: 'ŁĘC' })).toEqual(['OST-1']);
    expect(codes({ search: ' laz-' })).toEqual(['LAZ-7']);
    expect(codes({ search: 'Nowak' })).toEqual([]);
  });
});

describe('sortParticipants', () => {
  const list = [
    person({ code: 'B', lastAttended: '2022-03-01', daysAway: 90, attendances: 7, lastName: 'Zięba' }),
    person({ code: 'A', lastAttended: '2022-06-01', daysAway: 60, attendances: 7, lastName: 'Ćwik' }),
    person({ code: 'C', lastAttended: '2022-05-01', daysAway: null, attendances: 12, lastName: null }),
  ];
  const order = (key: Parameters<typeof nextSort>[1], direction: 'asc' | 'desc') => sortParticipants(list, { key, direction }).map((p) => p.code);

  it('orders by any column, either way, ties by code and unknown values last', () => {
    expect(order('lastAttended', 'desc')).toEqual(['A', 'C', 'B']);
    expect(order('code', 'asc')).toEqual(['A', 'B', 'C']);
    expect(order('attendances', 'desc')).toEqual(['C', 'A', 'B']);
    expect(order('daysAway', 'asc')).toEqual(['A', 'B', 'C']);
    expect(order('daysAway', 'desc')).toEqual(['B', 'A', 'C']);
    // Polish order: Ć after C, before Z; no name last.
    expect(order('name', 'asc')).toEqual(['A', 'B', 'C']);
  });

  it('turns the order round on a second click, and starts numbers and dates with the most', () => {
    expect(nextSort(DEFAULT_SORT, 'absence')).toEqual({ key: 'absence', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'lastAttended')).toEqual({ key: 'lastAttended', direction: 'desc' });
    expect(nextSort({ key: 'lastAttended', direction: 'desc' }, 'absence')).toEqual({ key: 'absence', direction: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'attendances')).toEqual({ key: 'attendances', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'code')).toEqual({ key: 'code', direction: 'asc' });
  });
});

describe('links of the list', () => {
  it('export what the page shows, and open a person’s history', () => {
    expect(lapsedExportHref('OST', { search: ' anna ', lastFrom: '2022-08-22', lastTo: '' }, 'csv', 'pl')).toBe(
      '/api/exports/communities/OST/lapsed?format=csv&lang=pl&search=anna&lastFrom=2022-08-22',
    );
    expect(lapsedExportHref('OST', NO_FILTER, 'xlsx', 'en')).toBe('/api/exports/communities/OST/lapsed?format=xlsx&lang=en');
    expect(historyHref('OST', 'OST-0013')).toBe('/spolecznosc/OST/uczestnik/OST-0013');
  });
});
