// The dashboard's copy of who may manage which accounts (backend/src/auth/roles.ts mayManageRole
// decides; this only keeps the page from offering what the server would refuse).
import type { Role } from '$lib/api/client';

const allRoles: readonly Role[] = ['director', 'organizer', 'auditor', 'admin'];

/** The roles a manager may give and whose accounts they may change: an admin any, a director organizers and auditors. */
export function assignableRoles(manager: Role | undefined): Role[] {
  if (manager === 'admin') return [...allRoles];
  if (manager === 'director') return ['organizer', 'auditor'];
  return [];
}

/** Whether the signed-in manager may change an account: one of a role they may give, and not their own (that is /haslo). */
export function mayManageAccount(manager: { id?: number; role: Role } | null | undefined, account: { id: number; role: Role }): boolean {
  if (!manager || manager.id === account.id) return false;
  return assignableRoles(manager.role).includes(account.role);
}

/** The account's state in one word: disabled before "must change password", which matters only to an active one. */
export function accountStatus(account: { disabled: boolean; mustChangePassword: boolean }): 'disabled' | 'mustChange' | 'active' {
  if (account.disabled) return 'disabled';
  return account.mustChangePassword ? 'mustChange' : 'active';
}
