/** Who a user is to the system. Rights per route are in the access decorators on the handlers (access.decorator.ts); nothing else decides them. */
export const roles = ['director', 'organizer', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/**
 * Who may create or change an account of a role: an admin any; a director the roles below
 * (organizers and auditors) — not another director, whose account would then be theirs to take
 * over, and not an admin; nobody else.
 */
export function mayManageRole(manager: Role, target: Role): boolean {
  if (manager === 'admin') return true;
  if (manager === 'director') return target === 'organizer' || target === 'auditor';
  return false;
}

/** Names (where the register keeps them) are shown to the director and the organizer of the community only. */
export function maySeeNames(role: Role, assignedCommunities: readonly string[], community: string): boolean {
  if (role === 'director') return true;
  return role === 'organizer' && assignedCommunities.includes(community);
}
