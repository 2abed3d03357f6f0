import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { clientAddress, type OslRequest } from '../auth/auth.guard.ts';
import { sessionCookie } from '../auth/cookies.ts';
import { DomainError } from '../lib/domain-error.ts';
import { AuthService } from '../services/auth.service.ts';
import { HealthService } from '../services/health.service.ts';
import { publicUser } from '../services/users.service.ts';

@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(HealthService) private readonly health: HealthService,
  ) {}

  /** Who is signed in (or null), the CSRF token for writes, and whether this is a demo installation. */
  @Get('session')
  async session(@Req() request: OslRequest) {
    const active = request.activeSession;
    return {
      user: active ? publicUser(active.user) : null,
      csrfToken: active?.session.csrfToken ?? null,
      expiresAt: active?.session.expiresAt.toISOString() ?? null,
      demo: await this.health.isDemo(),
    };
  }

  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: unknown, @Req() request: OslRequest, @Res({ passthrough: true }) response: Response) {
    const { email, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 256) {
      throw DomainError.invalid('auth.sign_in_body', {}, { code: 'invalid_request' });
    }
    const signedIn = await this.auth.signIn(email, password, clientAddress(request));
    if (request.activeSession) await this.auth.replace(request.activeSession.session.id);
    response.setHeader('Set-Cookie', sessionCookie(signedIn.token, { secure: request.secure, maxAgeSeconds: (signedIn.expiresAt.getTime() - Date.now()) / 1000 }));
    return { user: publicUser(signedIn.user), csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt.toISOString() };
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() request: OslRequest, @Res({ passthrough: true }) response: Response) {
    const active = request.activeSession!;
    await this.auth.signOut(active.session.id, active.user.email, clientAddress(request));
    response.setHeader('Set-Cookie', sessionCookie('', { secure: request.secure, maxAgeSeconds: 0 }));
  }

  @Post('password')
  @HttpCode(204)
  async changePassword(@Body() body: unknown, @Req() request: OslRequest, @Res({ passthrough: true }) response: Response) {
    const { currentPassword, newPassword } = (body ?? {}) as Record<string, unknown>;
    if (typeof currentPassword !== 'string' || typeof newPassword !== 'string') {
      throw DomainError.invalid('auth.password_body', {}, { code: 'invalid_request' });
    }
    await this.auth.changePassword(request.activeSession!, currentPassword, newPassword, clientAddress(request));
  }
}
