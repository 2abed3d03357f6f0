import type { RouteAccess } from '../auth/access-matrix.ts';
import { accessOf } from '../auth/access.decorator.ts';
import { routeHandlersOf } from '../auth/route-key.ts';
import { contractOf, type RouteContract } from './route-contract.ts';

/** One route of the API as its decorators declare it. */
export interface ApiRoute {
  /** `METHOD /api/path`, with Nest's `:param` syntax. */
  key: string;
  method: string;
  path: string;
  /** Who may call it (`@Access`, `@Public`, `@SignedIn`); undefined: nobody (the guard refuses it). */
  access: RouteAccess | undefined;
  /** What it takes and answers (`@Contract`). */
  contract: RouteContract | undefined;
  controller: new (...args: never[]) => object;
  /** The handler's name on the controller. */
  handler: string;
}

/** Every route of the given controllers, read from their decorators. */
export function apiRoutesOf(controllers: readonly (new (...args: never[]) => object)[]): ApiRoute[] {
  return routeHandlersOf(controllers).map(({ controller, name, handler, key }) => {
    const [method, path] = key.split(' ') as [string, string];
    return { key, method, path, access: accessOf(handler), contract: contractOf(handler), controller, handler: name };
  });
}

/** The route a request goes to (`GET`, `/api/indicators/P1/sources`), if any. */
export function matchRoute(routes: readonly ApiRoute[], method: string, pathname: string): ApiRoute | undefined {
  const parts = pathname.split('?')[0]!.split('/');
  const matches = routes.filter((route) => {
    if (route.method !== method.toUpperCase()) return false;
    const pattern = route.path.split('/');
    return pattern.length === parts.length && pattern.every((part, i) => part.startsWith(':') || part === parts[i]);
  });
  // A literal segment wins over a parameter, as in the router.
  const parameters = (route: ApiRoute) => route.path.split('/').filter((part) => part.startsWith(':')).length;
  return matches.sort((a, b) => parameters(a) - parameters(b))[0];
}
