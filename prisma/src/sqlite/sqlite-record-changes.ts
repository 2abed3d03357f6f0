import Database from 'better-sqlite3';
import type { RecordChange } from '../operational-database.ts';

// Every change import batches after @after made, one row each, in RecordChange's columns (less the
// batch's own). A record's states are its current row and its earlier versions (kept by the
// triggers of the reporting periods migration); a state written by a batch is a correction when
// a version ends at that batch, an addition otherwise; a version that ends at a batch that wrote
// no state of the record is a removal. Corrections that changed no column the figures use (a
// name, the provenance an attendance list's correction moves) are left out.
const changesSql = `
  WITH activity_state AS (
    SELECT "id" AS "recordId", "externalId", "date", "communityId", "typeId", "headcountAnonymous", "residentInitiative", "importBatchId", "sourceRow"
    FROM "Activity" WHERE "importBatchId" > @after
    UNION ALL
    SELECT "activityId", "externalId", "date", "communityId", "typeId", "headcountAnonymous", "residentInitiative", "importBatchId", "sourceRow"
    FROM "ActivityVersion" WHERE "importBatchId" > @after
  ),
  participant_state AS (
    SELECT "id" AS "recordId", "code", "homeCommunityId", "gender", "birthYear", "leader", "leaderSince", "importBatchId", "sourceRow"
    FROM "Participant" WHERE "importBatchId" > @after
    UNION ALL
    SELECT "participantId", "code", "homeCommunityId", "gender", "birthYear", "leader", "leaderSince", "importBatchId", "sourceRow"
    FROM "ParticipantVersion" WHERE "importBatchId" > @after
  ),
  attendance_state AS (
    SELECT "activityId", "participantId", "importBatchId", "sourceRow" FROM "Attendance" WHERE "importBatchId" > @after
    UNION ALL
    SELECT "activityId", "participantId", "importBatchId", "sourceRow" FROM "AttendanceVersion" WHERE "importBatchId" > @after
  ),
  -- An attendance is dated by its activity's date now (the last one known when the activity is gone).
  activity_date AS (
    SELECT "id" AS "activityId", "externalId", "date", "communityId" FROM "Activity"
    UNION ALL
    SELECT v."activityId", v."externalId", v."date", v."communityId" FROM "ActivityVersion" v
    WHERE NOT EXISTS (SELECT 1 FROM "Activity" a WHERE a."id" = v."activityId")
      AND v."supersededByBatchId" = (SELECT max(w."supersededByBatchId") FROM "ActivityVersion" w WHERE w."activityId" = v."activityId")
  ),
  changes AS (
    SELECT 'activity' AS "kind", CASE WHEN p."id" IS NULL THEN 'added' ELSE 'corrected' END AS "change", s."externalId" AS "activityId",
           NULL AS "participantCode", s."date", s."communityId", s."importBatchId" AS "batchId", s."sourceRow"
    FROM activity_state s
    LEFT JOIN "ActivityVersion" p ON p."activityId" = s."recordId" AND p."supersededByBatchId" = s."importBatchId"
    WHERE (s."date" <= @until OR p."date" <= @until)
      AND (p."id" IS NULL OR p."date" IS NOT s."date" OR p."communityId" IS NOT s."communityId" OR p."typeId" IS NOT s."typeId"
           OR p."headcountAnonymous" IS NOT s."headcountAnonymous" OR p."residentInitiative" IS NOT s."residentInitiative")
    UNION ALL
    SELECT 'activity', 'removed', v."externalId", NULL, v."date", v."communityId", v."supersededByBatchId", NULL
    FROM "ActivityVersion" v
    WHERE v."supersededByBatchId" > @after AND v."date" <= @until
      AND NOT EXISTS (SELECT 1 FROM "Activity" a WHERE a."id" = v."activityId" AND a."importBatchId" = v."supersededByBatchId")
      AND NOT EXISTS (SELECT 1 FROM "ActivityVersion" w WHERE w."activityId" = v."activityId" AND w."importBatchId" = v."supersededByBatchId")
    UNION ALL
    SELECT 'participant', CASE WHEN p."id" IS NULL THEN 'added' ELSE 'corrected' END, NULL, s."code", s."leaderSince", s."homeCommunityId",
           s."importBatchId", s."sourceRow"
    FROM participant_state s
    LEFT JOIN "ParticipantVersion" p ON p."participantId" = s."recordId" AND p."supersededByBatchId" = s."importBatchId"
    WHERE p."id" IS NULL OR p."code" IS NOT s."code" OR p."homeCommunityId" IS NOT s."homeCommunityId" OR p."gender" IS NOT s."gender"
          OR p."birthYear" IS NOT s."birthYear" OR p."leader" IS NOT s."leader" OR p."leaderSince" IS NOT s."leaderSince"
    UNION ALL
    SELECT 'attendance', 'added', d."externalId", person."code", d."date", d."communityId", s."importBatchId", s."sourceRow"
    FROM attendance_state s
    JOIN activity_date d ON d."activityId" = s."activityId"
    JOIN "Participant" person ON person."id" = s."participantId"
    WHERE d."date" <= @until
    UNION ALL
    SELECT 'attendance', 'removed', d."externalId", person."code", d."date", d."communityId", v."supersededByBatchId", NULL
    FROM "AttendanceVersion" v
    JOIN activity_date d ON d."activityId" = v."activityId"
    JOIN "Participant" person ON person."id" = v."participantId"
    WHERE v."supersededByBatchId" > @after AND d."date" <= @until
    UNION ALL
    SELECT 'survey', 'added', NULL, person."code", r."date", r."communityId", r."importBatchId", r."sourceRow"
    FROM "SurveyResponse" r LEFT JOIN "Participant" person ON person."id" = r."participantId"
    WHERE r."importBatchId" > @after AND r."date" <= @until
  )`;

interface ChangeRow extends Omit<RecordChange, 'at'> {
  at: string | number;
}

/** The changes made after batch `after` to records dated on or before `until` (`OperationalDatabase.recordChangesAfter`). */
export function readSqliteRecordChanges(file: string, after: number, until: string, limit: number): { total: number; rows: RecordChange[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 30000');
    return db
      .transaction(() => {
        const params = { after, until };
        const total = (db.prepare(`${changesSql} SELECT count(*) AS n FROM changes`).get(params) as { n: number }).n;
        const rows = db
          .prepare(
            `${changesSql}
             SELECT ch."kind", ch."change", ch."activityId", ch."participantCode", ch."date", c."code" AS "community", ch."batchId",
                    b."fileName", ch."sourceRow", b."importedBy", b."createdAt" AS "at"
             FROM changes ch
             JOIN "ImportBatch" b ON b."id" = ch."batchId"
             LEFT JOIN "Community" c ON c."id" = ch."communityId"
             ORDER BY ch."batchId", ch."sourceRow" IS NULL, ch."sourceRow", ch."kind", ch."change", ch."activityId", ch."participantCode"
             LIMIT @limit`,
          )
          .all({ ...params, limit }) as ChangeRow[];
        return { total, rows: rows.map((row) => ({ ...row, at: storedInstant(row.at) })) };
      })
      .deferred();
  } finally {
    db.close();
  }
}

/** An instant as Prisma stores it on SQLite (ISO text, or milliseconds), in ISO form. */
function storedInstant(value: string | number): string {
  return new Date(typeof value === 'number' || /^\d+$/.test(value) ? Number(value) : value).toISOString();
}
