import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import { SignInAuditAggregator, type RefusedSignIn } from '../auth/sign-in-audit.ts';
import { admitSignIn, SignInLimiter } from '../auth/sign-in-limiter.ts';
import { SemaphoreFullError } from '../lib/bounded-semaphore.ts';
import { DomainError } from '../lib/domain-error.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { UserRepository, type SessionRecord, type UserRecord } from '../repositories/user.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

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
export class AuthService implements OnModuleDestroy {
  private readonly logger = new Logger('Auth');
  /** Failures of one account from one address: a flood locks its address out, not the account's owner. */
  private readonly perAccount: SignInLimiter;
  /** Failures from one address, whatever the accounts (a sweep). */
  private readonly perAddress: SignInLimiter;
  private readonly refusedSignIns: SignInAuditAggregator;
  private auditTimer: NodeJS.Timeout | null = null;

  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {
    const { perAccount, perAddress } = configuration.current().project.security.signInLimits;
    this.perAccount = new SignInLimiter(perAccount.attempts, perAccount.windowMinutes * 60_000);
    this.perAddress = new SignInLimiter(perAddress.attempts, perAddress.windowMinutes * 60_000);
    this.refusedSignIns = new SignInAuditAggregator(perAccount.windowMinutes * 60_000);
  }

  async onModuleDestroy(): Promise<void> {
    await this.flushSignInAudit();
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
    const addressKey = address ?? 'unknown';
    const accountKey = `${addressKey}|${email}`;
    const admission = await admitSignIn(
      [
        { limiter: this.perAccount, key: accountKey },
        { limiter: this.perAddress, key: addressKey },
      ],
      () => this.now().getTime(),
    );
    if ('retryAfterMs' in admission) {
      const known = await this.users.findByEmail(email);
      await this.recordRefusal({ action: 'auth.sign-in-blocked', account: known?.email ?? null, address });
      const wait = admission.retryAfterMs;
      throw DomainError.tooMany(
        'auth.too_many_attempts',
        { minutes: Math.ceil(wait / 60_000) },
        { code: 'too_many_attempts', retryAfterSeconds: Math.ceil(wait / 1000) },
      );
    }
    const { attempt } = admission;
    let user: UserRecord | null;
    let valid: boolean;
    try {
      user = await this.users.findByEmail(email);
      valid = await verifyPassword(user?.passwordHash ?? null, password);
    } catch (error) {
      attempt.end('not-checked');
      if (error instanceof SemaphoreFullError)
        throw DomainError.unavailable('auth.sign_in_busy', {}, { code: 'busy', retryAfterSeconds: error.retryAfterSeconds });
      throw error;
    }
    if (!user || !valid || user.disabled) {
      attempt.end('failed');
      const reason = !user ? 'unknown account' : user.disabled && valid ? 'account disabled' : 'wrong password';
      // What was typed into the e-mail field is kept only when it names an account: people type passwords there.
      await this.recordRefusal({ action: 'auth.sign-in-failed', account: user ? user.email : null, address, reason });
      // The same answer whatever failed: the form must not tell which e-mail addresses have accounts.
      throw DomainError.unauthenticated('auth.invalid_credentials', {}, { code: 'invalid_credentials' });
    }
    attempt.end('succeeded');
    this.perAccount.clear(accountKey);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.security.sessionAbsoluteHours * 3_600_000);
    await this.users.createSession({ id: sessionIdOf(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt, address }, now);
    await this.audit.record([{ actor: email, action: 'auth.signed-in', entity: 'user', entityId: email, address }]);
    return { token, csrfToken, user, expiresAt };
  }

  /**
   * Writes the counts of refused sign-ins whose aggregation window is still open (at shutdown; a
   * window that is over is written by a timer).
   */
  async flushSignInAudit(): Promise<void> {
    if (this.auditTimer) clearTimeout(this.auditTimer);
    this.auditTimer = null;
    await this.audit.record(this.refusedSignIns.drain());
  }

  private async recordRefusal(event: RefusedSignIn): Promise<void> {
    await this.audit.record(this.refusedSignIns.note(event, this.now().getTime()));
    this.scheduleAuditWrite();
  }

  private scheduleAuditWrite(): void {
    const next = this.refusedSignIns.nextDueAt();
    if (this.auditTimer || next === null) return;
    this.auditTimer = setTimeout(
      () => {
        this.auditTimer = null;
        this.audit
          .record(this.refusedSignIns.due(this.now().getTime()))
          .catch((error: unknown) => this.logger.error(`could not write refused sign-ins to the audit trail: ${(error as Error).message}`))
          .finally(() => this.scheduleAuditWrite());
      },
      Math.max(0, next - this.now().getTime()) + 10,
    );
    // A pending summary must not keep a finished process (the CLI, a test) alive.
    this.auditTimer.unref();
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
    const rejected = { code: 'password_rejected' };
    let current: boolean;
    try {
      current = await verifyPassword(active.user.passwordHash, currentPassword);
    } catch (error) {
      if (error instanceof SemaphoreFullError)
        throw DomainError.unavailable('auth.password_check_busy', {}, { code: 'busy', retryAfterSeconds: error.retryAfterSeconds });
      throw error;
    }
    if (!current) throw DomainError.forbidden('auth.current_password_wrong', {}, rejected);
    const problem = passwordProblem(newPassword, this.security.minPasswordLength);
    if (problem) throw new DomainError('forbidden', problem.key, problem.params, rejected);
    if (newPassword === currentPassword) throw DomainError.forbidden('auth.new_password_same', {}, rejected);
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
