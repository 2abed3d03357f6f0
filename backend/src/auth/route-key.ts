import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';

/**
 * A route's key in the access matrix, `METHOD /api/path`, read from the decorators of its
 * controller and handler — the guard and the matrix test derive it the same way.
 */
export function routeKeyOf(controller: object, handler: object): string | null {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  const handlerPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
  if (method === undefined || handlerPath === undefined) return null;
  const controllerPath = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
  const joined = ['api', controllerPath, Array.isArray(handlerPath) ? handlerPath[0] : handlerPath]
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');
  return `${RequestMethod[method]} /${joined}`;
}

/** A route handler of a controller: the controller, the handler's name on it, the handler and its key. */
export interface RouteHandler {
  controller: new (...args: never[]) => object;
  name: string;
  handler: object;
  key: string;
}

/** Every route handler of the given controllers (methods without a route decorator are passed over). */
export function routeHandlersOf(controllers: readonly (new (...args: never[]) => object)[]): RouteHandler[] {
  const handlers: RouteHandler[] = [];
  for (const controller of controllers) {
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      if (name === 'constructor') continue;
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      const key = routeKeyOf(controller, handler);
      if (key) handlers.push({ controller, name, handler, key });
    }
  }
  return handlers;
}

/** Every route of the given controllers, with its key. */
export function routesOf(controllers: readonly (new (...args: never[]) => object)[]): string[] {
  return routeHandlersOf(controllers).map((route) => route.key);
}
