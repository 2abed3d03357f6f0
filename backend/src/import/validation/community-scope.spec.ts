import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../import.types.ts';
import { lookupsForCommunities, rowsOutsideCommunities } from './community-scope.ts';

const lookups = {
  activities: new Map([['OST-1', { date: '2022-01-01', communityCode: 'OST' }]]),
  participants: new Map([
    ['OST-0001', { communityCode: 'OST' }],
    ['LAZ-0001', { communityCode: 'LAZ' }],
  ]),
  participantCodesByNameKey: new Map([['anna nowak', ['OST-0001', 'LAZ-0001']]]),
};

const participant = (row: number, code: string, communityCode: string) => ({ row, code, communityCode, gender: null, birthYear: null, joinedOn: null, leader: false, leaderSince: null, firstName: null, lastName: null, nameKey: null });

describe('rowsOutsideCommunities', () => {
  it('refuses rows of other communities, also a row that would move another community’s stored record', () => {
    const result = { kind: 'participants', rowsRead: 3, errors: [], warnings: [], records: [participant(2, 'LAZ-0002', 'LAZ'), participant(3, 'OST-0001', 'LAZ'), participant(4, 'OST-0009', 'OST')] } as ValidationResult;
    const issues = rowsOutsideCommunities(result, ['LAZ'], lookups, 'en');
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'community_not_assigned'],
      [4, 'community_not_assigned'],
    ]);
    expect(issues[0].message).toContain('OST');
    expect(rowsOutsideCommunities(result, null, lookups, 'en')).toEqual([]);
  });

  it('refuses an attendance list of another community’s activity', () => {
    const result = { kind: 'attendance', rowsRead: 1, errors: [], warnings: [], records: [{ row: 2, activityExternalId: 'OST-1', participantCode: 'LAZ-0001' }] } as ValidationResult;
    expect(rowsOutsideCommunities(result, ['LAZ'], lookups, 'pl')).toHaveLength(1);
  });
});

describe('lookupsForCommunities', () => {
  it('matches names only against the organizer’s own communities', () => {
    expect(lookupsForCommunities(lookups, ['LAZ']).participantCodesByNameKey.get('anna nowak')).toEqual(['LAZ-0001']);
    expect(lookupsForCommunities(lookups, ['WZG']).participantCodesByNameKey.has('anna nowak')).toBe(false);
    expect(lookupsForCommunities(lookups, null)).toBe(lookups);
  });
});
