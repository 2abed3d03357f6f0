import { describe, expect, it } from 'vitest';
import { traceAccessOf, traceKindOf } from './trace';

describe('traceKindOf', () => {
  it('traces persons, survey answers and leaders; activity counts have their activities', () => {
    expect(traceKindOf({ kind: 'distinct_participants' })).toBe('persons');
    expect(traceKindOf({ kind: 'survey_share' })).toBe('answers');
    expect(traceKindOf({ kind: 'leaders' })).toBe('leaders');
    expect(traceKindOf({ kind: 'activity_count' })).toBeNull();
  });
});

describe('traceAccessOf', () => {
  it('lets the director and the auditor trace every scope, an organizer their own communities, the admin nothing', () => {
    expect(traceAccessOf({ role: 'director', communities: [] }, 'ALL')).toBe('open');
    expect(traceAccessOf({ role: 'auditor', communities: [] }, 'OST')).toBe('open');
    expect(traceAccessOf({ role: 'organizer', communities: ['OST'] }, 'OST')).toBe('open');
    expect(traceAccessOf({ role: 'organizer', communities: ['OST'] }, 'LAZ')).toBe('own-communities-only');
    expect(traceAccessOf({ role: 'organizer', communities: ['OST', 'LAZ'] }, 'ALL')).toBe('own-communities-only');
    expect(traceAccessOf({ role: 'admin', communities: [] }, 'OST')).toBe('none');
    expect(traceAccessOf(null, 'OST')).toBe('none');
  });
});
