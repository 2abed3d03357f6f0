import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { PrismaClient } from '@osl/prisma';
import { appendNullable } from '../analytics/duckdb-sql.ts';
import type { OperationalExtract, SourceCounts, StagedExtract } from './operational-extract.ts';

const pageSize = 50_000;

/**
 * Any database Prisma serves (the path for PostgreSQL installations): pages of rows through
 * the ORM into DuckDB appenders. Slower than the SQLite export, and read page by page rather
 * than in one snapshot, which the watermark makes safe: rows of batches newer than it that are
 * read anyway are read again by the next incremental run and replace themselves.
 */
export class PrismaExtract implements OperationalExtract {
  constructor(private readonly prisma: PrismaClient) {}

  async stage(connection: DuckDBConnection, _workDir: string, sinceBatch: number): Promise<StagedExtract> {
    const db = this.prisma;
    const watermark = (await db.importBatch.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const newer = { importBatchId: { gt: sinceBatch, lte: watermark } };
    const staged: SourceCounts = { participants: 0, activities: 0, attendances: 0, surveyAnswers: 0 };

    staged.participants = await appendPages(connection, 'stage_participant', (cursor) =>
      db.participant.findMany({
        where: { id: { gt: cursor }, ...newer },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: { id: true, code: true, gender: true, birthYear: true, leader: true, leaderSince: true, importBatchId: true, homeCommunity: { select: { code: true } } },
      }),
      (a, p) => {
        a.appendInteger(p.id);
        a.appendVarchar(p.code);
        a.appendVarchar(p.homeCommunity.code);
        appendNullable(a, p.gender, (v) => a.appendVarchar(v));
        appendNullable(a, p.birthYear, (v) => a.appendInteger(v));
        a.appendBoolean(p.leader);
        appendNullable(a, p.leaderSince, (v) => a.appendVarchar(v));
        a.appendInteger(p.importBatchId);
      },
    );
    staged.activities = await appendPages(connection, 'stage_activity', (cursor) =>
      db.activity.findMany({
        where: { id: { gt: cursor }, ...newer },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: {
          id: true, externalId: true, date: true, headcountAnonymous: true, residentInitiative: true, importBatchId: true, sourceRow: true,
          community: { select: { code: true } }, type: { select: { code: true } },
        },
      }),
      (a, x) => {
        a.appendInteger(x.id);
        a.appendVarchar(x.externalId);
        a.appendVarchar(x.date);
        a.appendVarchar(x.community.code);
        a.appendVarchar(x.type.code);
        a.appendInteger(x.headcountAnonymous);
        a.appendBoolean(x.residentInitiative);
        a.appendInteger(x.importBatchId);
        a.appendInteger(x.sourceRow);
      },
    );
    staged.attendances = await appendPages(connection, 'stage_attendance', (cursor) =>
      db.attendance.findMany({ where: { id: { gt: cursor }, ...newer }, orderBy: { id: 'asc' }, take: pageSize, select: { id: true, activityId: true, participantId: true, importBatchId: true } }),
      (a, x) => {
        a.appendInteger(x.activityId);
        a.appendInteger(x.participantId);
        a.appendInteger(x.importBatchId);
      },
    );
    staged.surveyAnswers = await appendPages(connection, 'stage_survey_answer', (cursor) =>
      db.surveyAnswer.findMany({
        where: { id: { gt: cursor }, valueNumber: { not: null }, response: newer },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: {
          id: true, valueNumber: true, question: { select: { code: true } },
          response: { select: { id: true, date: true, importBatchId: true, survey: { select: { code: true } }, community: { select: { code: true } } } },
        },
      }),
      (a, x) => {
        a.appendInteger(x.id);
        a.appendInteger(x.response.id);
        a.appendVarchar(x.response.survey.code);
        a.appendVarchar(x.question.code);
        a.appendVarchar(x.response.date);
        a.appendVarchar(x.response.community.code);
        a.appendDouble(x.valueNumber!);
        a.appendInteger(x.response.importBatchId);
      },
    );
    const onlyUpTo = { importBatchId: { lte: watermark } };
    const totals: SourceCounts = {
      participants: await db.participant.count({ where: onlyUpTo }),
      activities: await db.activity.count({ where: onlyUpTo }),
      attendances: await db.attendance.count({ where: onlyUpTo }),
      surveyAnswers: await db.surveyAnswer.count({ where: { valueNumber: { not: null }, response: onlyUpTo } }),
    };
    return { staged, totals, watermark };
  }

  close(): void {}
}

async function appendPages<T extends { id: number }>(
  connection: DuckDBConnection,
  table: string,
  page: (cursor: number) => Promise<T[]>,
  write: (appender: DuckDBAppender, row: T) => void,
): Promise<number> {
  const appender = await connection.createAppender(table);
  let count = 0;
  try {
    for (let cursor = 0; ; ) {
      const rows = await page(cursor);
      if (rows.length === 0) break;
      for (const row of rows) {
        write(appender, row);
        appender.endRow();
      }
      count += rows.length;
      cursor = rows[rows.length - 1]!.id;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return count;
}
