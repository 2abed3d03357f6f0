import { Inject, Injectable } from '@nestjs/common';
import type { AuditChainContent, AuditChainRow, Prisma } from '@osl/prisma';
import { DatabaseRepository } from './database.repository.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  address?: string | null;
}

/**
 * The audit trail: append-only, written in the same transaction as the change it records, every
 * entry linked into the trail's hash chain by the database boundary (`appendAudit`).
 */
@Injectable()
export class AuditRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  /** Appends entries inside `tx` (the change's transaction), or in a transaction of their own. */
  async record(entries: AuditEntry[], tx?: Prisma.TransactionClient): Promise<void> {
    if (entries.length === 0) return;
    await this.database.operational.appendAudit(
      entries.map((entry) => ({
        actor: entry.actor,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        address: entry.address ?? null,
      })),
      tx,
    );
  }
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

/** An entry as read back: exactly what its hash covers. */
export type AuditEventRecord = AuditChainContent;

/** Reading the trail: the only other way in besides `record`; nothing updates or deletes. */
@Injectable()
export class AuditQueryRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async list(filter: AuditFilter): Promise<{ total: number; events: AuditEventRecord[] }> {
    const where: Prisma.AuditEventWhereInput = {
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
      ...(filter.actor ? { actor: filter.actor } : {}),
      // An action filter like "import" takes every "import.…" action.
      ...(filter.action ? { OR: [{ action: filter.action }, { action: { startsWith: `${filter.action}.` } }] } : {}),
      ...(filter.entity ? { entity: filter.entity } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
    };
    const [total, events] = await Promise.all([
      this.database.client.auditEvent.count({ where }),
      this.database.client.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: filter.limit, skip: filter.offset }),
    ]);
    return { total, events };
  }

  /** Every entry of these actions about one kind of record, oldest first (the periods' closings, to verify them). */
  async byActions(actions: string[], entity = 'period'): Promise<{ entityId: string | null; action: string; after: unknown }[]> {
    return this.database.client.auditEvent.findMany({
      where: { entity, action: { in: actions } },
      orderBy: { id: 'asc' },
      select: { entityId: true, action: true, after: true },
    });
  }

  /** The whole trail in id order with its hash chain, a page at a time (a long trail is not held in memory). */
  async *chain(pageSize = 5000): AsyncGenerator<AuditChainRow[]> {
    let after = 0;
    for (;;) {
      const page = await this.database.client.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: pageSize });
      if (page.length === 0) return;
      yield page;
      after = page.at(-1)!.id;
    }
  }

  /** Everyone with an event in the trail, with the account's name where the actor is an account. */
  async actors(): Promise<{ actor: string; name: string | null }[]> {
    const rows = await this.database.client.auditEvent.findMany({ distinct: ['actor'], select: { actor: true }, orderBy: { actor: 'asc' } });
    const accounts = await this.database.client.user.findMany({
      where: { email: { in: rows.map((row) => row.actor) } },
      select: { email: true, displayName: true },
    });
    const names = new Map(accounts.map((account) => [account.email, account.displayName]));
    return rows.map((row) => ({ actor: row.actor, name: names.get(row.actor) ?? null }));
  }
}
