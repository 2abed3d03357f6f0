import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { OperationalExtract, SourceCounts, StagedExtract } from './operational-extract.ts';
import { SqliteExportRepository, type ExportSpec } from './sqlite-export.repository.ts';

// Each select renders one CSV line per row; @lo..@hi is the id slice, @since the batch watermark.
const specs: (ExportSpec & { stage: string; counts: keyof SourceCounts })[] = [
  {
    name: 'participants',
    stage: 'stage_participant',
    counts: 'participants',
    idTable: 'Participant',
    changedIdRange: 'SELECT min("id") AS lo, max("id") AS hi FROM "Participant" WHERE "importBatchId" > @since',
    select: `SELECT quote(p."id") || ',' || quote(p."code") || ',' || quote(c."code") || ',' || quote(p."gender") || ',' ||
                    quote(p."birthYear") || ',' || quote(p."leader") || ',' || quote(p."leaderSince") || ',' || quote(p."importBatchId") AS line
             FROM "Participant" p JOIN "Community" c ON c."id" = p."homeCommunityId"
             WHERE p."id" BETWEEN @lo AND @hi AND p."importBatchId" > @since`,
    columns: { participant_id: 'INTEGER', participant_code: 'VARCHAR', home_community: 'VARCHAR', gender: 'VARCHAR', birth_year: 'INTEGER', leader: 'BOOLEAN', leader_since: 'VARCHAR', import_batch_id: 'INTEGER' },
  },
  {
    name: 'activities',
    stage: 'stage_activity',
    counts: 'activities',
    idTable: 'Activity',
    changedIdRange: 'SELECT min("id") AS lo, max("id") AS hi FROM "Activity" WHERE "importBatchId" > @since',
    select: `SELECT quote(a."id") || ',' || quote(a."externalId") || ',' || quote(a."date") || ',' || quote(c."code") || ',' || quote(t."code") || ',' ||
                    quote(a."headcountAnonymous") || ',' || quote(a."residentInitiative") || ',' || quote(a."importBatchId") || ',' || quote(a."sourceRow") AS line
             FROM "Activity" a JOIN "Community" c ON c."id" = a."communityId" JOIN "ActivityType" t ON t."id" = a."typeId"
             WHERE a."id" BETWEEN @lo AND @hi AND a."importBatchId" > @since`,
    columns: { activity_id: 'INTEGER', external_id: 'VARCHAR', date: 'VARCHAR', community: 'VARCHAR', type_code: 'VARCHAR', headcount_anonymous: 'INTEGER', resident_initiative: 'BOOLEAN', import_batch_id: 'INTEGER', source_row: 'INTEGER' },
  },
  {
    name: 'attendance',
    stage: 'stage_attendance',
    counts: 'attendances',
    idTable: 'Attendance',
    changedIdRange: 'SELECT min("id") AS lo, max("id") AS hi FROM "Attendance" WHERE "importBatchId" > @since',
    select: `SELECT "activityId" || ',' || "participantId" || ',' || "importBatchId" AS line
             FROM "Attendance" WHERE "id" BETWEEN @lo AND @hi AND "importBatchId" > @since`,
    columns: { activity_id: 'INTEGER', participant_id: 'INTEGER', import_batch_id: 'INTEGER' },
  },
  {
    name: 'survey-answers',
    stage: 'stage_survey_answer',
    counts: 'surveyAnswers',
    idTable: 'SurveyAnswer',
    select: `SELECT quote(x."id") || ',' || quote(r."id") || ',' || quote(s."code") || ',' || quote(q."code") || ',' || quote(r."date") || ',' ||
                    quote(c."code") || ',' || quote(x."valueNumber") || ',' || quote(r."importBatchId") AS line
             FROM "SurveyAnswer" x
             JOIN "SurveyResponse" r ON r."id" = x."responseId"
             JOIN "Survey" s ON s."id" = r."surveyId"
             JOIN "SurveyQuestion" q ON q."id" = x."questionId"
             JOIN "Community" c ON c."id" = r."communityId"
             WHERE x."id" BETWEEN @lo AND @hi AND x."valueNumber" IS NOT NULL AND r."importBatchId" > @since`,
    columns: { answer_id: 'INTEGER', response_id: 'INTEGER', survey_code: 'VARCHAR', question_code: 'VARCHAR', date: 'VARCHAR', community: 'VARCHAR', value_number: 'DOUBLE', import_batch_id: 'INTEGER' },
  },
];

const totalsSql: Record<keyof SourceCounts, string> = {
  participants: 'SELECT count(*) AS n FROM "Participant"',
  activities: 'SELECT count(*) AS n FROM "Activity"',
  attendances: 'SELECT count(*) AS n FROM "Attendance"',
  surveyAnswers: 'SELECT count(*) AS n FROM "SurveyAnswer" WHERE "valueNumber" IS NOT NULL',
};

/** The embedded default: SQLite renders CSV, DuckDB reads it (see SqliteExportRepository). */
export class SqliteExtract implements OperationalExtract {
  private readonly sqlite: SqliteExportRepository;

  constructor(file: string) {
    this.sqlite = new SqliteExportRepository(file);
  }

  async stage(connection: DuckDBConnection, workDir: string, sinceBatch: number): Promise<StagedExtract> {
    fs.mkdirSync(workDir, { recursive: true });
    // One read transaction: the tables, their totals and the watermark describe the same moment.
    const exported = this.sqlite.snapshot(() => ({
      files: specs.map((spec) => ({ spec, ...this.sqlite.export(spec, workDir, sinceBatch) })),
      watermark: this.sqlite.count('SELECT coalesce(max("id"), 0) AS n FROM "ImportBatch"'),
      totals: Object.fromEntries(Object.entries(totalsSql).map(([key, sql]) => [key, this.sqlite.count(sql)])) as unknown as SourceCounts,
    }));
    const staged = { participants: 0, activities: 0, attendances: 0, surveyAnswers: 0 };
    try {
      for (const { spec, file, rows } of exported.files) {
        staged[spec.counts] = rows;
        if (rows === 0) continue;
        const columns = Object.entries(spec.columns)
          .map(([name, type]) => `'${name}': '${type}'`)
          .join(', ');
        await connection.run(
          `INSERT INTO ${spec.stage} SELECT * FROM read_csv($1, header = false, delim = ',', quote = '''', escape = '''',
             nullstr = 'NULL', allow_quoted_nulls = false, auto_detect = false, columns = {${columns}})`,
          [file],
        );
      }
    } finally {
      for (const { file } of exported.files) fs.rmSync(file, { force: true });
    }
    return { staged, totals: exported.totals, watermark: exported.watermark };
  }

  close(): void {
    this.sqlite.close();
  }
}
