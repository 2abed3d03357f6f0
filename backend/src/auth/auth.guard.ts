import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../lib/domain-error.ts';
import { roleWords } from '../lib/code-words.ts';
import { AuthService, type ActiveSession } from '../services/auth.service.ts';
import { scopeOf } from './access-matrix.ts';
import { accessOf } from './access.decorator.ts';
import { readCookie, sessionCookieName } from './cookies.ts';
import { routeKeyOf } from './route-key.ts';
import type { Viewer } from './viewer.ts';

export interface OslRequest extends Request {
  viewer?: Viewer;
  activeSession?: ActiveSession;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The client's address as the audit trail records it (behind a proxy: set "trust proxy"). */
export function clientAddress(request: Request): string | null {
  return request.ip ?? request.socket?.remoteAddress ?? null;
}

/**
 * Every request passes here: the route's access decorator (`@Access`, `@Public`, `@SignedIn`), the
 * session from the cookie, the CSRF token on writes, the role and the community scope. A route
 * without a decorator is refused, so forgetting one fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<OslRequest>();
    const access = accessOf(context.getHandler());
    if (!access) {
      const key = routeKeyOf(context.getClass(), context.getHandler());
      throw DomainError.forbidden('auth.no_access_rule', { route: key ?? request.path }, { code: 'no_access_rule' });
    }

    const active = await this.auth.resolve(readCookie(request.headers.cookie, sessionCookieName));
    if (active) request.activeSession = active;
    if (access.kind === 'public') return true;
    if (!active) throw DomainError.unauthenticated('auth.sign_in_first', {}, { code: 'unauthenticated' });

    // The cookie goes with every request to this site; a write must also show the token the
    // dashboard got at sign-in, which another site's page cannot read.
    if (!safeMethods.has(request.method) && !sameToken(request.header('x-csrf-token'), active.session.csrfToken)) {
      throw DomainError.forbidden('auth.csrf', {}, { code: 'csrf' });
    }
    if (access.kind === 'signed-in') return this.admit(request, active, 'full');
    if (active.user.mustChangePassword) {
      throw DomainError.forbidden('auth.password_change_required', {}, { code: 'password_change_required' });
    }
    const scope = scopeOf(access, active.user.role);
    if (!scope) throw DomainError.forbidden('auth.role_forbidden', { role: roleWords(active.user.role) }, { code: 'forbidden' });
    if (scope === 'assigned') {
      const community = requestedCommunity(request);
      if (community && !active.user.communities.includes(community)) {
        throw DomainError.forbidden('auth.community_forbidden', { community }, { code: 'community_forbidden' });
      }
    }
    return this.admit(request, active, scope);
  }

  private admit(request: OslRequest, active: ActiveSession, scope: Viewer['scope']): true {
    request.viewer = {
      userId: active.user.id,
      email: active.user.email,
      role: active.user.role,
      communities: active.user.communities,
      scope,
      sessionId: active.session.id,
      address: clientAddress(request),
    };
    return true;
  }
}

/** Compared in constant time: the answer's timing says nothing about how much of a guess was right. */
function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function requestedCommunity(request: Request): string | null {
  const value = request.params?.code ?? request.query?.community;
  if (typeof value !== 'string' || value === '' || value.toUpperCase() === 'ALL') return null;
  return value.toUpperCase();
}
