import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
import type { KindRecord, WriteContext } from '../import/kinds/import-kind.ts';
import { importKindDefinition } from '../import/kinds/index.ts';
import type { ImportIssue, ImportKind, ValidationContext, ValidationResult } from '../import/validation/validate-file.ts';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';

export interface BatchMeta {
  fileName: string;
  kind: ImportKind | 'unknown';
  sha256: string;
  source: 'cli' | 'api' | 'inbox' | 'demo' | 'form';
  importedBy: string;
}

export interface WriteSummary {
  /** Null when nothing was created or changed: no batch is recorded for a file that adds nothing. */
  batchId: number | null;
  created: number;
  updated: number;
  unchanged: number;
}

// Large files take longer than Prisma's default five-second transaction.
const transactionOptions = { timeout: 30 * 60_000, maxWait: 60_000 };

/** All reads and writes of an import: lookups for validation, the batch, its rows, its audit. */
@Injectable()
export class ImportRepository {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  async loadLookups(): Promise<ValidationContext['lookups']> {
    const db = this.database.client;
    // Plain joins: for registers and logs of tens of thousands of rows the ORM's relation loading is several times slower.
    const [activities, participants] = await Promise.all([
      db.$queryRaw<{ externalId: string; date: string; communityCode: string }[]>`
        SELECT a."externalId", a."date", c."code" AS "communityCode" FROM "Activity" a JOIN "Community" c ON c."id" = a."communityId"`,
      db.$queryRaw<{ code: string; nameKey: string | null; firstName: string | null; lastName: string | null; communityCode: string }[]>`
        SELECT p."code", p."nameKey", p."firstName", p."lastName", c."code" AS "communityCode"
        FROM "Participant" p JOIN "Community" c ON c."id" = p."homeCommunityId"`,
    ]);
    const codesByNameKey = new Map<string, string[]>();
    const names = new Map<string, string>();
    for (const p of participants) {
      if (!p.nameKey) continue;
      const codes = codesByNameKey.get(p.nameKey);
      if (codes) codes.push(p.code);
      else codesByNameKey.set(p.nameKey, [p.code]);
      names.set(p.code, [p.firstName, p.lastName].filter(Boolean).join(' '));
    }
    return {
      activities: new Map(activities.map((a) => [a.externalId, { date: a.date, communityCode: a.communityCode }])),
      participants: new Map(participants.map((p) => [p.code, { communityCode: p.communityCode }])),
      participantCodesByNameKey: codesByNameKey,
      participantNames: names,
    };
  }

  async findImportedBatch(sha256: string): Promise<{ id: number; fileName: string; createdAt: Date } | null> {
    return this.database.client.importBatch.findFirst({
      where: { sha256, status: 'imported' },
      select: { id: true, fileName: true, createdAt: true },
      orderBy: { id: 'asc' },
    });
  }

  /** A rejected file leaves only its report in the history (and the audit trail), no data. */
  async recordRejected(meta: BatchMeta, rowsRead: number, errors: ImportIssue[], warnings: ImportIssue[]): Promise<number> {
    return this.database.client.$transaction(async (tx) => {
      const batch = await tx.importBatch.create({
        data: {
          ...meta,
          status: 'rejected',
          rowsRead,
          rowsWritten: 0,
          errorCount: errors.length,
          warningCount: warnings.length,
          report: { errors, warnings } as unknown as Prisma.InputJsonValue,
        },
      });
      await this.audit.record(
        [
          {
            actor: meta.importedBy,
            action: 'import.rejected',
            entity: 'importBatch',
            entityId: String(batch.id),
            after: { file: meta.fileName, kind: meta.kind, errors: errors.length },
          },
        ],
        tx,
      );
      return batch.id;
    });
  }

