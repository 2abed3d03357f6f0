import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '../lib/domain-error.ts';
import type { OslRequest } from './auth.guard.ts';
import type { Viewer } from './viewer.ts';

/** The signed-in user the guard admitted; routes that take it are never public. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const viewer = context.switchToHttp().getRequest<OslRequest>().viewer;
  if (!viewer) throw DomainError.unauthenticated('auth.sign_in_first', {}, { code: 'unauthenticated' });
  return viewer;
});
