import { REDACTED } from '@osl/data';
import type { Prisma } from '@osl/prisma';
import type { KindRecord, KindWriter, WriteContext } from '../import/kinds/import-kind.ts';

/** Rows per `createMany` and per `in (…)` list. */
export const writeChunkSize = 5_000;

type Reader = Prisma.TransactionClient;

/**
 * How the records of a kind corrected by id are stored: the table, its key, the columns compared
 * with the stored row and the ones the audit trail must not show.
 */
export interface AuditedUpsertDescription<R extends KindRecord> {
  /** The Prisma model (table) the records are stored in. */
  model: 'activity' | 'participant';
  /** The audit trail's entity; a change is recorded as `<entity>.updated`, under the record's key. */
  entity: string;
  /** The table's unique key column and a record's value for it (the id the file gives). */
  key: { column: string; of: (record: R) => string };
  /**
   * Columns holding the id of a configured entity the record names by code: compared, and shown
   * in the audit trail, by code (`audit`), read from the stored row's `relation`.
   */
  references: readonly { column: string; relation: string; model: 'community' | 'activityType'; code: (record: R) => string; audit: string }[];
  /** The other stored columns of a record, compared with the stored row's. */
  fields: (record: R) => Record<string, unknown>;
  /** Columns that are personal data: the audit trail records that they changed, never what they were. */
  redacted: ReadonlySet<string>;
}

type StoredRow = { id: number } & Record<string, unknown>;

/** The few calls the upsert makes, common to every model it serves. */
interface UpsertTable {
  findMany(args: { where: Record<string, unknown>; include: Record<string, boolean> }): Promise<StoredRow[]>;
  update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<unknown>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<unknown>;
}

interface CodeTable {
  findMany(args: { select: { id: true; code: true } }): Promise<{ id: number; code: string }[]>;
}

interface Stored {
  /** Reference model → code → id. */
  ids: Map<string, Map<string, number>>;
  /** Stored rows by key. */
  existing: Map<string, StoredRow>;
}

// Prisma's delegates differ per model in their generic signatures; the upsert uses only the shape above.
const table = (db: Reader, model: AuditedUpsertDescription<KindRecord>['model']) => db[model] as unknown as UpsertTable;
const codeTable = (db: Reader, model: 'community' | 'activityType') => db[model] as unknown as CodeTable;

/** What a changed personal value is recorded as; the trail's page and export word it from @osl/data. */
export const redactedValue = REDACTED;

/**
 * The writer of a kind whose rows are corrected by id: a record with a new key is created; one
 * whose key is stored is compared column by column and, when it differs, updated in place (the
 * row keeps its id, its provenance moves to the new batch) with its old → new values in the audit
 * trail, personal columns redacted; an identical one is counted unchanged.
 */
export function auditedUpsert<R extends KindRecord>(description: AuditedUpsertDescription<R>): KindWriter<R, Stored> {
  const { model, entity, key, references, fields, redacted } = description;
  return {
    correctsById: true,

    async readStored(db, records) {
      const ids = new Map<string, Map<string, number>>();
      for (const reference of references) {
        if (!ids.has(reference.model)) ids.set(reference.model, await idsByCode(codeTable(db, reference.model).findMany({ select: { id: true, code: true } })));
      }
      const include = Object.fromEntries(references.map((reference) => [reference.relation, true]));
      const stored = await table(db, model).findMany({ where: { [key.column]: { in: records.map(key.of) } }, include });
      return { ids, existing: new Map(stored.map((row) => [row[key.column] as string, row])) };
    },

    async write({ tx, batchId, actor, audit, onRows }: WriteContext, records, { ids, existing }) {
      const toCreate: Record<string, unknown>[] = [];
      let updated = 0;
      let unchanged = 0;
      for (const r of records) {
        const columns: Record<string, unknown> = {};
        for (const reference of references) columns[reference.column] = ids.get(reference.model)!.get(reference.code(r))!;
        const compared = fields(r);
        Object.assign(columns, compared);
        const keyValue = key.of(r);
        const before = existing.get(keyValue);
        if (!before) {
          toCreate.push({ [key.column]: keyValue, ...columns, importBatchId: batchId, sourceRow: r.row });
          continue;
        }
        const beforeView: Record<string, unknown> = {};
        for (const name of Object.keys(compared)) beforeView[name] = before[name];
        const afterView: Record<string, unknown> = { ...compared };
        for (const reference of references) {
          beforeView[reference.audit] = (before[reference.relation] as { code: string }).code;
          afterView[reference.audit] = reference.code(r);
        }
        const diff = diffFields(beforeView, afterView, redacted);
        if (!diff) {
          unchanged += 1;
          continue;
        }
        await table(tx, model).update({ where: { id: before.id }, data: { ...columns, importBatchId: batchId, sourceRow: r.row } });
        audit.push({ actor, action: `${entity}.updated`, entity, entityId: keyValue, before: diff.before, after: diff.after });
        updated += 1;
      }
      await createInChunks(toCreate, (data) => table(tx, model).createMany({ data }), onRows, updated + unchanged);
      return { created: toCreate.length, updated, unchanged };
    },
  };
}

/** The fields that differ, as before/after objects (redacted ones as "changed"); null when nothing changed. */
function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, redacted: ReadonlySet<string>) {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (before[key] === after[key]) continue;
    changedBefore[key] = redacted.has(key) ? redactedValue : before[key];
    changedAfter[key] = redacted.has(key) ? redactedValue : after[key];
  }
  return Object.keys(changedAfter).length === 0 ? null : { before: changedBefore, after: changedAfter };
}

export async function idsByCode(rows: Promise<{ id: number; code: string }[]>): Promise<Map<string, number>> {
  return new Map((await rows).map((row) => [row.code, row.id]));
}

/** Creates rows a chunk at a time, reporting progress after each (`alreadyDone`: rows counted before). */
export async function createInChunks<T>(
  rows: T[],
  create: (chunk: T[]) => Promise<unknown>,
  onRows: (done: number) => void,
  alreadyDone: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += writeChunkSize) {
    await create(rows.slice(i, i + writeChunkSize));
    onRows(alreadyDone + Math.min(i + writeChunkSize, rows.length));
  }
}