  /**
   * Writes a validated file in one transaction: all of it, or (on any failure) nothing. How its
   * records are stored is its kind's writer (`import/kinds/<kind>.ts`).
   */
  async writeImport(meta: BatchMeta & { kind: ImportKind }, result: ValidationResult, onRows?: (rowsDone: number) => void): Promise<WriteSummary> {
    const writer = importKindDefinition(result.kind).writer;
    const records: readonly KindRecord[] = result.records;
    if (writer.bulkWrite) {
      return writer.bulkWrite({
        database: this.database.operational,
        batch: { ...meta, rowsRead: result.rowsRead, warnings: result.warnings },
        records: result.records,
        auditEvent: (batchId, counts) => importedEvent(meta, batchId, counts),
        onRows: onRows ?? (() => {}),
      });
    }
    // What the rows are compared with is read before the transaction, so that the write lock is
    // held for the writes alone; read again inside it only if another import committed meanwhile.
    const db = this.database.client;
    const readBefore = await latestBatchId(db);
    let stored = await writer.readStored(db, records);
    return db
      .$transaction(async (tx) => {
        if ((await latestBatchId(tx)) !== readBefore) stored = await writer.readStored(tx, records);
        const batch = await tx.importBatch.create({
          data: {
            ...meta,
            status: 'imported',
            rowsRead: result.rowsRead,
            rowsWritten: 0,
            errorCount: 0,
            warningCount: result.warnings.length,
            report: { errors: [], warnings: result.warnings } as unknown as Prisma.InputJsonValue,
          },
        });
        const context: WriteContext = { tx, batchId: batch.id, actor: meta.importedBy, audit: [], onRows: onRows ?? (() => {}) };
        if (!writer.write) throw new Error(`the ${result.kind} writer has no transactional write`);
        const counts = await writer.write(context, records, stored);
        if (counts.created + counts.updated === 0 && writer.correctsById) throw new NothingChanged(counts.unchanged);
        await tx.importBatch.update({ where: { id: batch.id }, data: { rowsWritten: counts.created + counts.updated } });
        context.audit.push(importedEvent(meta, batch.id, counts));
        await this.audit.record(context.audit, tx);
        return { batchId: batch.id, ...counts } as WriteSummary;
      }, transactionOptions)
      .catch((error: unknown) => {
        // The batch row is rolled back with everything else: an identical file leaves no trace.
        if (error instanceof NothingChanged) return { batchId: null, created: 0, updated: 0, unchanged: error.unchanged };
        throw error;
      });
  }

  /** Import history, newest first, a page at a time (`before`: the last id of the previous page). */
  async listBatches(limit = 50, before?: number) {
    return this.database.client.importBatch.findMany({ where: before === undefined ? {} : { id: { lt: before } }, orderBy: { id: 'desc' }, take: limit });
  }

  /** The file names of import batches by id. */
  async batchFileNames(ids: readonly number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const out = new Map<number, string>();
    for (let i = 0; i < unique.length; i += idsPerRead) {
      const found = await this.database.client.importBatch.findMany({
        where: { id: { in: unique.slice(i, i + idsPerRead) } },
        select: { id: true, fileName: true },
      });
      for (const b of found) out.set(b.id, b.fileName);
    }
    return out;
  }

  /** The rows of their files that survey responses were read from, by response id. */
  async surveyResponseRows(ids: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (let i = 0; i < ids.length; i += idsPerRead) {
      const found = await this.database.client.surveyResponse.findMany({
        where: { id: { in: ids.slice(i, i + idsPerRead) } },
        select: { id: true, sourceRow: true },
      });
      for (const r of found) out.set(r.id, r.sourceRow);
    }
    return out;
  }

  /** The newest batch that wrote rows (0 when none did). */
  async latestImportedBatchId(): Promise<number> {
    return (await this.database.client.importBatch.aggregate({ where: { status: 'imported' }, _max: { id: true } }))._max.id ?? 0;
  }

  async hasRecordedData(): Promise<boolean> {
    const db = this.database.client;
    const [activities, participants] = await Promise.all([db.activity.count(), db.participant.count()]);
    return activities + participants > 0;
  }

  /** Whether anything but the demo files was ever imported (a real centre's data). */
  async hasNonDemoImports(): Promise<boolean> {
    return (await this.database.client.importBatch.count({ where: { source: { not: 'demo' }, status: 'imported' } })) > 0;
  }

  async isDemoInstallation(): Promise<boolean> {
    return (await this.database.client.importBatch.count({ where: { source: 'demo', status: 'imported' } })) > 0;
  }
}

class NothingChanged extends Error {
  constructor(readonly unchanged: number) {
    super('nothing changed');
  }
}

function importedEvent(meta: BatchMeta, batchId: number, counts: Omit<WriteSummary, 'batchId'>): AuditEntry {
  return {
    actor: meta.importedBy,
    action: 'import.imported',
    entity: 'importBatch',
    entityId: String(batchId),
    after: { file: meta.fileName, kind: meta.kind, sha256: meta.sha256, ...counts },
  };
}

type Reader = Prisma.TransactionClient;

/** The newest batch: when it moved, what was read before a transaction may be out of date. */
async function latestBatchId(db: Reader): Promise<number> {
  return (await db.importBatch.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

// Below SQLite's limit of bound values in one statement.
const idsPerRead = 500;
