import type { Prisma, PrismaClient } from '../generated/client.ts';
import type { AuditChainInsert } from './audit-chain.ts';
import type { RunLock, RunLockOptions } from './run-lock.ts';

/**
 * Everything that depends on which database serves as the operational store, behind one
 * interface: the rest of the system (backend, pipelines, CLI, tests) uses only this and the
 * Prisma client it gives. One implementation today, SQLite (`sqlite/`); PostgreSQL comes behind
 * the same interface, so nothing here names a driver's types.
 */
export interface OperationalDatabase {
  /** The Prisma client on this database: one per process, made with the boundary. */
  readonly client: PrismaClient;

  /**
   * Applies the committed migrations unless every one of them is already recorded as applied,
   * and prepares the database for readers and writers in several processes. Seals an audit trail
   * from before the hash chain, in id order (once: a sealed trail is left as it is). Returns
   * whether migrations were applied.
   */
  migrate(): Promise<boolean>;

  /**
   * Writes one attendance list in bulk, whole or not at all: the batch (status "imported"), its
   * rows (a pair already stored is left as it is and counted unchanged) and the audit event that
   * `audit` returns, in one short transaction that other writers wait for; the rows are staged
   * before it, so a million-row file does not hold the write lock while it is read. The batch id
   * is given at commit, in the order the pipeline reads. `onRows` follows the staging.
   */
  writeAttendanceBatch(
    batch: AttendanceBatch,
    rows: readonly AttendanceRow[],
    audit: (batchId: number, counts: WrittenCounts) => AuditRecord,
    onRows: (rowsDone: number) => void,
  ): Promise<{ batchId: number } & WrittenCounts>;

  /**
   * The rows the pipeline reads, from one consistent snapshot, as CSV files in `workDir` (one per
   * table of `pipelineExtractTables`, in its column order): codes and attributes, never names or
   * free-text answers. `sinceBatch` = 0 exports everything; a higher value the rows written by
   * later import batches (new or corrected rows, and the whole attendance list of every activity
   * such a batch wrote, which replaces the list the facts hold). The caller removes the files.
   * `asOfBatch` instead exports every row as the data stood after that import batch (the rows it
   * and earlier batches wrote, in the version they had then; `sinceBatch` is then ignored), with
   * totals counting those rows and the watermark = `asOfBatch`.
   */
  exportPipelineExtract(workDir: string, sinceBatch: number, asOfBatch?: number): Promise<PipelineExtract>;

  /** The data version at `moment`: the newest import batch created at or before it (0 when none). */
  dataVersionAt(moment: Date): Promise<number>;

  /** The data version now: the newest import batch (0 when none). */
  currentDataVersion(): Promise<number>;

  /**
   * What import batches after `batch` changed in the records that count for figures dated on or
   * before `until` (a civil date): activities by their date (a correction when the old or the new
   * date is), attendances by their activity's date, survey responses by their date, register rows
   * always (a person's attributes count wherever they attended). A correction is listed only when
   * a column the figures use changed (not a name). Codes only, never names. Sorted by batch, then
   * source row; at most `limit` rows, `total` counts all.
   */
  recordChangesAfter(batch: number, until: string, limit: number): Promise<{ total: number; rows: RecordChange[] }>;

  /**
   * Appends entries to the audit trail, each linked into its hash chain (`audit-chain.ts`), inside
   * `tx` (the transaction of the change they record) or else in a transaction of their own. The
   * database keeps concurrent writers from linking to the same entry: SQLite serialises writers
   * and the entry is inserted (taking the write lock) before it reads the entry it links to; a
   * database with concurrent writers takes a lock on the chain here first.
   */
  appendAudit(entries: readonly AuditChainInsert[], tx?: Prisma.TransactionClient): Promise<void>;

  /** Whether an error means the database is held by another writer (try again in a moment). */
  isBusy(error: unknown): boolean;

  /** The most ids one statement's `IN (…)` list may bind here, with room for its other parameters. */
  readonly idsPerStatement: number;

  /**
   * The lock that keeps pipeline runs one at a time across the processes of this installation,
   * with a lease its holder renews.
   */
  pipelineRunLock(options?: RunLockOptions): RunLock;

  /** Closes the client and anything else this boundary opened. */
  close(): Promise<void>;
}

