import type { Prisma, PrismaClient } from '../generated/client.ts';
import { appendToAuditChain, sealUnchained, type AuditChainContent, type AuditChainInsert, type AuditChainStore } from './audit-chain.ts';

const content = { id: true, at: true, actor: true, action: true, entity: true, entityId: true, before: true, after: true, address: true } as const;

/** The chain's statements over a Prisma transaction (any database Prisma speaks). */
export function prismaAuditChainStore(tx: Prisma.TransactionClient): AuditChainStore {
  return {
    insert: (entry: AuditChainInsert): Promise<AuditChainContent> =>
      tx.auditEvent.create({
        data: {
          ...(entry.at ? { at: entry.at } : {}),
          actor: entry.actor,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          before: toJson(entry.before),
          after: toJson(entry.after),
          address: entry.address,
        },
        select: content,
      }),
    previous: (id) => tx.auditEvent.findFirst({ where: { id: { lt: id } }, orderBy: { id: 'desc' }, select: { id: true, hash: true } }),
    anySealedBefore: async (id) => (await tx.auditEvent.findFirst({ where: { id: { lt: id }, hash: { not: null } }, select: { id: true } })) !== null,
    unsealedBefore: (id) => tx.auditEvent.findMany({ where: { id: { lt: id }, hash: null }, orderBy: { id: 'asc' }, select: content }),
    setHash: async (id, prevHash, hash) => {
      await tx.auditEvent.update({ where: { id }, data: { prevHash, hash }, select: { id: true } });
    },
  };
}

/** Appends entries to the chain inside `tx` (the change's transaction). */
export function appendAuditWithPrisma(tx: Prisma.TransactionClient, entries: readonly AuditChainInsert[]): Promise<void> {
  return appendToAuditChain(prismaAuditChainStore(tx), entries);
}

/**
 * The migration step for a trail from before the chain: seals its entries in id order when no
 * entry has a hash yet. Idempotent: a sealed trail (or an empty one) is left as it is.
 * Returns how many entries it sealed.
 */
export async function sealAuditTrailWithPrisma(client: PrismaClient): Promise<number> {
  return client.$transaction(async (tx) => {
    if ((await tx.auditEvent.findFirst({ where: { hash: { not: null } }, select: { id: true } })) !== null) return 0;
    const unsealed = await tx.auditEvent.findMany({ where: { hash: null }, orderBy: { id: 'asc' }, select: content });
    await sealUnchained(prismaAuditChainStore(tx), unsealed);
    return unsealed.length;
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue);
}
