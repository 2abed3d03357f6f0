// The contract every operational database implementation keeps, as tests: each implementation's
// spec runs it against a real database of its kind (`sqlite/sqlite-operational-database.spec.ts`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain.ts';
import { isDatabaseBusy } from './operational-database.factory.ts';
import {
  findInSlices,
  pipelineExtractTables,
  type ExtractCsvFormat,
  type ExtractCounts,
  type OperationalDatabase,
  type PipelineExtract,
} from './operational-database.ts';
import { LeaseLostError, PipelineBusyError } from './run-lock.ts';

export interface ContractDatabase {
  /** The boundary under test, on a new database that is not migrated yet. */
  database: OperationalDatabase;
  /** A second boundary on the same database (another process's), giving up after a moment when another writer holds it. */
  openAnother(): OperationalDatabase;
  /** Holds the database's write lock from outside the boundaries until the returned function is called. */
  holdWriteLock(): Promise<() => Promise<void>>;
  /** Removes the database. */
  drop(): Promise<void>;
}

export function describeOperationalDatabaseContract(name: string, createDatabase: () => Promise<ContractDatabase>): void {
  describe(`the operational database boundary (${name})`, () => {
    let context: ContractDatabase;
    let db: OperationalDatabase;
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-extract-'));
    const ids = { community: 0, type: 0, activityBatch: 0, activities: [] as number[], participants: [] as number[] };

    beforeAll(async () => {
      context = await createDatabase();
      db = context.database;
      expect(await db.migrate()).toBe(true);
      const client = db.client;
      ids.community = (await client.community.create({ data: { code: 'WZG', name: 'Wzgórze', kind: 'territorial' } })).id;
      ids.type = (await client.activityType.create({ data: { code: 'WAR', namePl: 'Warsztat', nameEn: 'Workshop', group: 'education' } })).id;
      const batch = await client.importBatch.create({
        data: {
          fileName: 'register.csv',
          kind: 'participants',
          sha256: 'a',
          status: 'imported',
          source: 'cli',
          importedBy: 'test',
          rowsRead: 3,
          rowsWritten: 3,
          errorCount: 0,
          warningCount: 0,
          report: {},
        },
      });
      ids.activityBatch = batch.id;
      for (const [index, code] of ['WZG-0001', 'WZG-0002', 'WZG-0003'].entries()) {
        const participant = await client.participant.create({
          data: {
            code,
            homeCommunityId: ids.community,
            gender: index === 0 ? 'K' : null,
            birthYear: 1950 + index,
            leader: index === 1,
            firstName: 'Zofia',
            lastName: `Nazwisko${index}`,
            nameKey: `zofia nazwisko${index}`,
            importBatchId: batch.id,
            sourceRow: index + 2,
          },
        });
        ids.participants.push(participant.id);
      }
      for (const [index, externalId] of ['A1', 'A2'].entries()) {
        const activity = await client.activity.create({
          data: {
            externalId,
            date: `2022-03-0${index + 1}`,
            communityId: ids.community,
            typeId: ids.type,
            title: "Warsztat 'rękodzieło', część 1",
            headcountAnonymous: index,
            importBatchId: batch.id,
            sourceRow: index + 2,
          },
        });
        ids.activities.push(activity.id);
      }
      const survey = await client.survey.create({
        data: {
          code: 'S1',
          namePl: 'Ankieta',
          nameEn: 'Survey',
          questions: {
            create: [
              { code: 'Q1', textPl: 'Jak?', scale: 'likert5' },
              { code: 'Q2', textPl: 'Co?', scale: 'text' },
            ],
          },
        },
        include: { questions: true },
      });
      await client.surveyResponse.create({
        data: {
          surveyId: survey.id,
          date: '2022-03-02',
          communityId: ids.community,
          participantId: ids.participants[0]!,
          importBatchId: batch.id,
          sourceRow: 2,
          responseKey: 'k1',
          answers: {
            create: [
              { questionId: survey.questions[0]!.id, valueNumber: 4 },
              { questionId: survey.questions[1]!.id, valueText: 'wolny tekst' },
            ],
          },
        },
      });
    }, 120_000);

    afterAll(async () => {
      await db?.close();
      await context?.drop();
      fs.rmSync(workDir, { recursive: true, force: true });
    });

    it('applies no migration when all are applied', async () => {
      expect(await db.migrate()).toBe(false);
    }, 60_000);

    it('writes an attendance list in bulk (a pair already stored counted unchanged), and the extract gives the rows back', async () => {
      const [a1, a2] = ids.activities as [number, number];
      const [p1, p2, p3] = ids.participants as [number, number, number];
      const rows = [
        { activityExternalId: 'A1', participantCode: 'WZG-0001', row: 2 },
        { activityExternalId: 'A1', participantCode: 'WZG-0002', row: 3 },
        { activityExternalId: 'A2', participantCode: 'WZG-0003', row: 4 },
        { activityExternalId: 'A1', participantCode: 'WZG-0001', row: 5 },
      ];
      const done: number[] = [];
      const written = await db.writeAttendanceBatch(
        {
          fileName: 'lista.csv',
          kind: 'attendance',
          sha256: 'b',
          source: 'cli',
          importedBy: 'tester',
          rowsRead: 4,
          warningCount: 0,
          report: { errors: [], warnings: [] },
        },
        rows,
        (batchId, counts) => ({ actor: 'tester', action: 'import.imported', entity: 'importBatch', entityId: String(batchId), after: counts }),
        (rowsDone) => done.push(rowsDone),
      );
      expect(written).toMatchObject({ created: 3, unchanged: 1 });
      expect(done.at(-1)).toBe(4);
      const batch = await db.client.importBatch.findUniqueOrThrow({ where: { id: written.batchId } });
      expect(batch).toMatchObject({ status: 'imported', kind: 'attendance', rowsRead: 4, rowsWritten: 3, report: { errors: [], warnings: [] } });
      const audit = await db.client.auditEvent.findFirstOrThrow({ where: { entityId: String(written.batchId) } });
      expect(audit).toMatchObject({ actor: 'tester', action: 'import.imported', after: { created: 3, unchanged: 1 } });
      expect(
        await db.client.attendance.findMany({
          where: { importBatchId: written.batchId },
          select: { activityId: true, participantId: true, sourceRow: true },
          orderBy: { sourceRow: 'asc' },
        }),
      ).toEqual([
        { activityId: a1, participantId: p1, sourceRow: 2 },
        { activityId: a1, participantId: p2, sourceRow: 3 },
        { activityId: a2, participantId: p3, sourceRow: 4 },
      ]);

      const extract = await db.exportPipelineExtract(path.join(workDir, 'full'), 0);
      expect(extract.watermark).toBe(written.batchId);
      expect(extract.totals).toEqual({ participants: 3, activities: 2, attendances: 3, surveyAnswers: 1 });
      const tables = readExtract(extract);
      expect(tables.attendances.sort()).toEqual(
        [
          [a1, p1, written.batchId],
          [a1, p2, written.batchId],
          [a2, p3, written.batchId],
        ].sort(),
      );
      expect(tables.participants).toEqual([
        [p1, 'WZG-0001', 'WZG', 'K', 1950, false, null, ids.activityBatch],
        [p2, 'WZG-0002', 'WZG', null, 1951, true, null, ids.activityBatch],
        [p3, 'WZG-0003', 'WZG', null, 1952, false, null, ids.activityBatch],
      ]);
      expect(tables.activities).toEqual([
        [a1, 'A1', '2022-03-01', 'WZG', 'WAR', 0, false, ids.activityBatch, 2],
        [a2, 'A2', '2022-03-02', 'WZG', 'WAR', 1, false, ids.activityBatch, 3],
      ]);
      expect(tables.surveyAnswers).toEqual([[expect.any(Number), expect.any(Number), 'S1', 'Q1', '2022-03-02', 'WZG', 4, ids.activityBatch]]);
      // Codes and attributes only: no name, no free-text answer, no activity title.
      const text = extract.tables.map((t) => fs.readFileSync(t.file, 'utf8')).join('\n');
      for (const personal of ['Zofia', 'Nazwisko', 'wolny tekst', 'rękodzieło']) expect(text).not.toContain(personal);

      const since = await db.exportPipelineExtract(path.join(workDir, 'since'), ids.activityBatch);
      expect(since.tables.map((t) => [t.table, t.rows])).toEqual(
        expect.arrayContaining([
          ['participants', 0],
          ['activities', 0],
          ['attendances', 3],
          ['surveyAnswers', 0],
        ]),
      );
      expect(since.totals.attendances).toBe(3);
      const after = await db.exportPipelineExtract(path.join(workDir, 'after'), written.batchId);
      expect(after.tables.every((t) => t.rows === 0)).toBe(true);
      expect(after.watermark).toBe(written.batchId);

      // Rows corrected by a later batch keep their ids: the incremental extract has them, and not
      // the unchanged rows between them.
      const correction = await db.client.importBatch.create({
        data: {
          fileName: 'register-2.csv',
          kind: 'participants',
          sha256: 'e',
          status: 'imported',
          source: 'cli',
          importedBy: 'test',
          rowsRead: 2,
          rowsWritten: 2,
          errorCount: 0,
          warningCount: 0,
          report: {},
        },
      });
      await db.client.participant.updateMany({ where: { id: { in: [p1, p3] } }, data: { birthYear: 1960, importBatchId: correction.id } });
      const corrected = readExtract(await db.exportPipelineExtract(path.join(workDir, 'corrected'), written.batchId));
      expect(corrected.participants).toEqual([
        [p1, 'WZG-0001', 'WZG', 'K', 1960, false, null, correction.id],
        [p3, 'WZG-0003', 'WZG', null, 1960, false, null, correction.id],
      ]);
      expect(corrected.attendances).toEqual([]);
    }, 60_000);

    it('writes nothing of a list one row of which cannot be written', async () => {
      const before = await Promise.all([db.client.importBatch.count(), db.client.attendance.count(), db.client.auditEvent.count()]);
      await expect(
        db.writeAttendanceBatch(
          { fileName: 'zla.csv', kind: 'attendance', sha256: 'c', source: 'cli', importedBy: 'tester', rowsRead: 2, warningCount: 0, report: {} },
          [
            { activityExternalId: 'A2', participantCode: 'WZG-0001', row: 2 },
            { activityExternalId: 'A9', participantCode: 'WZG-0001', row: 3 },
          ],
          (batchId) => ({ actor: 'tester', action: 'import.imported', entity: 'importBatch', entityId: String(batchId) }),
          () => {},
        ),
      ).rejects.toThrow(/row 3/);
      expect(await Promise.all([db.client.importBatch.count(), db.client.attendance.count(), db.client.auditEvent.count()])).toEqual(before);
    });

    it('recognises a database held by another writer as busy, and nothing else', async () => {
      const another = context.openAnother();
      try {
        const release = await context.holdWriteLock();
        let busy: unknown;
        try {
          busy = await another.client.community.create({ data: { code: 'OST', name: 'Osiedle', kind: 'territorial' } }).then(
            () => null,
            (error: unknown) => error,
          );
        } finally {
          await release();
        }
        expect(busy).toBeInstanceOf(Error);
        expect(another.isBusy(busy)).toBe(true);
        expect(isDatabaseBusy(busy)).toBe(true);
        expect(another.isBusy(new Error('outer', { cause: busy }))).toBe(true);
        const duplicate = await another.client.community.create({ data: { code: 'WZG', name: 'Wzgórze', kind: 'territorial' } }).then(
          () => null,
          (error: unknown) => error,
        );
        expect(duplicate).toBeInstanceOf(Error);
        expect(another.isBusy(duplicate)).toBe(false);
        expect(db.isBusy(new Error('EACCES: permission denied'))).toBe(false);
        expect(db.isBusy(null)).toBe(false);
      } finally {
        await another.close();
      }
    }, 60_000);

    it('lets one holder at a time take the pipeline run lock, across boundaries, and a lapsed lease be taken over', async () => {
      const another = context.openAnother();
      try {
        const held = await db.pipelineRunLock().acquire(null);
        await held.describe(42);
        await expect(another.pipelineRunLock().acquire(null)).rejects.toThrow(PipelineBusyError);
        await expect(another.pipelineRunLock().acquire(null)).rejects.toThrow(/run #42/);
        expect(await another.pipelineRunLock().liveRunId()).toBe(42);
        expect(await another.pipelineRunLock().holder()).toMatchObject({ runId: 42 });
        await held.renew();
        held.ensureHeld();
        await held.release();
        expect(await another.pipelineRunLock().liveRunId()).toBeNull();

        let now = new Date('2026-12-04T12:00:00Z');
        const options = { lease: { expiryMs: 1000, renewMs: 250 }, clock: () => now };
        const first = await db.pipelineRunLock(options).acquire(5);
        now = new Date('2026-12-04T12:00:00.900Z');
        await expect(another.pipelineRunLock(options).acquire(null)).rejects.toThrow(PipelineBusyError);
        now = new Date('2026-12-04T12:00:01.100Z');
        const second = await another.pipelineRunLock(options).acquire(6);
        expect(second.takenOver).toMatchObject({ runId: 5 });
        await expect(first.renew()).rejects.toThrow(LeaseLostError);
        expect(() => first.ensureHeld()).toThrow(LeaseLostError);
        await first.release();
        expect(await db.pipelineRunLock(options).holder()).toMatchObject({ runId: 6 });
        await second.release();
        expect(await db.pipelineRunLock().holder()).toBeNull();
      } finally {
        await another.close();
      }
    });

    it('reads more ids than one statement binds in slices of idsPerStatement', async () => {
      expect(db.idsPerStatement).toBeGreaterThan(0);
      const count = db.idsPerStatement * 2 + 7;
      const batch = await db.client.importBatch.create({
        data: {
          fileName: 'many.csv',
          kind: 'participants',
          sha256: 'd',
          status: 'imported',
          source: 'cli',
          importedBy: 'test',
          rowsRead: count,
          rowsWritten: count,
          errorCount: 0,
          warningCount: 0,
          report: {},
        },
      });
      const codes = Array.from({ length: count }, (_, i) => `WZG-${String(1000 + i).padStart(4, '0')}`);
      for (let start = 0; start < count; start += 100) {
        await db.client.participant.createMany({
          data: codes.slice(start, start + 100).map((code, i) => ({ code, homeCommunityId: ids.community, importBatchId: batch.id, sourceRow: start + i + 2 })),
        });
      }
      const wanted = (await db.client.participant.findMany({ where: { importBatchId: batch.id }, select: { id: true } })).map((p) => p.id);
      const sliceSizes: number[] = [];
      const found = await findInSlices(wanted, db.idsPerStatement, (slice) => {
        sliceSizes.push(slice.length);
        return db.client.participant.findMany({ where: { id: { in: slice } }, select: { code: true }, orderBy: { id: 'asc' } });
      });
      expect(sliceSizes).toEqual([db.idsPerStatement, db.idsPerStatement, 7]);
      expect(found.map((p) => p.code)).toEqual(codes);
    }, 60_000);

    it('links every audit entry into one hash chain: in a transaction, alone, at once, and from the bulk writer', async () => {
      const chain = () =>
        db.client.auditEvent.findMany({
          orderBy: { id: 'asc' },
          select: {
            id: true,
            at: true,
            actor: true,
            action: true,
            entity: true,
            entityId: true,
            before: true,
            after: true,
            address: true,
            prevHash: true,
            hash: true,
          },
        });
      await db.appendAudit([{ actor: 'a', action: 'test.alone', entity: 'x', entityId: '1', before: null, after: { b: 2, a: [1, 'é'] }, address: '::1' }]);
      await db.client.$transaction(async (tx) => {
        await tx.community.update({ where: { id: ids.community }, data: { name: 'Wzgórze' } });
        await db.appendAudit(
          [
            { actor: 'a', action: 'test.tx', entity: 'x', entityId: '2', before: { n: 1 }, after: { n: 2 }, address: null },
            { actor: 'a', action: 'test.tx', entity: 'x', entityId: '3', before: null, after: null, address: null },
          ],
          tx,
        );
      });
      // Appends at once on the client, then bulk writes on connections of their own. (Not both at
      // once in one process: the bulk writer waits for the lock synchronously, so a transaction of
      // the same process could not finish meanwhile.)
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          db.appendAudit([{ actor: 'one', action: 'test.race', entity: 'x', entityId: String(i), before: null, after: { i }, address: null }]),
        ),
      );
      const batch = { fileName: 'empty.csv', kind: 'attendance', sha256: 'e', source: 'cli', importedBy: 'tester', rowsRead: 0, warningCount: 0, report: {} };
      for (let i = 0; i < 4; i += 1) {
        await db.writeAttendanceBatch(
          batch,
          [],
          (batchId) => ({ actor: 'two', action: 'test.race', entity: 'importBatch', entityId: String(batchId), after: { batchId } }),
          () => {},
        );
      }
      const rows = await chain();
      expect(rows.filter((row) => row.action === 'test.race')).toHaveLength(10);
      expect(rows.every((row) => row.hash !== null)).toBe(true);
      expect(verifyAuditChain(rows)).toMatchObject({ intact: true, entries: rows.length, firstBroken: null });
      // An edited row breaks it where it was edited.
      const edited = rows.find((row) => row.action === 'test.tx')!;
      await db.client.auditEvent.update({ where: { id: edited.id }, data: { actor: 'someone else' } });
      expect(verifyAuditChain(await chain())).toMatchObject({ intact: false, firstBroken: { id: edited.id, reason: 'content-changed' } });
      await db.client.auditEvent.update({ where: { id: edited.id }, data: { actor: 'a' } });
      expect(verifyAuditChain(await chain()).intact).toBe(true);
    });

    it('keeps the earlier versions of corrected and removed records: the extract as of a batch, the data version, the changes after it', async () => {
      const client = db.client;
      const newBatch = (fileName: string, kind: string) =>
        client.importBatch.create({
          data: {
            fileName,
            kind,
            sha256: fileName,
            status: 'imported',
            source: 'cli',
            importedBy: 'importer',
            rowsRead: 1,
            rowsWritten: 1,
            errorCount: 0,
            warningCount: 0,
            report: {},
          },
        });
      const list = (fileName: string, rows: { activityExternalId: string; participantCode: string; row: number }[]) =>
        db.writeAttendanceBatch(
          { fileName, kind: 'attendance', sha256: fileName, source: 'cli', importedBy: 'importer', rowsRead: rows.length, warningCount: 0, report: {} },
          rows,
          (batchId) => ({ actor: 'importer', action: 'import.imported', entity: 'importBatch', entityId: String(batchId) }),
          () => {},
        );
      const sport = await client.activityType.create({ data: { code: 'SPO', namePl: 'Sport', nameEn: 'Sport', group: 'action' } });
      const history = await newBatch('historia.csv', 'activities');
      const person = async (code: string, row: number) =>
        (
          await client.participant.create({
            data: { code, homeCommunityId: ids.community, firstName: 'Zofia', lastName: 'Wersja', importBatchId: history.id, sourceRow: row },
          })
        ).id;
      const [v1, v2] = [await person('WZG-0101', 2), await person('WZG-0102', 3)];
      const activity = async (externalId: string, date: string, row: number) =>
        (
          await client.activity.create({
            data: { externalId, date, communityId: ids.community, typeId: ids.type, title: 'Spotkanie', importBatchId: history.id, sourceRow: row },
          })
        ).id;
      const [x1, x2] = [await activity('V1', '2022-05-10', 2), await activity('V2', '2022-05-11', 3)];
      const firstList = await list('lista-v.csv', [
        { activityExternalId: 'V1', participantCode: 'WZG-0101', row: 2 },
        { activityExternalId: 'V1', participantCode: 'WZG-0102', row: 3 },
        { activityExternalId: 'V2', participantCode: 'WZG-0101', row: 4 },
      ]);
      const reported = firstList.batchId;
      // Writing a list again changes no stored row: nothing is versioned.
      const again = await list('lista-v-2.csv', [{ activityExternalId: 'V1', participantCode: 'WZG-0101', row: 2 }]);
      expect(again.unchanged).toBe(1);
      expect(await client.attendanceVersion.count()).toBe(0);

      // Corrections: the activity moved to another date and type, a person made leader (imports);
      // a person taken off the activity's list (the recording form: its batch first, then the delete).
      const correction = await newBatch('dziennik-2.csv', 'activities');
      await client.activity.update({ where: { id: x1 }, data: { date: '2022-07-01', typeId: sport.id, importBatchId: correction.id, sourceRow: 7 } });
      await client.participant.update({ where: { id: v2 }, data: { leader: true, leaderSince: '2022-06-01', importBatchId: correction.id, sourceRow: 5 } });
      const form = await newBatch('formularz', 'activities');
      await client.activity.update({ where: { id: x1 }, data: { importBatchId: form.id, sourceRow: 1 } });
      await client.attendance.deleteMany({ where: { activityId: x1, participantId: v1 } });
      const laterList = await list('lista-v-3.csv', [{ activityExternalId: 'V2', participantCode: 'WZG-0102', row: 2 }]);

      const mine = (tables: Record<keyof ExtractCounts, Value[][]>) => ({
        participants: tables.participants.filter((r) => r[0] === v1 || r[0] === v2).sort(),
        activities: tables.activities.filter((r) => r[0] === x1 || r[0] === x2).sort(),
        attendances: tables.attendances
          .filter((r) => r[0] === x1 || r[0] === x2)
          .map((r) => r.slice(0, 2))
          .sort(),
      });
      const asOf = async (batch: number) => {
        const extract = await db.exportPipelineExtract(path.join(workDir, `as-of-${batch}`), 0, batch);
        const tables = readExtract(extract);
        expect(extract.watermark).toBe(batch);
        for (const table of extract.tables) expect(extract.totals[table.table]).toBe(table.rows);
        expect(extract.tables.map((t) => t.table).sort()).toEqual(Object.keys(pipelineExtractTables).sort());
        return { extract, tables, mine: mine(tables) };
      };
      const before = await asOf(reported);
      expect(before.mine).toEqual({
        participants: [
          [v1, 'WZG-0101', 'WZG', null, null, false, null, history.id],
          [v2, 'WZG-0102', 'WZG', null, null, false, null, history.id],
        ],
        activities: [
          [x1, 'V1', '2022-05-10', 'WZG', 'WAR', 0, false, history.id, 2],
          [x2, 'V2', '2022-05-11', 'WZG', 'WAR', 0, false, history.id, 3],
        ],
        attendances: [
          [x1, v1],
          [x1, v2],
          [x2, v1],
        ],
      });
      const corrected = await asOf(correction.id);
      expect(corrected.mine.activities[0]).toEqual([x1, 'V1', '2022-07-01', 'WZG', 'SPO', 0, false, correction.id, 7]);
      expect(corrected.mine.participants[1]).toEqual([v2, 'WZG-0102', 'WZG', null, null, true, '2022-06-01', correction.id]);
      expect(corrected.mine.attendances).toHaveLength(3);
      const afterForm = await asOf(form.id);
      expect(afterForm.mine.activities[0]).toEqual([x1, 'V1', '2022-07-01', 'WZG', 'SPO', 0, false, form.id, 1]);
      expect(afterForm.mine.attendances).toEqual([
        [x1, v2],
        [x2, v1],
      ]);
      // As of the newest batch: the same rows as the plain full extract.
      const newest = await asOf(laterList.batchId);
      const full = await db.exportPipelineExtract(path.join(workDir, 'full-now'), 0);
      const fullTables = readExtract(full);
      for (const table of Object.keys(pipelineExtractTables) as (keyof ExtractCounts)[]) {
        expect(newest.tables[table].map(String).sort()).toEqual(fullTables[table].map(String).sort());
      }
      expect(newest.extract.totals).toEqual(full.totals);
      expect(newest.mine.attendances).toEqual([
        [x1, v2],
        [x2, v1],
        [x2, v2],
      ]);

      // The data version at a moment, and now.
      expect(await db.dataVersionAt(new Date('2000-01-01T00:00:00Z'))).toBe(0);
      expect(await db.dataVersionAt(correction.createdAt)).toBeGreaterThanOrEqual(correction.id);
      expect(await db.dataVersionAt(correction.createdAt)).toBeLessThan(laterList.batchId);
      expect(await db.dataVersionAt(new Date(Date.now() + 60_000))).toBe(laterList.batchId);
      expect(await db.currentDataVersion()).toBe(laterList.batchId);

      // What changed after the reported batch, with the file, row, who and when.
      const changes = await db.recordChangesAfter(reported, '2022-12-31', 100);
      const at = (batch: { createdAt: Date }) => batch.createdAt.toISOString();
      const later = await client.importBatch.findUniqueOrThrow({ where: { id: laterList.batchId } });
      expect(changes.rows).toEqual(
        [
          {
            kind: 'activity',
            change: 'corrected',
            activityId: 'V1',
            participantCode: null,
            date: '2022-07-01',
            community: 'WZG',
            batchId: correction.id,
            fileName: 'dziennik-2.csv',
            sourceRow: 7,
            importedBy: 'importer',
            at: at(correction),
          },
          {
            kind: 'participant',
            change: 'corrected',
            activityId: null,
            participantCode: 'WZG-0102',
            date: '2022-06-01',
            community: 'WZG',
            batchId: correction.id,
            fileName: 'dziennik-2.csv',
            sourceRow: 5,
            importedBy: 'importer',
            at: at(correction),
          },
          {
            kind: 'attendance',
            change: 'removed',
            activityId: 'V1',
            participantCode: 'WZG-0101',
            date: '2022-07-01',
            community: 'WZG',
            batchId: form.id,
            fileName: 'formularz',
            sourceRow: null,
            importedBy: 'importer',
            at: at(form),
          },
          {
            kind: 'attendance',
            change: 'added',
            activityId: 'V2',
            participantCode: 'WZG-0102',
            date: '2022-05-11',
            community: 'WZG',
            batchId: later.id,
            fileName: 'lista-v-3.csv',
            sourceRow: 2,
            importedBy: 'importer',
            at: at(later),
          },
        ].sort((a, b) => a.batchId - b.batchId || (a.sourceRow ?? Infinity) - (b.sourceRow ?? Infinity)),
      );
      expect(changes.total).toBe(4);
      expect(JSON.stringify(changes)).not.toMatch(/Zofia|Wersja/);
      // Dated before the move: the activity's correction counts (its old date is within), the list's does not (it was dated after by then).
      const firstHalf = await db.recordChangesAfter(reported, '2022-06-30', 100);
      expect(firstHalf.rows.map((r) => [r.kind, r.change, r.activityId ?? r.participantCode])).toEqual([
        ['participant', 'corrected', 'WZG-0102'],
        ['activity', 'corrected', 'V1'],
        ['attendance', 'added', 'V2'],
      ]);
      const limited = await db.recordChangesAfter(reported, '2022-12-31', 1);
      expect(limited).toMatchObject({ total: 4, rows: [changes.rows[0]] });
      expect((await db.recordChangesAfter(laterList.batchId, '2022-12-31', 10)).total).toBe(0);
    });

    it('seals a trail from before the chain once, in id order, when migrating', async () => {
      await db.client.auditEvent.updateMany({ data: { hash: null, prevHash: null } });
      expect(verifyAuditChain(await db.client.auditEvent.findMany({ orderBy: { id: 'asc' } }))).toMatchObject({
        intact: false,
        firstBroken: { reason: 'not-sealed' },
      });
      expect(await db.migrate()).toBe(false);
      const sealed = await db.client.auditEvent.findMany({ orderBy: { id: 'asc' } });
      expect(verifyAuditChain(sealed)).toMatchObject({ intact: true, entries: sealed.length });
      expect(sealed[0]!.prevHash).toBeNull();
      await db.migrate();
      expect(await db.client.auditEvent.findMany({ orderBy: { id: 'asc' } })).toEqual(sealed);
    });
  });
}

