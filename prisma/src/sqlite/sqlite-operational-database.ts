import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, type Prisma } from '../../generated/client.ts';
import type { AuditChainInsert } from '../audit-chain.ts';
import { appendAuditWithPrisma, sealAuditTrailWithPrisma } from '../audit-chain-prisma.ts';
import type {
  AttendanceBatch,
  AttendanceRow,
  AuditRecord,
  OperationalDatabase,
  PipelineExtract,
  RecordChange,
  WrittenCounts,
} from '../operational-database.ts';
import { applyPendingMigrations, readAppliedMigrations } from '../migration-check.ts';
import { applyMigrations } from '../prisma-cli.ts';
import type { RunLock, RunLockOptions } from '../run-lock.ts';
import { FileRunLock } from './file-run-lock.ts';
import { SqliteAttendanceWriter } from './sqlite-attendance.writer.ts';
import { isSqliteBusy } from './sqlite-busy.ts';
import { exportSqlitePipelineExtract, exportSqlitePipelineExtractAsOf } from './sqlite-pipeline-extract.ts';
import { readSqliteRecordChanges } from './sqlite-record-changes.ts';

/**
 * The embedded operational database: one SQLite file, the Prisma client on it through the
 * better-sqlite3 driver adapter, and better-sqlite3 connections of its own where the ORM is too
 * slow (the bulk attendance write, the pipeline's extract).
 */
export class SqliteOperationalDatabase implements OperationalDatabase {
  readonly client: PrismaClient;
  // Prisma's driver adapter checks against 999 bound parameters (SQLite's limit in older builds):
  // room is left for a query's other parameters.
  readonly idsPerStatement = 500;

  /**
   * @param file the SQLite file
   * @param dataDir the installation's data folder (the run lock's place)
   * @param env the environment the Prisma CLI runs with when migrating
   * @param busyTimeoutMs how long the client waits for another writer before failing as busy
   */
  constructor(
    readonly file: string,
    private readonly dataDir: string,
    private readonly env: NodeJS.ProcessEnv,
    // Wait for a busy database (a large import writing) instead of failing after 5 seconds.
    busyTimeoutMs = 30_000,
  ) {
    this.client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: busyTimeoutMs }) });
  }

  async migrate(): Promise<boolean> {
    // Compared by name and checksum with the committed folders: no process is started when nothing is pending.
    const applied = await applyPendingMigrations({
      readApplied: () => readAppliedMigrations(this.client),
      apply: () => applyMigrations({ ...this.env, DATABASE_URL: `file:${this.file}` }),
    });
    // WAL mode (kept in the file, so once is enough): readers never wait for the import worker's
    // writes, and a writer waits only for another writer's short transaction.
    await this.client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    // The audit trail from before the hash chain, sealed once in id order.
    await sealAuditTrailWithPrisma(this.client);
    return applied.length > 0;
  }

  async appendAudit(entries: readonly AuditChainInsert[], tx?: Prisma.TransactionClient): Promise<void> {
    if (entries.length === 0) return;
    // SQLite serialises writers: the insert that starts the append holds the write lock to commit.
    if (tx) await appendAuditWithPrisma(tx, entries);
    else await this.client.$transaction((own) => appendAuditWithPrisma(own, entries));
  }

  async writeAttendanceBatch(
    batch: AttendanceBatch,
    rows: readonly AttendanceRow[],
    audit: (batchId: number, counts: WrittenCounts) => AuditRecord,
    onRows: (rowsDone: number) => void,
  ): Promise<{ batchId: number } & WrittenCounts> {
    const writer = new SqliteAttendanceWriter(this.file);
    try {
      return await writer.write(batch, rows, audit, onRows);
    } finally {
      writer.close();
    }
  }

  async exportPipelineExtract(workDir: string, sinceBatch: number, asOfBatch?: number): Promise<PipelineExtract> {
    if (asOfBatch !== undefined) return exportSqlitePipelineExtractAsOf(this.file, workDir, asOfBatch);
    return exportSqlitePipelineExtract(this.file, workDir, sinceBatch);
  }

  async dataVersionAt(moment: Date): Promise<number> {
    const newest = await this.client.importBatch.findFirst({ where: { createdAt: { lte: moment } }, orderBy: { id: 'desc' }, select: { id: true } });
    return newest?.id ?? 0;
  }

  async currentDataVersion(): Promise<number> {
    return (await this.client.importBatch.aggregate({ _max: { id: true } }))._max.id ?? 0;
  }

  async recordChangesAfter(batch: number, until: string, limit: number): Promise<{ total: number; rows: RecordChange[] }> {
    return readSqliteRecordChanges(this.file, batch, until, limit);
  }

  isBusy(error: unknown): boolean {
    return isSqliteBusy(error);
  }

  pipelineRunLock(options?: RunLockOptions): RunLock {
    return new FileRunLock(this.dataDir, options);
  }

  async close(): Promise<void> {
    await this.client.$disconnect();
  }
}
