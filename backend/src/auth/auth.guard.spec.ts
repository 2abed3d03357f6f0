import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '../lib/domain-error.ts';
import { describe, expect, it } from 'vitest';
import type { AuthService } from '../services/auth.service.ts';
import { Access, Public } from './access.decorator.ts';
import { AuthGuard, type OslRequest } from './auth.guard.ts';

class Routes {
  @Public()
  open() {}

  @Access({ director: 'full' })
  directorOnly() {}

  forgotten() {}
}

function contextOf(handler: () => void, request: Partial<OslRequest> = {}): ExecutionContext {
  return {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => ({ headers: {}, method: 'GET', ...request }) }),
  } as unknown as ExecutionContext;
}

const signedOut = new AuthGuard({ resolve: async () => null } as unknown as AuthService);

describe('the guard', () => {
  it('reads the access decorator on the handler', async () => {
    expect(await signedOut.canActivate(contextOf(Routes.prototype.open))).toBe(true);
    await expect(signedOut.canActivate(contextOf(Routes.prototype.directorOnly))).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('refuses a handler without an access decorator, to everyone', async () => {
    const refusal = signedOut.canActivate(contextOf(Routes.prototype.forgotten));
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ kind: 'forbidden', code: 'no_access_rule' });
  });
});
