import type { Prisma } from '@osl/prisma';
import { describe, expect, it } from 'vitest';
import type { KindWriter, WriteContext } from '../import/kinds/import-kind.ts';
import { activities, type ActivityRecord } from '../import/kinds/activities.ts';
import { participants, type ParticipantRecord } from '../import/kinds/participants.ts';
import { csvTable, testContext } from '../import/fixtures/import-fixtures.ts';
import { validateTable } from '../import/validation/validate-file.ts';
import type { AuditEntry } from './audit.repository.ts';

type Row = { id: number } & Record<string, unknown>;

/** The calls the upsert makes, on rows held in memory: enough to see what it stores and audits. */
function fakeDatabase(tables: Record<string, Row[]>) {
  const relations: Record<string, [column: string, table: string]> = {
    community: ['communityId', 'community'],
    homeCommunity: ['homeCommunityId', 'community'],
    type: ['typeId', 'activityType'],
  };
  const delegate = (name: string) => ({
    async findMany(args: { where?: Record<string, { in: string[] }>; include?: Record<string, boolean> }) {
      const [[column, condition]] = Object.entries(args.where ?? { id: { in: null } }) as [string, { in: unknown[] | null }][];
      return (tables[name] ?? [])
        .filter((row) => condition.in === null || condition.in.includes(row[column]))
        .map((row) => {
          const joined: Row = { ...row };
          for (const relation of Object.keys(args.include ?? {})) {
            const [column, table] = relations[relation]!;
            joined[relation] = tables[table]!.find((other) => other.id === row[column]);
          }
          return joined;
        });
    },
    async update(args: { where: { id: number }; data: Record<string, unknown> }) {
      Object.assign(
        tables[name]!.find((row) => row.id === args.where.id)!,
        args.data,
      );
    },
    async createMany(args: { data: Record<string, unknown>[] }) {
      for (const data of args.data) tables[name]!.push({ id: tables[name]!.length + 1, ...data });
    },
  });
  return new Proxy({}, { get: (_, name) => delegate(String(name)) }) as unknown as Prisma.TransactionClient;
}

const communities = [
  { id: 1, code: 'WZG' },
  { id: 2, code: 'OST' },
];

async function run<R extends { row: number }>(writer: KindWriter<R>, db: Prisma.TransactionClient, records: R[], batchId = 7) {
  const audit: AuditEntry[] = [];
  const progress: number[] = [];
  const context: WriteContext = { tx: db, batchId, actor: 'tester', audit, onRows: (done) => progress.push(done) };
  const counts = await writer.write!(context, records, await writer.readStored(db, records));
  return { counts, audit, progress };
}

// The upsert as the two kinds that correct rows by id describe it (import/kinds/participants.ts, activities.ts).
describe('auditedUpsert', () => {
  const people = (lines: string[][]) =>
    validateTable(csvTable([['participant_code', 'community', 'birth_year', 'first_name', 'last_name'], ...lines]), testContext())
      .records as ParticipantRecord[];

  it('creates new keys, updates changed rows in place, counts identical ones, and audits old → new with names redacted', async () => {
    const tables: Record<string, Row[]> = { community: [...communities], participant: [] };
    const db = fakeDatabase(tables);
    const first = await run(
      participants.writer,
      db,
      people([
        ['WZG-1', 'WZG', '1960', 'Anna', 'Nowak'],
        ['WZG-2', 'WZG', '1960', 'Anna', 'Nowak'],
        ['WZG-3', 'WZG', '1960', 'Jan', 'Nowak'],
      ]),
      1,
    );
    expect([first.counts, first.audit]).toEqual([{ created: 3, updated: 0, unchanged: 0 }, []]);

    const { counts, audit, progress } = await run(
      participants.writer,
      db,
      people([
        ['WZG-1', 'WZG', '1960', 'Anna', 'Nowak'],
        ['WZG-2', 'WZG', '1961', 'Anna', 'Kowalska'],
        ['WZG-3', 'OST', '1960', 'Jan', 'Nowak'],
        ['WZG-4', 'WZG', '1970', 'Ewa', 'Nowak'],
      ]),
    );
    expect(counts).toEqual({ created: 1, updated: 2, unchanged: 1 });
    expect(progress).toEqual([4]);
    expect(audit).toEqual([
      {
        actor: 'tester',
        action: 'participant.updated',
        entity: 'participant',
        entityId: 'WZG-2',
        before: { birthYear: 1960, lastName: '(zmieniono)', nameKey: '(zmieniono)' },
        after: { birthYear: 1961, lastName: '(zmieniono)', nameKey: '(zmieniono)' },
      },
      {
        actor: 'tester',
        action: 'participant.updated',
        entity: 'participant',
        entityId: 'WZG-3',
        before: { homeCommunity: 'WZG' },
        after: { homeCommunity: 'OST' },
      },
    ]);
    // Updated rows keep their id; their provenance moves to the new batch; an unchanged row keeps its own.
    expect(tables.participant!.map((p) => [p.id, p.code, p.homeCommunityId, p.lastName, p.importBatchId, p.sourceRow])).toEqual([
      [1, 'WZG-1', 1, 'Nowak', 1, 2],
      [2, 'WZG-2', 1, 'Kowalska', 7, 3],
      [3, 'WZG-3', 2, 'Nowak', 7, 4],
      [4, 'WZG-4', 1, 'Nowak', 7, 5],
    ]);
  });

  it('serves any kind described to it: activities by external id, community and type audited by code', async () => {
    const log = (community: string, type: string) =>
      validateTable(
        csvTable([
          ['activity_id', 'date', 'community', 'type', 'title'],
          ['A-1', '2022-03-05', community, type, 'Sprzątanie'],
        ]),
        testContext(),
      ).records as ActivityRecord[];
    const tables: Record<string, Row[]> = {
      community: [...communities],
      activityType: [
        { id: 1, code: 'WARSZTAT' },
        { id: 2, code: 'AKCJA' },
      ],
      activity: [],
    };
    const db = fakeDatabase(tables);
    await run(activities.writer, db, log('WZG', 'WARSZTAT'));
    const { counts, audit } = await run(activities.writer, db, log('OST', 'AKCJA'));
    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(audit.map(({ action, entityId, before, after }) => ({ action, entityId, before, after }))).toEqual([
      {
        action: 'activity.updated',
        entityId: 'A-1',
        before: { communityCode: 'WZG', typeCode: 'WARSZTAT' },
        after: { communityCode: 'OST', typeCode: 'AKCJA' },
      },
    ]);
    expect(tables.activity).toMatchObject([{ id: 1, externalId: 'A-1', communityId: 2, typeId: 2, title: 'Sprzątanie' }]);
  });
});
