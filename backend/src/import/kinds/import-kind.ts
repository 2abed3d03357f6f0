import type { OslConfig, SurveyConfig } from '@osl/data';
import type { OperationalDatabase, Prisma } from '@osl/prisma';
import type { z } from 'zod';
import type { AuditEntry } from '../../repositories/audit.repository.ts';
import type { ImportMessageKey } from '../import.messages.ts';
import type { ImportIssue, ImportKind, RawRow, RawTable, ValidationContext } from '../import.types.ts';
import type { HeaderLocation } from '../parsing/columns.ts';
import type { RowChecker } from '../validation/row-checker.ts';

/**
 * Everything the importer knows about one kind of file (docs/spec/input-formats.md, "Four kinds of
 * file"): its columns, the record a row becomes, how a row is checked, how records are stored.
 * Generic code (header matching, validation, community scope, templates, the import service, the
 * writes) reads these definitions from the registry (`kinds/index.ts`) instead of naming kinds.
 */
export interface ImportKindDefinition<R extends KindRecord = KindRecord> {
  kind: ImportKind;
  /** Columns as the specification lists them, in the order the template shows them. */
  columns: readonly ColumnSpec[];
  /** Groups of columns of which one must be complete (attendance: a code, or a first and last name). */
  requiredAlternatives?: RequiredAlternatives;
  /** A header naming this column (and one more known column) is this kind, whatever else it names. */
  decisiveColumn?: string;
  /** Columns beyond the canonical ones that a file may carry (a survey's questions). */
  questionColumns?: QuestionColumnsMatcher;
  /** Within one import, lower goes first: files that others depend on (the register, activities) first. */
  importOrder: number;
  /** Sheet name of the downloadable template (and of its file name). */
  templateSheetName: string;
  /** The record one valid row becomes. */
  record: z.ZodType<R>;
  /**
   * Checks rows one at a time (the checker already started on the row, so its errors name it);
   * `validate` returns the row's record, or undefined when it has none (errors, a skipped duplicate).
   */
  rowValidator(checker: RowChecker, header: HeaderLocation, ctx: ValidationContext): { validate(row: RawRow): R | undefined };
  /** For an uploader limited to some communities: what each record touches (see `validation/community-scope.ts`). */
  scope(record: R, lookups: ValidationContext['lookups']): ScopeRow;
  writer: KindWriter<R>;
}

export interface KindRecord {
  /** The row number as Excel shows it. */
  row: number;
}

export interface ColumnSpec {
  /** Canonical name, as in docs/spec/input-formats.md. */
  name: string;
  /**
   * The column's name in Polish: the template's header, and how a report names the column when
   * the file lacks it. It must be the name or a synonym (folded alike; a test holds it).
   */
  label: string;
  synonyms: readonly string[];
  required: boolean;
  /** How the downloadable template shows the column; null: left out of the template. */
  template: TemplateColumn | null;
}

export interface RequiredAlternatives {
  groups: readonly (readonly string[])[];
  /** The column the missing-columns error is reported on, and its message. */
  column: string;
  message: ImportMessageKey;
  /** How the groups are named in the "header not found" message. */
  describe: string;
}

/** The template's values (a Date is written as an Excel date). */
export type TemplateValue = string | number | Date | null;

/** What the template's example row is made of, from the configuration. */
export interface TemplateSample {
  /** The first configured community and activity type (the example names them as the drop-downs do). */
  community: { code: string; name: string };
  activityType: { code: string; name: string };
  survey: SurveyConfig | null;
  /** A day inside the project's period. */
  date: Date;
}

export interface TemplateColumn {
  /** The header cell's note: what the column means and what to write in it. */
  note: string;
  /** The value on the template's example sheet. */
  example: TemplateValue | ((sample: TemplateSample) => TemplateValue);
  /** The cell rule: a drop-down of configured values or yes/no, or a whole number ≥ 0. */
  rule?: 'community' | 'type' | 'survey' | 'yesNo' | 'gender' | 'wholeNonNegative';
  /** Cells formatted as dates. */
  date?: boolean;
}

/**
 * For the columns the canonical ones leave unmatched: returns, for one folded header, what it
 * names (a question of each survey the file names), each with a key unique across surveys, so
 * that two columns naming the same question are found. Built once per file.
 */
export type QuestionColumnsMatcher = (
  table: RawTable,
  headerIndex: number,
  columns: ReadonlyMap<string, number>,
  config: OslConfig,
) => (foldedHeader: string) => readonly { key: string; column: string }[];

/** What a record touches, for an uploader limited to some communities. */
export interface ScopeRow {
  /** The communities the row belongs to (as written, and as stored); undefined entries are ignored. */
  communities: readonly (string | undefined)[];
  /** Where an out-of-scope community is reported. */
  column: string;
  value: string;
  /** A participant the row names (refused when registered outside the uploader's communities). */
  participantCode?: string | null;
  /** The row registers the code itself: a code written in another community's form is refused. */
  registersCode?: boolean;
}

// ------------------------------------------------------------------------------------------ writing

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** One file's write, inside its transaction. */
export interface WriteContext {
  tx: Prisma.TransactionClient;
  batchId: number;
  actor: string;
  /** Audit entries to record with the batch. */
  audit: AuditEntry[];
  onRows: (rowsDone: number) => void;
}

/** The batch a bulk writer creates itself (through the database boundary's own bulk path). */
export interface BulkWrite<R> {
  database: OperationalDatabase;
  batch: { fileName: string; kind: string; sha256: string; source: string; importedBy: string; rowsRead: number; warnings: ImportIssue[] };
  records: R[];
  auditEvent: (batchId: number, counts: WriteCounts) => AuditEntry;
  onRows: (rowsDone: number) => void;
}

export interface KindWriter<R, S = unknown> {
  /**
   * True for kinds whose rows are corrected by id (a corrected log or register updates the stored
   * rows): a file that adds and changes nothing leaves no batch. False for kinds that only add
   * rows: the same file again is known by its content hash and not read at all.
   */
  correctsById: boolean;
  /**
   * What the rows are compared with, read before the write transaction so that the write lock is
   * held for the writes alone (read again inside it if another import committed meanwhile).
   */
  readStored(db: Prisma.TransactionClient, records: readonly R[]): Promise<S>;
  /** Writes the records inside the import's transaction (kinds without a bulk path). */
  write?(context: WriteContext, records: readonly R[], stored: S): Promise<WriteCounts>;
  /** Writes the records through the database's bulk path instead; it creates the batch itself. */
  bulkWrite?(bulk: BulkWrite<R>): Promise<{ batchId: number } & WriteCounts>;
  /** A warning added to the report when some rows were already stored (identical survey responses). */
  alreadyStoredWarning?: ImportMessageKey;
}
