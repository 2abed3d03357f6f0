export { PrismaClient, Prisma } from '../generated/client.ts';
export type * from '../generated/models.ts';
export {
  findInSlices,
  pipelineExtractTables,
  type AttendanceBatch,
  type AttendanceRow,
  type AuditRecord,
  type ExtractColumnType,
  type ExtractCounts,
  type ExtractCsvFormat,
  type ExtractedTable,
  type OperationalDatabase,
  type PipelineExtract,
  type WrittenCounts,
} from './operational-database.ts';
export { createOperationalDatabase, isDatabaseBusy } from './operational-database.factory.ts';
export {
  defaultLeasePolicy,
  isProcessAlive,
  leaseExpiry,
  leaseHasExpired,
  LeaseLostError,
  PipelineBusyError,
  type HeldLock,
  type LeasePolicy,
  type LockHolder,
  type RunLock,
  type RunLockOptions,
} from './run-lock.ts';
export { resolveDataDir, resolveDatabaseUrl } from './database-url.ts';
export {
  applyPendingMigrations,
  migrationChecksum,
  pendingMigrations,
  readAppliedMigrations,
  readCommittedMigrations,
  type AppliedMigration,
  type CommittedMigration,
} from './migration-check.ts';
