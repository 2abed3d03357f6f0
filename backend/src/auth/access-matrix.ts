import type { ApiRoute } from '../lib/api-routes.ts';
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

/**
 * The authorization matrix: every API route, as `METHOD /api/path` with Nest's `:param` syntax, and
 * who may call it — derived from the access decorators on the handlers (auth/access.decorator.ts),
 * for the OpenAPI document and the tests. A route without a decorator has no entry and is refused.
 */
export function accessMatrixOf(routes: readonly ApiRoute[]): Record<string, RouteAccess> {
  return Object.fromEntries(routes.filter((route) => route.access).map((route) => [route.key, route.access!]));
}

/** The scope a role has on a route, or null when the role may not call it. */
export function scopeOf(access: RouteAccess, role: Role): Scope | null {
  if (access.kind !== 'roles') return 'full';
  return access.roles[role] ?? null;
}
