import { SetMetadata } from '@nestjs/common';
import type { RouteAccess, Scope } from './access-matrix.ts';
import type { Role } from './roles.ts';

const accessKey = 'osl:access';

/**
 * Who may call a route, on its handler: the roles and what each sees of the data
 * (`@Access({ director: 'full', organizer: 'assigned' })`). The guard reads it; a handler without
 * one of these decorators is refused to everyone, so forgetting one fails closed.
 */
export const Access = (roles: Partial<Record<Role, Scope>>): MethodDecorator => SetMetadata(accessKey, { kind: 'roles', roles } satisfies RouteAccess);
/** Anyone, signed in or not. */
export const Public = (): MethodDecorator => SetMetadata(accessKey, { kind: 'public' } satisfies RouteAccess);
/** Any signed-in user, also one who must still change a one-time password. */
export const SignedIn = (): MethodDecorator => SetMetadata(accessKey, { kind: 'signed-in' } satisfies RouteAccess);

/** The figures routes: everyone signed in, the auditor with small counts suppressed. */
export const figuresForEveryone = { director: 'full', organizer: 'aggregates', auditor: 'suppressed', admin: 'aggregates' } as const satisfies Partial<
  Record<Role, Scope>
>;
/** Every role, seeing all the route returns. */
export const everyRole = { director: 'full', organizer: 'full', auditor: 'full', admin: 'full' } as const satisfies Partial<Record<Role, Scope>>;

/** The access rule on a handler, if it has one. */
export function accessOf(handler: object): RouteAccess | undefined {
  return Reflect.getMetadata(accessKey, handler) as RouteAccess | undefined;
}
