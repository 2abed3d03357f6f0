import { describe, expect, it } from 'vitest';
import { accountStatus, assignableRoles, mayManageAccount } from './account-rules';

describe('assignableRoles', () => {
  it('gives an admin every role, a director organizers and auditors, others none', () => {
    expect(assignableRoles('admin')).toEqual(['director', 'organizer', 'auditor', 'admin']);
    expect(assignableRoles('director')).toEqual(['organizer', 'auditor']);
    expect(assignableRoles('organizer')).toEqual([]);
    expect(assignableRoles('auditor')).toEqual([]);
    expect(assignableRoles(undefined)).toEqual([]);
  });
});

describe('mayManageAccount', () => {
  it('lets a director change organizers and auditors, not directors, admins or their own account', () => {
    const director = { id: 1, role: 'director' as const };
    expect(mayManageAccount(director, { id: 2, role: 'organizer' })).toBe(true);
    expect(mayManageAccount(director, { id: 3, role: 'auditor' })).toBe(true);
    expect(mayManageAccount(director, { id: 4, role: 'director' })).toBe(false);
    expect(mayManageAccount(director, { id: 5, role: 'admin' })).toBe(false);
    expect(mayManageAccount(director, { id: 1, role: 'director' })).toBe(false);
    expect(mayManageAccount({ id: 9, role: 'admin' }, { id: 4, role: 'director' })).toBe(true);
    expect(mayManageAccount(null, { id: 4, role: 'organizer' })).toBe(false);
  });
});

describe('accountStatus', () => {
  it('says disabled first, then whether the password must be changed', () => {
    expect(accountStatus({ disabled: true, mustChangePassword: true })).toBe('disabled');
    expect(accountStatus({ disabled: false, mustChangePassword: true })).toBe('mustChange');
    expect(accountStatus({ disabled: false, mustChangePassword: false })).toBe('active');
  });
});
