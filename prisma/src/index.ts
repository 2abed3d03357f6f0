export { PrismaClient, Prisma } from '../generated/client.ts';
export type * from '../generated/models.ts';
export { createPrismaClient, applyMigrations } from './prisma-client.factory.ts';
export { resolveDataDir, resolveDatabaseUrl } from './database-url.ts';
export { applyPendingMigrations, migrationChecksum, pendingMigrations, readAppliedMigrations, readCommittedMigrations, type AppliedMigration, type CommittedMigration } from './migration-check.ts';
