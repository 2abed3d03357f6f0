import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
import type { Role } from '../auth/roles.ts';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';

export interface UserRecord {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  communities: string[];
  passwordHash: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

export type SessionEndReason = 'signed-out' | 'idle' | 'expired' | 'password-changed' | 'disabled' | 'password-reset' | 'role-changed' | 'replaced';

type UserRow = Prisma.UserGetPayload<object>;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    communities: Array.isArray(row.communities) ? (row.communities as string[]) : [],
    passwordHash: row.passwordHash,
    mustChangePassword: row.mustChangePassword,
    disabled: row.disabled,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}

/** Accounts and their sessions. Every change is written with its audit entry in one transaction. */
@Injectable()
export class UserRepository {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  private get db() {
    return this.database.client;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.user.findUnique({ where: { email } });
    return row ? toUser(row) : null;
  }

  async findById(id: number): Promise<UserRecord | null> {
    const row = await this.db.user.findUnique({ where: { id } });
    return row ? toUser(row) : null;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.db.user.findMany({ orderBy: { email: 'asc' } })).map(toUser);
  }

  async create(
    user: { email: string; displayName: string; role: Role; communities: string[]; passwordHash: string; mustChangePassword: boolean },
    audit: Omit<AuditEntry, 'entity' | 'entityId' | 'action' | 'after'>,
  ): Promise<UserRecord> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.user.create({ data: user });
      await this.audit.record(
        [
          {
            ...audit,
            action: 'user.created',
            entity: 'user',
            entityId: row.email,
            after: { role: row.role, communities: user.communities, displayName: row.displayName },
          },
        ],
        tx,
      );
      return toUser(row);
    });
  }

  /** Changes an account; `before`/`after` name only the fields that changed. Ends its sessions when asked. */
  async update(
    id: number,
    changes: Partial<Pick<UserRecord, 'displayName' | 'role' | 'communities' | 'passwordHash' | 'mustChangePassword' | 'disabled'>>,
    audit: AuditEntry,
    endSessions: { reason: SessionEndReason; at: Date; exceptSessionId?: string } | null,
  ): Promise<UserRecord> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.user.update({ where: { id }, data: changes as Prisma.UserUpdateInput });
      if (endSessions) {
        await tx.session.updateMany({
          where: { userId: id, endedAt: null, ...(endSessions.exceptSessionId ? { id: { not: endSessions.exceptSessionId } } : {}) },
          data: { endedAt: endSessions.at, endReason: endSessions.reason },
        });
      }
      await this.audit.record([audit], tx);
      return toUser(row);
    });
  }

  async createSession(session: Omit<SessionRecord, 'endedAt'> & { address: string | null }, signedInAt: Date): Promise<void> {
    await this.db.$transaction([
      this.db.session.create({ data: session }),
      this.db.user.update({ where: { id: session.userId }, data: { lastSignInAt: signedInAt } }),
    ]);
  }

  async findSession(id: string): Promise<(SessionRecord & { user: UserRecord }) | null> {
    const row = await this.db.session.findUnique({ where: { id }, include: { user: true } });
    if (!row) return null;
    return {
      id: row.id,
      userId: row.userId,
      csrfToken: row.csrfToken,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      endedAt: row.endedAt,
      user: toUser(row.user),
    };
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.db.session.update({ where: { id }, data: { lastSeenAt: at } });
  }

  async endSession(id: string, at: Date, reason: SessionEndReason): Promise<void> {
    await this.db.session.updateMany({ where: { id, endedAt: null }, data: { endedAt: at, endReason: reason } });
  }
}
