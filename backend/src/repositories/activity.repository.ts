import { Inject, Injectable } from '@nestjs/common';
import { findInSlices } from '@osl/prisma';
import { DatabaseRepository } from './database.repository.ts';

export interface ActivityFilter {
  community: string | null;
  from: string | null;
  to: string | null;
  /** Only these activity types (an indicator's groups or types), or every type. */
  types?: readonly string[] | null;
  /** Only activities co-organised by residents (R3), or every activity. */
  residentInitiative?: boolean | null;
  limit: number;
}

export interface BatchRef {
  batchId: number;
  file: string;
  importedBy: string;
  importedAt: Date;
  /** Entered through the recording form rather than imported from a file. */
  viaForm: boolean;
}

export interface ActivityRecordWithSources {
  externalId: string;
  date: string;
  community: string;
  type: string;
  title: string;
  residentInitiative: boolean;
  headcountAnonymous: number;
  namedAttendances: number;
  source: BatchRef & { row: number };
  /** The attendance lists behind the named attendances: each file and how many rows it gave. */
  attendanceLists: (BatchRef & { attendances: number })[];
}

/** Activities with their provenance, read from the operational database (the system of record). */
@Injectable()
export class ActivityRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async list(filter: ActivityFilter): Promise<{ activities: ActivityRecordWithSources[]; truncated: boolean }> {
    const db = this.database.client;
    const rows = await db.activity.findMany({
      where: {
        ...(filter.community ? { community: { code: filter.community } } : {}),
        ...(filter.from || filter.to ? { date: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
        ...(filter.types ? { type: { code: { in: [...filter.types] } } } : {}),
        ...(typeof filter.residentInitiative === 'boolean' ? { residentInitiative: filter.residentInitiative } : {}),
      },
      include: {
        community: { select: { code: true } },
        type: { select: { code: true } },
        importBatch: { select: { id: true, fileName: true, importedBy: true, createdAt: true, source: true } },
      },
      orderBy: [{ date: 'asc' }, { externalId: 'asc' }],
      take: filter.limit + 1,
    });
    const page = rows.slice(0, filter.limit);
    // A page (up to the answer's limit) and its lists' batches can be more ids than the database binds at once.
    const perStatement = this.database.operational.idsPerStatement;
    const counts = await findInSlices(
      page.map((a) => a.id),
      perStatement,
      (ids) => db.attendance.groupBy({ by: ['activityId', 'importBatchId'], where: { activityId: { in: ids } }, _count: { _all: true } }),
    );
    const batchIds = [...new Set(counts.map((c) => c.importBatchId))];
    const batchRows = await findInSlices(batchIds, perStatement, (ids) =>
      db.importBatch.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true, importedBy: true, createdAt: true, source: true } }),
    );
    const batches = new Map(batchRows.map((b) => [b.id, b]));
    const listsByActivity = new Map<number, (BatchRef & { attendances: number })[]>();
    for (const c of counts) {
      const batch = batches.get(c.importBatchId)!;
      const lists = listsByActivity.get(c.activityId) ?? [];
      lists.push({
        batchId: batch.id,
        file: batch.fileName,
        importedBy: batch.importedBy,
        importedAt: batch.createdAt,
        viaForm: batch.source === 'form',
        attendances: c._count._all,
      });
      listsByActivity.set(c.activityId, lists);
    }
    return {
      truncated: rows.length > filter.limit,
      activities: page.map((a) => {
        const lists = listsByActivity.get(a.id) ?? [];
        return {
          externalId: a.externalId,
          date: a.date,
          community: a.community.code,
          type: a.type.code,
          title: a.title,
          residentInitiative: a.residentInitiative,
          headcountAnonymous: a.headcountAnonymous,
          namedAttendances: lists.reduce((sum, l) => sum + l.attendances, 0),
          source: {
            batchId: a.importBatch.id,
            file: a.importBatch.fileName,
            importedBy: a.importBatch.importedBy,
            importedAt: a.importBatch.createdAt,
            viaForm: a.importBatch.source === 'form',
            row: a.sourceRow,
          },
          attendanceLists: lists,
        };
      }),
    };
  }
}
