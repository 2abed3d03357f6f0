import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
import type {
  ActivityRecord,
  ImportIssue,
  ImportKind,
  ParticipantRecord,
  SurveyResponseRecord,
  ValidationContext,
  ValidationResult,
} from '../import/validation/validate-file.ts';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';

export interface BatchMeta {
  fileName: string;
  kind: ImportKind | 'unknown';
  sha256: string;
  source: 'cli' | 'api' | 'inbox' | 'demo';
  importedBy: string;
}

export interface WriteSummary {
  /** Null when nothing was created or changed: no batch is recorded for a file that adds nothing. */
  batchId: number | null;
  created: number;
  updated: number;
  unchanged: number;
}

const chunkSize = 5_000;
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
      db.$queryRaw<{ code: string; nameKey: string | null; communityCode: string }[]>`
        SELECT p."code", p."nameKey", c."code" AS "communityCode" FROM "Participant" p JOIN "Community" c ON c."id" = p."homeCommunityId"`,
    ]);
    const codesByNameKey = new Map<string, string[]>();
    for (const p of participants) {
      if (!p.nameKey) continue;
      const codes = codesByNameKey.get(p.nameKey);
      if (codes) codes.push(p.code);
      else codesByNameKey.set(p.nameKey, [p.code]);
    }
    return {
      activities: new Map(activities.map((a) => [a.externalId, { date: a.date, communityCode: a.communityCode }])),
      participants: new Map(participants.map((p) => [p.code, { communityCode: p.communityCode }])),
      participantCodesByNameKey: codesByNameKey,
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
        [{ actor: meta.importedBy, action: 'import.rejected', entity: 'importBatch', entityId: String(batch.id), after: { file: meta.fileName, kind: meta.kind, errors: errors.length } }],
        tx,
      );
      return batch.id;
    });
  }

  /** Writes a validated file in one transaction: all of it, or (on any failure) nothing. */
  async writeImport(meta: BatchMeta & { kind: ImportKind }, result: ValidationResult, onRows?: (rowsDone: number) => void): Promise<WriteSummary> {
    if (result.kind === 'attendance') {
      // Attendance lists run to a million rows: the database's own bulk path.
      const written = await this.database.operational.writeAttendanceBatch(
        { ...meta, rowsRead: result.rowsRead, warningCount: result.warnings.length, report: { errors: [], warnings: result.warnings } },
        result.records,
        (batchId, counts) => importedEvent(meta, batchId, { ...counts, updated: 0 }),
        onRows ?? (() => {}),
      );
      return { ...written, updated: 0 };
    }
    // What the rows are compared with is read before the transaction, so that the write lock is
    // held for the writes alone; read again inside it only if another import committed meanwhile.
    const db = this.database.client;
    const readBefore = await latestBatchId(db);
    let stored = await readStored(db, result);
    return db
      .$transaction(async (tx) => {
        if ((await latestBatchId(tx)) !== readBefore) stored = await readStored(tx, result);
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
        let counts: Omit<WriteSummary, 'batchId'>;
        switch (result.kind) {
          case 'activities':
            counts = await writeActivities(context, result.records, stored as StoredActivities);
            break;
          case 'participants':
            counts = await writeParticipants(context, result.records, stored as StoredParticipants);
            break;
          case 'survey':
            counts = await writeSurveyResponses(context, result.records, stored as StoredResponses);
            break;
        }
        if (counts.created + counts.updated === 0 && (result.kind === 'activities' || result.kind === 'participants')) {
          throw new NothingChanged(counts.unchanged);
        }
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

interface WriteContext {
  tx: Prisma.TransactionClient;
  batchId: number;
  actor: string;
  audit: AuditEntry[];
  onRows: (rowsDone: number) => void;
}

async function codeToId(rows: Promise<{ id: number; code: string }[]>): Promise<Map<string, number>> {
  return new Map((await rows).map((row) => [row.code, row.id]));
}

type Reader = Prisma.TransactionClient;
type StoredActivities = Awaited<ReturnType<typeof readStoredActivities>>;
type StoredParticipants = Awaited<ReturnType<typeof readStoredParticipants>>;
type StoredResponses = Awaited<ReturnType<typeof readStoredResponses>>;

/** The newest batch: when it moved, what was read before a transaction may be out of date. */
async function latestBatchId(db: Reader): Promise<number> {
  return (await db.importBatch.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

/** What a file's rows are compared with: the stored rows with the same ids, codes or keys. */
function readStored(db: Reader, result: ValidationResult): Promise<StoredActivities | StoredParticipants | StoredResponses | null> {
  switch (result.kind) {
    case 'activities':
      return readStoredActivities(db, result.records);
    case 'participants':
      return readStoredParticipants(db, result.records);
    case 'survey':
      return readStoredResponses(db, result.records);
    default:
      return Promise.resolve(null);
  }
}

async function readStoredActivities(db: Reader, records: ActivityRecord[]) {
  const communities = await codeToId(db.community.findMany({ select: { id: true, code: true } }));
  const types = await codeToId(db.activityType.findMany({ select: { id: true, code: true } }));
  const existing = new Map(
    (await db.activity.findMany({ where: { externalId: { in: records.map((r) => r.externalId) } }, include: { community: true, type: true } })).map((a) => [a.externalId, a]),
  );
  return { communities, types, existing };
}

async function writeActivities({ tx, batchId, actor, audit, onRows }: WriteContext, records: ActivityRecord[], { communities, types, existing }: StoredActivities) {
  const toCreate: Prisma.ActivityCreateManyInput[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const r of records) {
    const fields = {
      date: r.date,
      communityId: communities.get(r.communityCode)!,
      typeId: types.get(r.typeCode)!,
      title: r.title,
      durationHours: r.durationHours,
      ledBy: r.ledBy,
      location: r.location,
      headcountAnonymous: r.headcountAnonymous,
      residentInitiative: r.residentInitiative,
    };
    const before = existing.get(r.externalId);
    if (!before) {
      toCreate.push({ externalId: r.externalId, ...fields, importBatchId: batchId, sourceRow: r.row });
      continue;
    }
    const beforeView = { ...pick(before, fields), communityCode: before.community.code, typeCode: before.type.code };
    const afterView = { ...fields, communityCode: r.communityCode, typeCode: r.typeCode };
    const diff = diffFields(beforeView, afterView, ['communityId', 'typeId']);
    if (!diff) {
      unchanged += 1;
      continue;
    }
    await tx.activity.update({ where: { id: before.id }, data: { ...fields, importBatchId: batchId, sourceRow: r.row } });
    audit.push({ actor, action: 'activity.updated', entity: 'activity', entityId: r.externalId, before: diff.before, after: diff.after });
    updated += 1;
  }
  await createInChunks(toCreate, (data) => tx.activity.createMany({ data }), onRows, updated + unchanged);
  return { created: toCreate.length, updated, unchanged };
}

// Names are personal data: the audit trail records that they changed, never what they were.
const personalFields = new Set(['firstName', 'lastName', 'nameKey']);

async function readStoredParticipants(db: Reader, records: ParticipantRecord[]) {
  const communities = await codeToId(db.community.findMany({ select: { id: true, code: true } }));
  const existing = new Map(
    (await db.participant.findMany({ where: { code: { in: records.map((r) => r.code) } }, include: { homeCommunity: true } })).map((p) => [p.code, p]),
  );
  return { communities, existing };
}

async function writeParticipants({ tx, batchId, actor, audit, onRows }: WriteContext, records: ParticipantRecord[], { communities, existing }: StoredParticipants) {
  const toCreate: Prisma.ParticipantCreateManyInput[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const r of records) {
    const fields = {
      homeCommunityId: communities.get(r.communityCode)!,
      gender: r.gender,
      birthYear: r.birthYear,
      joinedOn: r.joinedOn,
      leader: r.leader,
      leaderSince: r.leaderSince,
      firstName: r.firstName,
      lastName: r.lastName,
      nameKey: r.nameKey,
    };
    const before = existing.get(r.code);
    if (!before) {
      toCreate.push({ code: r.code, ...fields, importBatchId: batchId, sourceRow: r.row });
      continue;
    }
    const diff = diffFields(
      { ...pick(before, fields), homeCommunity: before.homeCommunity.code },
      { ...fields, homeCommunity: r.communityCode },
      ['homeCommunityId'],
    );
    if (!diff) {
      unchanged += 1;
      continue;
    }
    await tx.participant.update({ where: { id: before.id }, data: { ...fields, importBatchId: batchId, sourceRow: r.row } });
    audit.push({ actor, action: 'participant.updated', entity: 'participant', entityId: r.code, before: diff.before, after: diff.after });
    updated += 1;
  }
  await createInChunks(toCreate, (data) => tx.participant.createMany({ data }), onRows, updated + unchanged);
  return { created: toCreate.length, updated, unchanged };
}

async function readStoredResponses(db: Reader, records: SurveyResponseRecord[]) {
  const communities = await codeToId(db.community.findMany({ select: { id: true, code: true } }));
  const surveys = await db.survey.findMany({ include: { questions: true } });
  const participantIds = new Map(
    (await db.participant.findMany({ where: { code: { in: records.flatMap((r) => (r.participantCode ? [r.participantCode] : [])) } }, select: { id: true, code: true } })).map(
      (p) => [p.code, p.id],
    ),
  );
  const keys = responseKeys(records);
  const stored = new Set<string>();
  for (let i = 0; i < keys.length; i += chunkSize) {
    const found = await db.surveyResponse.findMany({ where: { responseKey: { in: keys.slice(i, i + chunkSize) } }, select: { responseKey: true } });
    for (const r of found) stored.add(r.responseKey);
  }
  return { communities, surveys, participantIds, keys, stored };
}

async function writeSurveyResponses({ tx, batchId, onRows }: WriteContext, records: SurveyResponseRecord[], { communities, surveys, participantIds, keys, stored }: StoredResponses) {
  let created = 0;
  for (const [index, r] of records.entries()) {
    if (index % chunkSize === 0) onRows(index);
    if (stored.has(keys[index]!)) continue;
    const survey = surveys.find((s) => s.code === r.surveyCode)!;
    const questionIds = new Map(survey.questions.map((q) => [q.code, q.id]));
    await tx.surveyResponse.create({
      data: {
        surveyId: survey.id,
        date: r.date,
        communityId: communities.get(r.communityCode)!,
        participantId: r.participantCode ? participantIds.get(r.participantCode)! : null,
        importBatchId: batchId,
        sourceRow: r.row,
        responseKey: keys[index]!,
        answers: {
          create: r.answers.map((a) => ({ questionId: questionIds.get(a.questionCode)!, valueNumber: a.valueNumber, valueText: a.valueText })),
        },
      },
    });
    created += 1;
  }
  return { created, updated: 0, unchanged: records.length - created };
}

/**
 * A key per response from its content, numbered among identical responses of the file: a
 * re-export that repeats earlier responses finds them stored, while two people who answered
 * the same on the same day in one file stay two responses.
 */
export function responseKeys(records: SurveyResponseRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const answers = [...r.answers].sort((a, b) => a.questionCode.localeCompare(b.questionCode)).map((a) => [a.questionCode, a.valueNumber, a.valueText]);
    const content = createHash('sha256').update(JSON.stringify([r.surveyCode, r.date, r.communityCode, r.participantCode, answers])).digest('hex');
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    return `${content.slice(0, 40)}#${occurrence}`;
  });
}

function pick<T extends object>(source: Record<string, unknown>, shape: T): T {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, source[key]])) as T;
}

/** The fields that differ, as before/after objects (names redacted); null when nothing changed. */
function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, ignore: string[]) {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (ignore.includes(key) || before[key] === after[key]) continue;
    changedBefore[key] = personalFields.has(key) ? '(zmieniono)' : before[key];
    changedAfter[key] = personalFields.has(key) ? '(zmieniono)' : after[key];
  }
  return Object.keys(changedAfter).length === 0 ? null : { before: changedBefore, after: changedAfter };
}

async function createInChunks<T>(rows: T[], create: (chunk: T[]) => Promise<unknown>, onRows: (done: number) => void, alreadyDone: number): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await create(rows.slice(i, i + chunkSize));
    onRows(alreadyDone + Math.min(i + chunkSize, rows.length));
  }
}
