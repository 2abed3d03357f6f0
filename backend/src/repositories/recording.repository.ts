import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
import type { WriteContext, WriteCounts } from '../import/kinds/import-kind.ts';
import { activities, type ActivityRecord } from '../import/kinds/activities.ts';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';
import type { BatchMeta } from './import.repository.ts';

/** A person of the register the form lists (names only when the caller asks for them). */
export interface RegisterEntry {
  code: string;
  firstName: string | null;
  lastName: string | null;
}

/** A stored activity as the form corrects it, with its attendance list and where it came from. */
export interface StoredActivity {
  externalId: string;
  date: string;
  community: string;
  type: string;
  title: string;
  durationHours: number | null;
  ledBy: string | null;
  location: string | null;
  headcountAnonymous: number;
  residentInitiative: boolean;
  participants: string[];
  source: { batchId: number; source: string; importedBy: string; importedAt: Date };
}

/** One recording to write: the activity's record and who came, each code with the row it had. */
export interface RecordingWrite {
  meta: BatchMeta & { kind: 'activities' };
  activity: ActivityRecord;
  attendance: readonly { code: string; row: number }[];
  /** The rows read (the activity's and its list's), as a file's `rowsRead`. */
  rowsRead: number;
  /** A new activity: its number must still be free when the write runs (else `ActivityNumberTaken`). */
  isNew: boolean;
}

/** Another recording took the number meanwhile: the caller numbers the activity anew. */
export class ActivityNumberTaken extends Error {
  constructor(readonly externalId: string) {
    super(`activity number ${externalId} was taken meanwhile`);
  }
}

export interface RecordingWritten extends WriteCounts {
  /** Null when nothing differed from what is stored: no batch is recorded. */
  batchId: number | null;
  added: string[];
  removed: string[];
}

const transactionOptions = { timeout: 60_000, maxWait: 30_000 };

/** Reads and writes of the recording form: the register it lists, an activity to correct, and the write of one recording as one import batch. */
@Injectable()
export class RecordingRepository {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  /** Everyone registered in the community, by code. */
  async register(community: string, withNames: boolean): Promise<RegisterEntry[]> {
    const rows = await this.database.client.participant.findMany({
      where: { homeCommunity: { code: community } },
      select: { code: true, firstName: withNames, lastName: withNames },
      orderBy: { code: 'asc' },
    });
    return rows.map((p) => ({ code: p.code, firstName: withNames ? (p.firstName ?? null) : null, lastName: withNames ? (p.lastName ?? null) : null }));
  }

  async activity(externalId: string): Promise<StoredActivity | null> {
    const a = await this.database.client.activity.findUnique({
      where: { externalId },
      include: {
        community: { select: { code: true } },
        type: { select: { code: true } },
        importBatch: { select: { id: true, source: true, importedBy: true, createdAt: true } },
        attendances: { select: { participant: { select: { code: true } } } },
      },
    });
    if (!a) return null;
    return {
      externalId: a.externalId,
      date: a.date,
      community: a.community.code,
      type: a.type.code,
      title: a.title,
      durationHours: a.durationHours,
      ledBy: a.ledBy,
      location: a.location,
      headcountAnonymous: a.headcountAnonymous,
      residentInitiative: a.residentInitiative,
      participants: a.attendances.map((row) => row.participant.code).sort(),
      source: { batchId: a.importBatch.id, source: a.importBatch.source, importedBy: a.importBatch.importedBy, importedAt: a.importBatch.createdAt },
    };
  }

  /** The activity numbers in use that start with `prefix`. */
  async externalIdsStartingWith(prefix: string): Promise<string[]> {
    const rows = await this.database.client.activity.findMany({ where: { externalId: { startsWith: prefix } }, select: { externalId: true } });
    return rows.map((row) => row.externalId);
  }