type Value = string | number | boolean | null;

/** The extract's files as rows of typed values, by the columns and CSV format it declares. */
function readExtract(extract: PipelineExtract): Record<keyof ExtractCounts, Value[][]> {
  const result = { participants: [], activities: [], attendances: [], surveyAnswers: [] } as Record<keyof ExtractCounts, Value[][]>;
  for (const table of extract.tables) {
    const types = Object.values(pipelineExtractTables[table.table]);
    const rows = parseCsv(fs.readFileSync(table.file, 'utf8'), extract.format);
    expect(rows).toHaveLength(table.rows);
    result[table.table] = rows.map((fields) => {
      expect(fields).toHaveLength(types.length);
      return fields.map((field, i) => {
        if (field === null) return null;
        switch (types[i]) {
          case 'INTEGER':
          case 'DOUBLE':
            return Number(field);
          case 'BOOLEAN':
            return ['1', 't', 'true'].includes(field.toLowerCase());
          default:
            return field;
        }
      });
    });
  }
  return result;
}

/** Comma-separated fields, one record per line (a quoted field may hold line breaks); the null string unquoted is null. */
function parseCsv(text: string, format: ExtractCsvFormat): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let fields: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    fields.push(!wasQuoted && field === format.nullString ? null : field);
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === format.escape && text[i + 1] === format.quote) {
        field += format.quote;
        i += 1;
      } else if (c === format.quote) quoted = false;
      else field += c;
    } else if (c === format.quote) {
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(fields);
      fields = [];
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    endField();
    rows.push(fields);
  }
  return rows;
}
