import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { clientAddress, type OslRequest } from '../auth/auth.guard.ts';
import { Public, SignedIn } from '../auth/access.decorator.ts';
import { sessionCookie } from '../auth/cookies.ts';
import { Contract, RouteBody, type BodyOf } from '../lib/route-contract.ts';
import { AuthService } from '../services/auth.service.ts';
import { HealthService } from '../services/health.service.ts';
import { publicUser } from '../services/users.service.ts';
import { authContracts as contracts } from './auth.contract.ts';

@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(HealthService) private readonly health: HealthService,
  ) {}

  /** Who is signed in (or null), the CSRF token for writes, and whether this is a demo installation. */
  @Get('session')
  @Public()
  @Contract(contracts.session)
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
  @Public()
  @Contract(contracts.signIn)
  async signIn(@RouteBody() { email, password }: BodyOf<typeof contracts.signIn>, @Req() request: OslRequest, @Res({ passthrough: true }) response: Response) {
    const signedIn = await this.auth.signIn(email, password, clientAddress(request));
    if (request.activeSession) await this.auth.replace(request.activeSession.session.id);
    response.setHeader(
      'Set-Cookie',
      sessionCookie(signedIn.token, { secure: request.secure, maxAgeSeconds: (signedIn.expiresAt.getTime() - Date.now()) / 1000 }),
    );
    return { user: publicUser(signedIn.user), csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt.toISOString() };
  }

  @Post('sign-out')
  @HttpCode(204)
  @SignedIn()
  @Contract(contracts.signOut)
  async signOut(@Req() request: OslRequest, @Res({ passthrough: true }) response: Response) {
    const active = request.activeSession!;
    await this.auth.signOut(active.session.id, active.user.email, clientAddress(request));
    response.setHeader('Set-Cookie', sessionCookie('', { secure: request.secure, maxAgeSeconds: 0 }));
  }

  @Post('password')
  @HttpCode(204)
  @SignedIn()
  @Contract(contracts.changePassword)
  async changePassword(@RouteBody() { currentPassword, newPassword }: BodyOf<typeof contracts.changePassword>, @Req() request: OslRequest) {
    await this.auth.changePassword(request.activeSession!, currentPassword, newPassword, clientAddress(request));
  }
}