/** One change an import batch made to a record (`recordChangesAfter`): codes only, never names. */
export interface RecordChange {
  kind: 'activity' | 'attendance' | 'participant' | 'survey';
  change: 'added' | 'corrected' | 'removed';
  /** The activity's external id (an activity or an attendance). */
  activityId: string | null;
  /** The person's code (a register row, an attendance, a survey response that names one). */
  participantCode: string | null;
  /** The record's date after the change (a removed record: the date it had); a register row: its leader-since date. */
  date: string | null;
  community: string | null;
  batchId: number;
  fileName: string;
  /** The row of the batch's file that wrote the record; null for a removal (no row says it). */
  sourceRow: number | null;
  importedBy: string;
  /** When the batch was imported (ISO). */
  at: string;
}

export interface AttendanceBatch {
  fileName: string;
  kind: string;
  sha256: string;
  source: string;
  importedBy: string;
  rowsRead: number;
  warningCount: number;
  /** The batch's report (`{ errors, warnings }`), stored as JSON. */
  report: unknown;
}

/** One attendance row by the codes in the file; both exist (the importer validated them). */
export interface AttendanceRow {
  activityExternalId: string;
  participantCode: string;
  /** Row in the source file. */
  row: number;
}

export interface WrittenCounts {
  created: number;
  unchanged: number;
}

export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  after?: unknown;
}

/** Rows per table of the extract (and the keys of its files). */
export interface ExtractCounts {
  participants: number;
  activities: number;
  attendances: number;
  surveyAnswers: number;
}

/** Column types of the extract's files (SQL names that DuckDB reads as they are). */
export type ExtractColumnType = 'INTEGER' | 'VARCHAR' | 'BOOLEAN' | 'DOUBLE';

/**
 * The tables of the pipeline's extract, their columns in file order. The pipeline's staging
 * tables (`pipelines/src/sql/analytics-schema.sql`) have the same columns in the same order.
 */
export const pipelineExtractTables = {
  participants: {
    participant_id: 'INTEGER',
    participant_code: 'VARCHAR',
    home_community: 'VARCHAR',
    gender: 'VARCHAR',
    birth_year: 'INTEGER',
    leader: 'BOOLEAN',
    leader_since: 'VARCHAR',
    import_batch_id: 'INTEGER',
  },
  activities: {
    activity_id: 'INTEGER',
    external_id: 'VARCHAR',
    date: 'VARCHAR',
    community: 'VARCHAR',
    type_code: 'VARCHAR',
    headcount_anonymous: 'INTEGER',
    resident_initiative: 'BOOLEAN',
    import_batch_id: 'INTEGER',
    source_row: 'INTEGER',
  },
  attendances: { activity_id: 'INTEGER', participant_id: 'INTEGER', import_batch_id: 'INTEGER' },
  surveyAnswers: {
    answer_id: 'INTEGER',
    response_id: 'INTEGER',
    survey_code: 'VARCHAR',
    question_code: 'VARCHAR',
    date: 'VARCHAR',
    community: 'VARCHAR',
    value_number: 'DOUBLE',
    import_batch_id: 'INTEGER',
  },
} as const satisfies Record<keyof ExtractCounts, Record<string, ExtractColumnType>>;

/** How the extract's CSV files are written: no header, comma-separated, one row per line. */
export interface ExtractCsvFormat {
  quote: string;
  escape: string;
  /** How a missing value is written (unquoted). */
  nullString: string;
}

export interface ExtractedTable {
  table: keyof ExtractCounts;
  file: string;
  rows: number;
}

export interface PipelineExtract {
  format: ExtractCsvFormat;
  tables: ExtractedTable[];
  /** Rows in the database at the moment of the snapshot, to check the facts against. */
  totals: ExtractCounts;
  /** The newest import batch the snapshot contains: the next incremental run starts after it. */
  watermark: number;
}

/** Runs `query` once per slice of at most `perStatement` ids (none when there are no ids) and concatenates the rows. */
export async function findInSlices<Id, Row>(ids: readonly Id[], perStatement: number, query: (slice: Id[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < ids.length; start += perStatement) rows.push(...(await query(ids.slice(start, start + perStatement))));
  return rows;
}
