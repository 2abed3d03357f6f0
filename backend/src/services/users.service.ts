import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { generatePassword, hashPassword, passwordProblem } from '../auth/passwords.ts';
import { isRole, mayManageRole, roles, type Role } from '../auth/roles.ts';
import { DomainError } from '../lib/domain-error.ts';
import { roleWords } from '../lib/code-words.ts';
import { UserRepository, type UserRecord } from '../repositories/user.repository.ts';
import { normaliseEmail } from './auth.service.ts';
import { ConfigurationService } from './configuration.service.ts';

/** Who manages accounts: a signed-in director or admin, or the command line (acts as admin). */
export interface Manager {
  actor: string;
  role: Role;
  address: string | null;
  /** The manager's own account, when a person (not the command line) acts. */
  userId: number | null;
}

export interface NewUser {
  email: unknown;
  role: unknown;
  displayName?: unknown;
  communities?: unknown;
  /** Absent: a one-time password is generated and returned. */
  password?: unknown;
  /** A given password is still to be changed at first sign-in (the API); the command line's own may stay. */
  temporaryPassword?: boolean;
}

export interface UserChanges {
  displayName?: unknown;
  role?: unknown;
  communities?: unknown;
  disabled?: unknown;
}

/** An account as the API and the CLI show it: never the password hash. */
export interface PublicUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  communities: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export function publicUser(user: UserRecord): PublicUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    communities: user.communities,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

