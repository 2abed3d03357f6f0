import { describe, expect, it } from 'vitest';
import { participantRecord } from '../fixtures/import-fixtures.ts';
import { formatImportMessage } from '../import.messages.ts';
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

describe('rowsOutsideCommunities', () => {
  it('refuses rows of other communities, naming the community written', () => {
    const result = {
      kind: 'participants',
      rowsRead: 2,
      errors: [],
      warnings: [],
      records: [participantRecord(2, 'LAZ-0002', 'LAZ'), participantRecord(4, 'OST-0009', 'OST')],
    } as ValidationResult;
    const issues = rowsOutsideCommunities(result, ['LAZ'], lookups, 'en');
    expect(issues.map((i) => [i.row, i.code])).toEqual([[4, 'community_not_assigned']]);
    expect(issues[0].message).toContain('Community OST is not assigned');
    expect(rowsOutsideCommunities(result, null, lookups, 'en')).toEqual([]);
  });

  it('refuses a register row that would move another community’s person into one’s own, without naming where they are registered', () => {
    const result = { kind: 'participants', rowsRead: 1, errors: [], warnings: [], records: [participantRecord(3, 'OST-0001', 'LAZ')] } as ValidationResult;
    const [issue, ...more] = rowsOutsideCommunities(result, ['LAZ'], lookups, 'en');
    expect(more).toEqual([]);
    expect(issue).toEqual({
      row: 3,
      column: 'Kod uczestnika',
      field: 'participant_code',
      value: 'OST-0001',
      code: 'participant_not_in_your_register',
      message: 'OST-0001 is not in the register of your communities (LAZ). A file with people registered in other communities is imported by an administrator.',
    });
    // The same words validation gives an attendance row naming a code registered nowhere.
    expect(issue.message).toBe(formatImportMessage('participant_not_in_your_register', 'en', { value: 'OST-0001', allowed: 'LAZ' }));
  });

  it('refuses an organizer’s register row for a code in another community’s form, registered or not, with the same message', () => {
    const result = {
      kind: 'participants',
      rowsRead: 4,
      errors: [],
      warnings: [],
      records: [
        participantRecord(2, 'OST-0001', 'LAZ'),
        participantRecord(3, 'OST-7777', 'LAZ'),
        participantRecord(4, 'LAZ-0009', 'LAZ'),
        participantRecord(5, 'OSTATNI-1', 'LAZ'),
      ],
    } as ValidationResult;
    const issues = rowsOutsideCommunities(result, ['LAZ'], lookups, 'en', ['WZG', 'OST', 'LAZ']);
    // OSTATNI-1 only begins with the letters OST: it is not in OST's form.
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'participant_not_in_your_register'],
      [3, 'participant_not_in_your_register'],
    ]);
    expect(issues[0]!.message.replace('OST-0001', 'X')).toBe(issues[1]!.message.replace('OST-7777', 'X'));
    expect(rowsOutsideCommunities(result, null, lookups, 'en', ['WZG', 'OST', 'LAZ'])).toEqual([]);
  });

  it('refuses an attendance list of another community’s activity, and a row of one’s own naming another community’s person', () => {
    const result = {
      kind: 'attendance',
      rowsRead: 2,
      errors: [],
      warnings: [],
      records: [
        { row: 2, activityExternalId: 'OST-1', participantCode: 'LAZ-0001' },
        { row: 3, activityExternalId: 'LAZ-1', participantCode: 'OST-0001' },
      ],
    } as ValidationResult;
    const withLaz = { ...lookups, activities: new Map([...lookups.activities, ['LAZ-1', { date: '2022-01-02', communityCode: 'LAZ' }]]) };
    expect(rowsOutsideCommunities(result, ['LAZ'], withLaz, 'pl').map((i) => [i.row, i.code])).toEqual([
      [2, 'community_not_assigned'],
      [3, 'participant_not_in_your_register'],
    ]);
    expect(rowsOutsideCommunities(result, ['LAZ', 'OST'], withLaz, 'pl')).toEqual([]);
  });
});

describe('lookupsForCommunities', () => {
  it('matches names only against the organizer’s own communities', () => {
    expect(lookupsForCommunities(lookups, ['LAZ']).participantCodesByNameKey.get('anna nowak')).toEqual(['LAZ-0001']);
    expect(lookupsForCommunities(lookups, ['WZG']).participantCodesByNameKey.has('anna nowak')).toBe(false);
    expect(lookupsForCommunities(lookups, null)).toBe(lookups);
  });

  it('keeps the names of the organizer’s own communities only, for suggestions', () => {
    const withNames = {
      ...lookups,
      participantNames: new Map([
        ['OST-0001', 'Anna Nowak'],
        ['LAZ-0001', 'Anna Nowak'],
      ]),
    };
    expect([...lookupsForCommunities(withNames, ['LAZ']).participantNames!.keys()]).toEqual(['LAZ-0001']);
    expect(lookupsForCommunities(withNames, ['WZG']).participantNames!.size).toBe(0);
  });

  it('tells validation whose register the file may name', () => {
    expect(lookupsForCommunities(lookups, ['LAZ']).uploaderCommunities).toEqual(['LAZ']);
    expect(lookupsForCommunities(lookups, null).uploaderCommunities).toBeUndefined();
  });
});
