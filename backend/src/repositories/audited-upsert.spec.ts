import type { Prisma } from '@osl/prisma';
import { describe, expect, it } from 'vitest';
import type { KindWriter, WriteContext } from '../import/kinds/import-kind.ts';
import { activities, type ActivityRecord } from '../import/kinds/activities.ts';
import { participants, type ParticipantRecord } from '../import/kinds/participants.ts';
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
      Object.assign(tables[name]!.find((row) => row.id === args.where.id)!, args.data);
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

async function run<R extends { row: number }>(writer: KindWriter<R>, db: Prisma.TransactionClient, records: R[]) {
  const audit: AuditEntry[] = [];
  const progress: number[] = [];
  const context: WriteContext = { tx: db, batchId: 7, actor: 'tester', audit, onRows: (done) => progress.push(done) };
  const counts = await writer.write(context, records, await writer.readStored(db, records));
  return { counts, audit, progress };
}

// The upsert as the two kinds that correct rows by id describe it (import/kinds/participants.ts, activities.ts).
describe('auditedUpsert', () => {
  const person = (row: number, code: string, changes: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
    row,
    code,
    communityCode: 'WZG',
    gender: 'K',
    birthYear: 1960,
    joinedOn: '2022-01-10',
    leader: false,
    leaderSince: null,
    firstName: 'Anna',
    lastName: 'Nowak',
    nameKey: 'anna nowak',
    ...changes,
  });
  const stored = (id: number, code: string, changes: Record<string, unknown> = {}): Row => ({
    id,
    code,
    homeCommunityId: 1,
    gender: 'K',
    birthYear: 1960,
    joinedOn: '2022-01-10',
    leader: false,
    leaderSince: null,
    firstName: 'Anna',
    lastName: 'Nowak',
    nameKey: 'anna nowak',
    importBatchId: 1,
    sourceRow: 2,
    ...changes,
  });

  it('creates new keys, updates changed rows in place, counts identical ones, and audits old → new with names redacted', async () => {
    const tables = { community: [...communities], participant: [stored(1, 'WZG-1'), stored(2, 'WZG-2'), stored(3, 'WZG-3')] };
    const { counts, audit, progress } = await run(participants.writer, fakeDatabase(tables), [
      person(2, 'WZG-1'),
      person(3, 'WZG-2', { birthYear: 1961, lastName: 'Kowalska', nameKey: 'anna kowalska' }),
      person(4, 'WZG-3', { communityCode: 'OST' }),
      person(5, 'WZG-4'),
    ]);
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
      { actor: 'tester', action: 'participant.updated', entity: 'participant', entityId: 'WZG-3', before: { homeCommunity: 'WZG' }, after: { homeCommunity: 'OST' } },
    ]);
    // Updated rows keep their id; their provenance moves to the new batch; an unchanged row keeps its own.
    expect(tables.participant.map((p) => [p.id, p.code, p.homeCommunityId, p.lastName, p.importBatchId, p.sourceRow])).toEqual([
      [1, 'WZG-1', 1, 'Nowak', 1, 2],
      [2, 'WZG-2', 1, 'Kowalska', 7, 3],
      [3, 'WZG-3', 2, 'Nowak', 7, 4],
      [4, 'WZG-4', 1, 'Nowak', 7, 5],
    ]);
  });

  it('serves any kind described to it: activities by external id, community and type audited by code', async () => {
    const activity: ActivityRecord = {
      row: 2,
      externalId: 'A-1',
      date: '2022-03-05',
      communityCode: 'OST',
      typeCode: 'AKCJA',
      title: 'Sprzątanie',
      durationHours: null,
      ledBy: null,
      location: null,
      headcountAnonymous: 0,
      residentInitiative: false,
    };
    const tables = {
      community: [...communities],
      activityType: [
        { id: 1, code: 'WARSZTAT' },
        { id: 2, code: 'AKCJA' },
      ],
      activity: [{ id: 9, externalId: 'A-1', date: '2022-03-05', communityId: 1, typeId: 1, title: 'Sprzątanie', durationHours: null, ledBy: null, location: null, headcountAnonymous: 0, residentInitiative: false }],
    };
    const { counts, audit } = await run(activities.writer, fakeDatabase(tables), [activity]);
    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(audit.map(({ action, entityId, before, after }) => ({ action, entityId, before, after }))).toEqual([
      { action: 'activity.updated', entityId: 'A-1', before: { communityCode: 'WZG', typeCode: 'WARSZTAT' }, after: { communityCode: 'OST', typeCode: 'AKCJA' } },
    ]);
    expect(tables.activity[0]).toMatchObject({ id: 9, communityId: 2, typeId: 2 });
  });
});