@Injectable()
export class UsersService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async list(): Promise<PublicUser[]> {
    return (await this.users.list()).map(publicUser);
  }

  /** Creates an account; returns the one-time password when none was given. */
  async add(manager: Manager, input: NewUser): Promise<{ user: PublicUser; oneTimePassword: string | null }> {
    if (typeof input.email !== 'string' || !emailPattern.test(input.email.trim())) throw DomainError.invalid('users.email_invalid', {});
    const email = normaliseEmail(input.email);
    const role = this.role(input.role);
    if (!mayManageRole(manager.role, role)) throw DomainError.forbidden('users.cannot_create', { manager: roleWords(manager.role), role: roleWords(role) });
    const communities = this.communities(input.communities, role);
    const displayName = this.displayName(input.displayName, email);
    if (await this.users.findByEmail(email)) throw DomainError.conflict('users.exists', { email });
    let password: string;
    let oneTimePassword: string | null = null;
    if (input.password === undefined) {
      password = oneTimePassword = generatePassword();
    } else {
      const problem = passwordProblem(input.password, this.config.project.security.minPasswordLength);
      if (problem) throw new DomainError('invalid', problem.key, problem.params);
      password = input.password as string;
    }
    const user = await this.users.create(
      {
        email,
        displayName,
        role,
        communities,
        passwordHash: await hashPassword(password),
        mustChangePassword: oneTimePassword !== null || input.temporaryPassword !== false,
      },
      { actor: manager.actor, address: manager.address },
    );
    return { user: publicUser(user), oneTimePassword };
  }

  async update(manager: Manager, id: number, changes: UserChanges): Promise<PublicUser> {
    const user = await this.find(id);
    if (!mayManageRole(manager.role, user.role))
      throw DomainError.forbidden('users.cannot_change', { manager: roleWords(manager.role), role: roleWords(user.role) });
    if (manager.userId === user.id && (changes.role !== undefined || changes.communities !== undefined || changes.disabled !== undefined)) {
      throw DomainError.forbidden('users.own_account', {});
    }
    const next: Partial<Pick<UserRecord, 'displayName' | 'role' | 'communities' | 'disabled'>> = {};
    if (changes.role !== undefined) {
      next.role = this.role(changes.role);
      if (!mayManageRole(manager.role, next.role))
        throw DomainError.forbidden('users.cannot_give_role', { manager: roleWords(manager.role), role: roleWords(next.role) });
    }
    if (changes.communities !== undefined || next.role !== undefined)
      next.communities = this.communities(changes.communities ?? user.communities, next.role ?? user.role);
    if (changes.displayName !== undefined) next.displayName = this.displayName(changes.displayName, user.email);
    if (changes.disabled !== undefined) {
      if (typeof changes.disabled !== 'boolean') throw DomainError.invalid('users.disabled_boolean', {});
      next.disabled = changes.disabled;
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      const old = user[key as keyof UserRecord];
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      before[key] = old;
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return publicUser(user);
    const action =
      'role' in after ? 'user.role-changed' : after.disabled === true ? 'user.disabled' : after.disabled === false ? 'user.enabled' : 'user.updated';
    // A disabled account, or one whose role or communities changed, signs in again.
    const endsSessions = after.disabled === true || 'role' in after || 'communities' in after;
    const updated = await this.users.update(
      id,
      next,
      { actor: manager.actor, action, entity: 'user', entityId: user.email, before, after, address: manager.address },
      endsSessions ? { reason: after.disabled === true ? 'disabled' : 'role-changed', at: new Date() } : null,
    );
    return publicUser(updated);
  }

  /** A new one-time password (or the given one); the account's sessions end. */
  async resetPassword(manager: Manager, id: number, password?: string): Promise<{ user: PublicUser; oneTimePassword: string }> {
    const user = await this.find(id);
    if (!mayManageRole(manager.role, user.role))
      throw DomainError.forbidden('users.cannot_reset', { manager: roleWords(manager.role), role: roleWords(user.role) });
    // One's own password is changed with the current one (POST /api/auth/password): a stolen session must not become the account.
    if (manager.userId === user.id) throw DomainError.forbidden('users.own_password_reset', {});
    const next = password ?? generatePassword();
    const problem = passwordProblem(next, this.config.project.security.minPasswordLength);
    if (problem) throw new DomainError('invalid', problem.key, problem.params);
    const updated = await this.users.update(
      id,
      { passwordHash: await hashPassword(next), mustChangePassword: true },
      { actor: manager.actor, action: 'user.password-reset', entity: 'user', entityId: user.email, address: manager.address },
      { reason: 'password-reset', at: new Date() },
    );
    return { user: publicUser(updated), oneTimePassword: next };
  }

  async findByEmail(email: string): Promise<UserRecord> {
    const user = await this.users.findByEmail(normaliseEmail(email));
    if (!user) throw DomainError.notFound('users.not_found_email', { email });
    return user;
  }

  private async find(id: number): Promise<UserRecord> {
    const user = Number.isSafeInteger(id) ? await this.users.findById(id) : null;
    if (!user) throw DomainError.notFound('users.not_found_id', { id });
    return user;
  }

  private role(value: unknown): Role {
    if (!isRole(value)) throw DomainError.invalid('users.role_invalid', { allowed: roles.join(', ') });
    return value;
  }

  private communities(value: unknown, role: Role): string[] {
    if (role !== 'organizer') return [];
    const list = typeof value === 'string' ? value.split(',') : value;
    if (!Array.isArray(list) || list.some((c) => typeof c !== 'string')) throw DomainError.invalid('users.communities_list', {});
    const known = this.config.communities.map((c) => c.code);
    const codes = [...new Set(list.map((c: string) => c.trim().toUpperCase()).filter(Boolean))];
    const unknown = codes.filter((c) => !known.includes(c));
    if (unknown.length > 0) throw DomainError.invalid('users.communities_unknown', { unknown: unknown.join(', '), known: known.join(', ') });
    if (codes.length === 0) throw DomainError.invalid('users.organizer_needs_community', {});
    return codes;
  }

  private displayName(value: unknown, email: string): string {
    if (value === undefined || value === null || value === '') return email.split('@')[0];
    if (typeof value !== 'string' || value.trim().length > 120) throw DomainError.invalid('users.display_name', {});
    return value.trim();
  }
}
