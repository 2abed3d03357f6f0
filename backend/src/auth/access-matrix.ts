import type { Role } from './roles.ts';

/**
 * What a role sees of a route's data:
 * - `full`: everything the route returns;
 * - `assigned`: only the user's own communities (a request naming another community is refused,
 *   an import may only hold rows of the user's communities);
 * - `aggregates`: figures only — no participant codes or names (today's figures routes return
 *   nothing else);
 * - `suppressed`: figures only, counts of one or two persons shown as "<3" (with secondary
 *   suppression), as docs/spec/domain.md asks for the auditor.
 */
export type Scope = 'full' | 'assigned' | 'aggregates' | 'suppressed';

export type RouteAccess =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Any signed-in user, also one who must still change a one-time password. */
  | { kind: 'signed-in' }
  | { kind: 'roles'; roles: Partial<Record<Role, Scope>> };

const everyone = { director: 'full', organizer: 'aggregates', auditor: 'suppressed', admin: 'aggregates' } as const satisfies Partial<Record<Role, Scope>>;

/**
 * The authorization matrix: every API route, as `METHOD /api/path` with Nest's `:param` syntax.
 * The guard refuses a route that has no entry, and the matrix test calls every route as every
 * role, so a new route must be added here.
 */
export const accessMatrix: Record<string, RouteAccess> = {
  'GET /api/health': { kind: 'public' },
  'GET /api/auth/session': { kind: 'public' },
  'POST /api/auth/sign-in': { kind: 'public' },
  'POST /api/auth/sign-out': { kind: 'signed-in' },
  'POST /api/auth/password': { kind: 'signed-in' },

  'GET /api/config': { kind: 'roles', roles: { director: 'full', organizer: 'full', auditor: 'full', admin: 'full' } },
  'GET /api/indicators': { kind: 'roles', roles: everyone },
  // The director edits indicators and targets (issue 5, roles).
  'PUT /api/indicators/:code/targets': { kind: 'roles', roles: { director: 'full' } },
  'GET /api/indicators/:code/sources': { kind: 'roles', roles: everyone },
  'GET /api/metrics': { kind: 'roles', roles: everyone },
  'GET /api/communities/:code/participation': { kind: 'roles', roles: everyone },
  // Participant-level: the director, and an organizer for their own communities only.
  'GET /api/communities/:code/participants': { kind: 'roles', roles: { director: 'full', organizer: 'assigned' } },
  // Activities are not personal data; their attendance counts are figures (suppressed for the auditor).
  'GET /api/activities': { kind: 'roles', roles: everyone },
  'GET /api/alerts': { kind: 'roles', roles: everyone },
  'GET /api/pipeline/runs': { kind: 'roles', roles: { director: 'full', organizer: 'full', auditor: 'full', admin: 'full' } },
  'POST /api/pipeline/runs': { kind: 'roles', roles: { admin: 'full' } },

  // The history holds file names, counts and messages, never names (redacted when stored).
  'GET /api/imports': { kind: 'roles', roles: { director: 'full', organizer: 'full', auditor: 'full', admin: 'full' } },
  'POST /api/imports': { kind: 'roles', roles: { organizer: 'assigned', admin: 'full' } },
  'GET /api/imports/jobs/:id': { kind: 'roles', roles: { organizer: 'assigned', admin: 'full' } },
  'GET /api/imports/templates/:kind': { kind: 'roles', roles: { organizer: 'full', admin: 'full', director: 'full' } },

  'GET /api/users': { kind: 'roles', roles: { director: 'full', admin: 'full' } },
  'POST /api/users': { kind: 'roles', roles: { director: 'full', admin: 'full' } },
  'PATCH /api/users/:id': { kind: 'roles', roles: { director: 'full', admin: 'full' } },
  'POST /api/users/:id/reset-password': { kind: 'roles', roles: { director: 'full', admin: 'full' } },

  // Exports hold figures only, always with small counts suppressed, whoever exports.
  'GET /api/exports/indicators': { kind: 'roles', roles: { director: 'full', organizer: 'full', auditor: 'full', admin: 'full' } },
  'GET /api/exports/indicators/:code/sources': { kind: 'roles', roles: { director: 'full', organizer: 'full', auditor: 'full', admin: 'full' } },
  // The overview as a PDF, rendered with the requester's own session.
  'GET /api/reports/summary.pdf': { kind: 'roles', roles: { director: 'full', organizer: 'full', auditor: 'full', admin: 'full' } },

  'GET /api/audit': { kind: 'roles', roles: { director: 'full', auditor: 'full' } },
};

/** The scope a role has on a route, or null when the role may not call it. */
export function scopeOf(access: RouteAccess, role: Role): Scope | null {
  if (access.kind !== 'roles') return 'full';
  return access.roles[role] ?? null;
}
