import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import { SignInLimiter } from '../auth/sign-in-limiter.ts';
import { OSL_CONFIG, OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { UserRepository, type SessionRecord, type UserRecord } from '../repositories/user.repository.ts';

export class SignInRefusedError extends Error {
  constructor(
    readonly code: 'invalid_credentials' | 'too_many_attempts',
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

export class PasswordRejectedError extends Error {}

export interface SignedIn {
  token: string;
  csrfToken: string;
  user: UserRecord;
  expiresAt: Date;
}

export interface ActiveSession {
  session: SessionRecord;
  user: UserRecord;
}

// Recording "last seen" on every request would write on every read; a minute is precise enough for an idle limit of minutes.
const touchEveryMs = 60_000;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Sign-in, sessions and passwords. The cookie holds a random token; the database only its hash. */
@Injectable()
export class AuthService {
  private readonly perAccount: SignInLimiter;
  private readonly perAddress: SignInLimiter;

  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {
    const { perAccount, perAddress } = config.project.security.signInLimits;
    this.perAccount = new SignInLimiter(perAccount.attempts, perAccount.windowMinutes * 60_000);
    this.perAddress = new SignInLimiter(perAddress.attempts, perAddress.windowMinutes * 60_000);
  }

  private get security() {
    return this.config.project.security;
  }

  /** Wall-clock time: sessions expire in real time even where tests fix "today" (OSL_NOW). */
  private now(): Date {
    return new Date();
  }

  async signIn(emailInput: string, password: string, address: string | null): Promise<SignedIn> {
    const email = normaliseEmail(emailInput);
    const nowMs = this.now().getTime();
    const accountKey = `account:${email}`;
    const addressKey = `address:${address ?? 'unknown'}`;
    const wait = Math.max(this.perAccount.retryAfterMs(accountKey, nowMs), this.perAddress.retryAfterMs(addressKey, nowMs));
    if (wait > 0) {
      const known = await this.users.findByEmail(email);
      await this.audit.record([{ actor: known?.email ?? 'anonymous', action: 'auth.sign-in-blocked', entity: 'user', entityId: known?.email ?? null, address }]);
      const minutes = Math.ceil(wait / 60_000);
      throw new SignInRefusedError('too_many_attempts', `Too many failed sign-ins; try again in ${minutes} min.`, Math.ceil(wait / 1000));
    }
    // Counted before the slow check, so parallel guesses cannot slip past the limit; a success takes it back.
    this.perAccount.recordFailure(accountKey, nowMs);
    this.perAddress.recordFailure(addressKey, nowMs);
    const user = await this.users.findByEmail(email);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabled) {
      const reason = !user ? 'unknown account' : user.disabled && valid ? 'account disabled' : 'wrong password';
      // What was typed into the e-mail field is kept only when it names an account: people type passwords there.
      const who = user ? user.email : null;
      await this.audit.record([{ actor: who ?? 'anonymous', action: 'auth.sign-in-failed', entity: 'user', entityId: who, after: { reason }, address }]);
      // The same answer whatever failed: the form must not tell which e-mail addresses have accounts.
      throw new SignInRefusedError('invalid_credentials', 'Wrong e-mail or password.');
    }
    this.perAccount.clear(accountKey);
    this.perAddress.forgetLatest(addressKey);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.security.sessionAbsoluteHours * 3_600_000);
    await this.users.createSession({ id: sessionIdOf(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt, address }, now);
    await this.audit.record([{ actor: email, action: 'auth.signed-in', entity: 'user', entityId: email, address }]);
    return { token, csrfToken, user, expiresAt };
  }

  /** The live session a cookie token belongs to, or null (ending it when it has run out). */
  async resolve(token: string | null): Promise<ActiveSession | null> {
    if (!token || token.length > 200) return null;
    const found = await this.users.findSession(sessionIdOf(token));
    if (!found || found.endedAt) return null;
    const now = this.now();
    const { user, ...session } = found;
    const idleMs = this.security.sessionIdleMinutes * 60_000;
    const ended = user.disabled ? 'disabled' : now >= session.expiresAt ? 'expired' : now.getTime() - session.lastSeenAt.getTime() > idleMs ? 'idle' : null;
    if (ended) {
      await this.users.endSession(session.id, now, ended);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) await this.users.touchSession(session.id, now);
    return { session, user };
  }

  /** The session a browser had before signing in again (another account, or the same): ended, not left open. */
  async replace(sessionId: string): Promise<void> {
    await this.users.endSession(sessionId, this.now(), 'replaced');
  }

  async signOut(sessionId: string, actor: string, address: string | null): Promise<void> {
    await this.users.endSession(sessionId, this.now(), 'signed-out');
    await this.audit.record([{ actor, action: 'auth.signed-out', entity: 'user', entityId: actor, address }]);
  }

  /** A new password for oneself; other sessions of the account end, this one stays. */
  async changePassword(active: ActiveSession, currentPassword: string, newPassword: string, address: string | null): Promise<void> {
    if (!(await verifyPassword(active.user.passwordHash, currentPassword))) throw new PasswordRejectedError('The current password is wrong.');
    const problem = passwordProblem(newPassword, this.security.minPasswordLength);
    if (problem) throw new PasswordRejectedError(problem);
    if (newPassword === currentPassword) throw new PasswordRejectedError('The new password must differ from the current one.');
    await this.users.update(
      active.user.id,
      { passwordHash: await hashPassword(newPassword), mustChangePassword: false },
      { actor: active.user.email, action: 'user.password-changed', entity: 'user', entityId: active.user.email, address },
      { reason: 'password-changed', at: this.now(), exceptSessionId: active.session.id },
    );
  }

  generatePassword(): string {
    return generatePassword();
  }
}
