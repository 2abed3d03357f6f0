import Database from 'better-sqlite3';
import { appendToAuditChainSync, type AuditChainContent, type AuditChainStore } from '../audit-chain.ts';
import type { AttendanceBatch, AttendanceRow, AuditRecord, WrittenCounts } from '../operational-database.ts';

const chunkRows = 25_000;
const rowsPerStatement = 100;

/**
 * The bulk path for attendance lists on SQLite (a million rows per file), on a dedicated
 * better-sqlite3 connection. The rows are first staged in a temporary table of this connection
 * (which locks nothing others use), chunk by chunk; then one short transaction creates the batch,
 * moves the staged rows into Attendance inside SQLite and records the audit event. So the file
 * commits whole or not at all (a killed process leaves nothing: the temporary table dies with its
 * connection, and SQLite rolls back an unfinished transaction), other writers wait only for that
 * last statement, and the batch gets its id when it commits, in the order the pipeline reads.
 */
export class SqliteAttendanceWriter {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('busy_timeout = 30000');
  }

  async write(
    batch: AttendanceBatch,
    records: readonly AttendanceRow[],
    audit: (batchId: number, counts: WrittenCounts) => AuditRecord,
    onRows: (done: number) => void,
  ): Promise<{ batchId: number } & WrittenCounts> {
    const db = this.db;
    const now = () => new Date().toISOString().replace('Z', '+00:00');
    const activityIds = new Map<string, number>();
    for (const row of db.prepare('SELECT "id", "externalId" FROM "Activity"').iterate() as Iterable<{ id: number; externalId: string }>) {
      activityIds.set(row.externalId, row.id);
    }
    const participantIds = new Map<string, number>();
    for (const row of db.prepare('SELECT "id", "code" FROM "Participant"').iterate() as Iterable<{ id: number; code: string }>) {
      participantIds.set(row.code, row.id);
    }
    db.exec(
      'DROP TABLE IF EXISTS temp."StagedAttendance"; CREATE TEMP TABLE "StagedAttendance" ("activityId" INTEGER NOT NULL, "participantId" INTEGER NOT NULL, "sourceRow" INTEGER NOT NULL)',
    );
    try {
      // Many rows per statement: the per-call cost between JavaScript and SQLite dominates otherwise.
      const stageMany = (rows: number) => db.prepare(`INSERT INTO temp."StagedAttendance" VALUES ${Array(rows).fill('(?,?,?)').join(',')}`);
      const fullStatement = stageMany(rowsPerStatement);
      const values: number[] = [];
      for (let start = 0; start < records.length; start += chunkRows) {
        const end = Math.min(records.length, start + chunkRows);
        db.exec('BEGIN');
        try {
          for (let i = start; i < end; i += rowsPerStatement) {
            const last = Math.min(end, i + rowsPerStatement);
            values.length = 0;
            for (let j = i; j < last; j += 1) {
              const r = records[j]!;
              const activityId = activityIds.get(r.activityExternalId);
              const participantId = participantIds.get(r.participantCode);
              // Validation checked both against the same database moments ago; a miss means it changed since.
              if (activityId === undefined || participantId === undefined) throw new Error(`row ${r.row}: activity or participant vanished during the import`);
              values.push(activityId, participantId, r.row);
            }
            (last - i === rowsPerStatement ? fullStatement : stageMany(last - i)).run(values);
          }
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
        onRows(end);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return this.commit(batch, records.length, audit, now());
    } finally {
      db.exec('DROP TABLE IF EXISTS temp."StagedAttendance"');
    }
  }

  /** The one transaction other writers wait for: the batch, its rows and its audit event. */
  private commit(batch: AttendanceBatch, rows: number, audit: (batchId: number, counts: WrittenCounts) => AuditRecord, at: string) {
    const db = this.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      const batchId = Number(
        db
          .prepare(
            `INSERT INTO "ImportBatch" ("fileName","kind","sha256","status","source","importedBy","rowsRead","rowsWritten","errorCount","warningCount","report","createdAt")
             VALUES (?,?,?,'imported',?,?,?,0,0,?,?,?)`,
          )
          .run(batch.fileName, batch.kind, batch.sha256, batch.source, batch.importedBy, batch.rowsRead, batch.warningCount, JSON.stringify(batch.report), at)
          .lastInsertRowid,
      );
      // "WHERE true": SQLite's grammar needs it between a SELECT and its upsert clause.
      const created = db
        .prepare(
          `INSERT INTO "Attendance" ("activityId","participantId","importBatchId","sourceRow","createdAt")
           SELECT "activityId", "participantId", ?, "sourceRow", ? FROM temp."StagedAttendance" WHERE true ORDER BY rowid
           ON CONFLICT ("activityId","participantId") DO NOTHING`,
        )
        .run(batchId, at).changes;
      const counts = { created, unchanged: rows - created };
      db.prepare('UPDATE "ImportBatch" SET "rowsWritten" = ? WHERE "id" = ?').run(created, batchId);
      const entry = audit(batchId, counts);
      appendToAuditChainSync(sqliteAuditChainStore(db), [
        {
          at: new Date(at),
          actor: entry.actor,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId ?? null,
          before: null,
          after: entry.after ?? null,
          address: null,
        },
      ]);
      db.exec('COMMIT');
      return { batchId, ...counts };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

interface StoredAuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  address: string | null;
}

const storedAuditColumns = '"id","at","actor","action","entity","entityId","before","after","address"';

function auditContent(row: StoredAuditRow): AuditChainContent {
  return {
    ...row,
    // Stored as Prisma stores it on SQLite: ISO text (or milliseconds) and JSON text.
    at: new Date(/^\d+$/.test(String(row.at)) ? Number(row.at) : row.at),
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}

/** The chain's statements on this writer's own connection, inside its write transaction. */
function sqliteAuditChainStore(db: Database.Database): AuditChainStore<false> {
  return {
    insert(entry) {
      const at = (entry.at ?? new Date()).toISOString().replace('Z', '+00:00');
      const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
      const id = Number(
        db
          .prepare(`INSERT INTO "AuditEvent" ("at","actor","action","entity","entityId","before","after","address") VALUES (?,?,?,?,?,?,?,?)`)
          .run(at, entry.actor, entry.action, entry.entity, entry.entityId, json(entry.before), json(entry.after), entry.address).lastInsertRowid,
      );
      return auditContent(db.prepare(`SELECT ${storedAuditColumns} FROM "AuditEvent" WHERE "id" = ?`).get(id) as StoredAuditRow);
    },
    previous: (id) =>
      (db.prepare('SELECT "id", "hash" FROM "AuditEvent" WHERE "id" < ? ORDER BY "id" DESC LIMIT 1').get(id) as
        { id: number; hash: string | null } | undefined) ?? null,
    anySealedBefore: (id) => db.prepare('SELECT 1 FROM "AuditEvent" WHERE "id" < ? AND "hash" IS NOT NULL LIMIT 1').get(id) !== undefined,
    unsealedBefore: (id) =>
      (db.prepare(`SELECT ${storedAuditColumns} FROM "AuditEvent" WHERE "id" < ? AND "hash" IS NULL ORDER BY "id"`).all(id) as StoredAuditRow[]).map(
        auditContent,
      ),
    setHash(id, prevHash, hash) {
      db.prepare('UPDATE "AuditEvent" SET "prevHash" = ?, "hash" = ? WHERE "id" = ?').run(prevHash, hash, id);
    },
  };
}
