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
  type RecordChange,
  type WrittenCounts,
} from './operational-database.ts';
export { createOperationalDatabase, isDatabaseBusy } from './operational-database.factory.ts';
// The run lock's whole surface: its policy, errors and the lock interfaces.
export * from './run-lock.ts';
// The audit trail's hash chain: its canonical form, hash, linking and verification.
export {
  AuditChainVerifier,
  auditEntryHash,
  canonicalJson,
  verifyAuditChain,
  type AuditChainBreak,
  type AuditChainContent,
  type AuditChainInsert,
  type AuditChainReport,
  type AuditChainRow,
} from './audit-chain.ts';
export { resolveDataDir, resolveDatabaseUrl } from './database-url.ts';
// Migration checks: what is committed, what a database has applied, and applying the rest.
export * from './migration-check.ts';
