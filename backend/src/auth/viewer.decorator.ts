import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { OslRequest } from './auth.guard.ts';
import type { Viewer } from './viewer.ts';

/** The signed-in user the guard admitted; routes that take it are never public. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const viewer = context.switchToHttp().getRequest<OslRequest>().viewer;
  if (!viewer) throw new UnauthorizedException({ statusCode: 401, code: 'unauthenticated', message: 'Sign in first.' });
  return viewer;
});