  /**
   * Writes one recording in one transaction, as an import of an activity log and its attendance
   * list would: one import batch (its source says it came from the form, with who and when), the
   * activity created or corrected by the activities kind's own writer (changes audited field by
   * field), and its attendance list replaced by the one given: rows of persons who stay keep their
   * batch, rows added belong to the new batch, rows of persons taken off are deleted. A
   * corrected list moves the activity's provenance to the new batch too, so that the next
   * incremental run reads the activity again with its whole list. Nothing differs: nothing is written.
   */
  async write({ meta, activity, attendance, rowsRead, isNew }: RecordingWrite): Promise<RecordingWritten> {
    const writer = activities.writer;
    return this.database.client
      .$transaction(async (tx) => {
        const stored = await writer.readStored(tx, [activity]);
        const storedActivity = await tx.activity.findUnique({
          where: { externalId: activity.externalId },
          select: { id: true, attendances: { select: { id: true, participant: { select: { code: true } } } } },
        });
        if (isNew && storedActivity) throw new ActivityNumberTaken(activity.externalId);
        const before = new Map((storedActivity?.attendances ?? []).map((row) => [row.participant.code, row.id]));
        const added = attendance.filter((a) => !before.has(a.code));
        const kept = new Set(attendance.map((a) => a.code));
        const removed = [...before.keys()].filter((code) => !kept.has(code)).sort();

        const batch = await tx.importBatch.create({
          data: {
            ...meta,
            status: 'imported',
            rowsRead,
            rowsWritten: 0,
            errorCount: 0,
            warningCount: 0,
            report: { errors: [], warnings: [] } as unknown as Prisma.InputJsonValue,
          },
        });
        const context: WriteContext = { tx, batchId: batch.id, actor: meta.importedBy, audit: [], onRows: () => {} };
        const counts = await writer.write!(context, [activity], stored);
        if (counts.created + counts.updated === 0 && added.length === 0 && removed.length === 0) throw new NothingChanged();

        const activityId = storedActivity?.id ?? (await tx.activity.findUniqueOrThrow({ where: { externalId: activity.externalId }, select: { id: true } })).id;
        if (counts.created + counts.updated === 0) {
          await tx.activity.update({ where: { id: activityId }, data: { importBatchId: batch.id, sourceRow: activity.row } });
        }
        if (removed.length > 0) await tx.attendance.deleteMany({ where: { id: { in: removed.map((code) => before.get(code)!) } } });
        if (added.length > 0) {
          const people = await tx.participant.findMany({ where: { code: { in: added.map((a) => a.code) } }, select: { id: true, code: true } });
          const idOf = new Map(people.map((p) => [p.code, p.id]));
          await tx.attendance.createMany({
            data: added.map((a) => ({ activityId, participantId: idOf.get(a.code)!, importBatchId: batch.id, sourceRow: a.row })),
          });
        }
        const addedCodes = added.map((a) => a.code).sort();
        if (storedActivity && (addedCodes.length > 0 || removed.length > 0)) {
          // Codes only: the audit trail never holds names.
          context.audit.push({
            actor: meta.importedBy,
            action: 'attendance.replaced',
            entity: 'activity',
            entityId: activity.externalId,
            before: { participants: [...before.keys()].sort() },
            after: { participants: [...kept].sort() },
          });
        }
        const rowsWritten = counts.created + counts.updated + addedCodes.length + removed.length;
        await tx.importBatch.update({ where: { id: batch.id }, data: { rowsWritten } });
        context.audit.push(recordedEvent(meta, batch.id, counts, addedCodes, removed));
        await this.audit.record(context.audit, tx);
        return { batchId: batch.id, ...counts, added: addedCodes, removed };
      }, transactionOptions)
      .catch((error: unknown) => {
        // The batch row is rolled back with everything else: a form sent again unchanged leaves no trace.
        if (error instanceof NothingChanged) return { batchId: null, created: 0, updated: 0, unchanged: 1, added: [], removed: [] };
        throw error;
      });
  }
}

class NothingChanged extends Error {
  constructor() {
    super('nothing changed');
  }
}

function recordedEvent(meta: BatchMeta, batchId: number, counts: WriteCounts, added: readonly string[], removed: readonly string[]): AuditEntry {
  return {
    actor: meta.importedBy,
    action: 'import.imported',
    entity: 'importBatch',
    entityId: String(batchId),
    after: {
      file: meta.fileName,
      kind: meta.kind,
      source: meta.source,
      sha256: meta.sha256,
      ...counts,
      attendanceAdded: added.length,
      attendanceRemoved: removed.length,
    },
  };
}
