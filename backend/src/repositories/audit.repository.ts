import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
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

type AuditWriter = Pick<Prisma.TransactionClient, 'auditEvent'>;

/** The audit trail: append-only, written in the same transaction as the change it records. */
@Injectable()
export class AuditRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async record(entries: AuditEntry[], writer: AuditWriter = this.database.client): Promise<void> {
    if (entries.length === 0) return;
    await writer.auditEvent.createMany({
      data: entries.map((entry) => ({
        actor: entry.actor,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        before: toJson(entry.before),
        after: toJson(entry.after),
        address: entry.address ?? null,
      })),
    });
  }
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue);
}
