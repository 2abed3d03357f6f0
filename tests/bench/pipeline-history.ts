// The history the pipeline benchmark measures: a configuration with N generated communities and
// R attendance rows written straight into the SQLite operational database (the real tables of
// prisma/schema.prisma), one import batch per month and kind, as the importer would have left them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { repositoryRoot } from '../support/installation.ts';

export const participantsPerCommunity = 100;
export const attendeesPerActivity = 30;
const periodStart = Date.UTC(2021, 0, 1);
const periodDays = 1_095; // 2021-01-01 … 2023-12-31
const rowsPerStatement = 100;
// Strides coprime with participantsPerCommunity: k * stride mod 100 is distinct for k < 100.
const strides = [1, 3, 7, 9, 11, 13, 17, 19, 21, 23];

export function communityCode(c: number): string {
  return `C${String(c + 1).padStart(4, '0')}`;
}

/**
 * `<dataDir>/config`: the shipped configuration with `communities` generated communities and
 * indicators whose baselines and targets name only the scope ALL (so validation passes).
 */
export function writeBenchConfig(dataDir: string, communities: number): string {
  const configDir = path.join(dataDir, 'config');
  fs.cpSync(path.join(repositoryRoot, 'data', 'config'), configDir, { recursive: true });
  fs.writeFileSync(
    path.join(configDir, 'communities.json'),
    JSON.stringify(
      Array.from({ length: communities }, (_, c) => ({ code: communityCode(c), name: `Społeczność ${c + 1}`, kind: 'territorial' })),
      null,
      1,
    ),
  );
  const indicatorsFile = path.join(configDir, 'indicators.json');
  const indicators = JSON.parse(fs.readFileSync(indicatorsFile, 'utf8')) as { baseline: Record<string, number>; targets: Record<string, unknown> }[];
  for (const indicator of indicators) {
    indicator.baseline = { ALL: indicator.baseline.ALL ?? 0 };
    indicator.targets = { ALL: indicator.targets.ALL };
  }
  fs.writeFileSync(indicatorsFile, JSON.stringify(indicators, null, 1));
  return configDir;
}

export interface HistoryCounts {
  participants: number;
  activities: number;
  attendances: number;
  surveyAnswers: number;
  batches: number;
}

interface Reference {
  communityIds: number[];
  typeIds: number[];
  survey: { id: number; questions: { id: number; scale: string }[] } | null;
}

const isoNow = () => new Date().toISOString().replace('Z', '+00:00');
const dayOf = (day: number) => new Date(periodStart + day * 86_400_000).toISOString().slice(0, 10);

function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('busy_timeout = 30000');
  // A benchmark fixture: this connection need not survive a power cut.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  return db;
}

function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
}

/** Fails clearly when the schema gained a required column this generator does not fill. */
function assertColumnsKnown(db: Database.Database, table: string, filled: string[]): void {
  const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; notnull: number; dflt_value: unknown; pk: number }[];
  const missing = columns.filter((c) => c.notnull && c.dflt_value === null && !c.pk && !filled.includes(c.name)).map((c) => c.name);
  if (missing.length > 0)
    throw new Error(`${table} has required columns the benchmark does not fill: ${missing.join(', ')} (update tests/bench/pipeline-history.ts)`);
}

function readReference(db: Database.Database): Reference {
  const communityIds = (db.prepare('SELECT "id" FROM "Community" ORDER BY "code"').all() as { id: number }[]).map((r) => r.id);
  const typeIds = (db.prepare('SELECT "id" FROM "ActivityType" ORDER BY "id"').all() as { id: number }[]).map((r) => r.id);
  const survey = db.prepare(`SELECT "id" FROM "Survey" WHERE "code" = 'ANK-ROCZNA'`).get() as { id: number } | undefined;
  const questions = survey
    ? (db.prepare('SELECT "id", "scale" FROM "SurveyQuestion" WHERE "surveyId" = ? ORDER BY "id"').all(survey.id) as { id: number; scale: string }[])
    : [];
  return { communityIds, typeIds, survey: survey ? { id: survey.id, questions } : null };
}

/**
 * Buffers rows and writes them `rowsPerStatement` at a time with prepared statements. `before`
 * runs ahead of every write (to write the rows these rows reference first: foreign keys are on).
 */
class BulkInsert {
  private readonly values: (string | number | null)[] = [];
  private readonly statements = new Map<number, Database.Statement>();
  private pending = 0;
  rows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly columns: string[],
    private readonly before?: () => void,
  ) {
    assertColumnsKnown(db, table, columns);
  }

  private statement(rows: number): Database.Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      const tuple = `(${this.columns.map(() => '?').join(',')})`;
      statement = this.db.prepare(`INSERT INTO "${this.table}" (${this.columns.map((c) => `"${c}"`).join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`);
      this.statements.set(rows, statement);
    }
    return statement;
  }

  add(...row: (string | number | null)[]): void {
    for (const value of row) this.values.push(value);
    this.pending += 1;
    if (this.pending === rowsPerStatement) this.flush();
  }

  flush(): void {
    if (this.pending === 0) return;
    this.before?.();
    this.statement(this.pending).run(this.values);
    this.rows += this.pending;
    this.values.length = 0;
    this.pending = 0;
  }
}

function insertBatch(db: Database.Database, fileName: string, kind: string, rows: number, createdAt: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO "ImportBatch" ("fileName","kind","sha256","status","source","importedBy","rowsRead","rowsWritten","errorCount","warningCount","report","createdAt")
         VALUES (?,?,?,'imported','cli','bench',?,?,0,0,'{"errors":[],"warnings":[]}',?)`,
      )
      .run(fileName, kind, randomBytes(32).toString('hex'), rows, rows, createdAt).lastInsertRowid,
  );
}

/** The 30 (or fewer) participants of activity `a` held in community `c`: distinct by construction. */
function attendeesOf(a: number, c: number, communities: number, count: number, participantId: (community: number, slot: number) => number): number[] {
  const stride = strides[a % strides.length]!;
  const start = (a * 37) % participantsPerCommunity;
  const ids: number[] = [];
  for (let k = 0; k < count; k += 1) {
    // A tenth of the people come from the neighbouring community (people move between them).
    const community = communities > 1 && k >= count - Math.ceil(count / 10) ? (c + 1) % communities : c;
    ids.push(participantId(community, (start + k * stride) % participantsPerCommunity));
  }
  return ids;
}

/**
 * Writes the history in one transaction: participants (100 per community, a few leaders),
 * ceil(R/30) activities spread evenly over the project's days and the communities (types from
 * the configuration), R attendance rows (30 per activity, unique per activity and person) and
 * a few yearly survey answers. Activities and attendance get one import batch per month each.
 */
export function generateHistory(databaseFile: string, rows: number, communities: number): HistoryCounts {
  const db = openDatabase(databaseFile);
  try {
    const ref = readReference(db);
    if (ref.communityIds.length !== communities) throw new Error(`expected ${communities} communities in the database, found ${ref.communityIds.length}`);
    const createdAt = isoNow();
    let batches = 0;
    db.exec('BEGIN IMMEDIATE');

    // Participants: ids are assigned in order, so participant (c, slot) is firstId + c*100 + slot.
    const registerBatch = insertBatch(db, 'rejestr.csv', 'participants', communities * participantsPerCommunity, createdAt);
    batches += 1;
    const participants = new BulkInsert(db, 'Participant', [
      'code',
      'homeCommunityId',
      'gender',
      'birthYear',
      'leader',
      'leaderSince',
      'importBatchId',
      'sourceRow',
      'createdAt',
      'updatedAt',
    ]);
    const firstParticipant = Number((db.prepare(`SELECT coalesce(max("id"), 0) + 1 AS n FROM "Participant"`).get() as { n: number }).n);
    for (let c = 0; c < communities; c += 1) {
      for (let slot = 0; slot < participantsPerCommunity; slot += 1) {
        const n = c * participantsPerCommunity + slot;
        const leader = slot < 2;
        participants.add(
          `U-${String(n + 1).padStart(7, '0')}`,
          ref.communityIds[c]!,
          n % 2 ? 'K' : 'M',
          1940 + (n % 65),
          leader ? 1 : 0,
          leader ? dayOf((c * 53 + slot * 400) % periodDays) : null,
          registerBatch,
          n + 2,
          createdAt,
          createdAt,
        );
      }
    }
    participants.flush();
    const registered = db.prepare('SELECT min("id") AS lo, max("id") AS hi FROM "Participant" WHERE "importBatchId" = ?').get(registerBatch) as {
      lo: number;
      hi: number;
    };
    if (registered.lo !== firstParticipant || registered.hi !== firstParticipant + participants.rows - 1)
      throw new Error(`participant ids are not consecutive (${registered.lo}…${registered.hi})`);
    const participantId = (community: number, slot: number) => firstParticipant + community * participantsPerCommunity + slot;

    // Activities in date order, each followed by its attendance list; a new pair of batches each month.
    const activityCount = Math.ceil(rows / attendeesPerActivity);
    const activities = new BulkInsert(db, 'Activity', [
      'externalId',
      'date',
      'communityId',
      'typeId',
      'title',
      'headcountAnonymous',
      'residentInitiative',
      'importBatchId',
      'sourceRow',
      'createdAt',
      'updatedAt',
    ]);
    const attendance = new BulkInsert(db, 'Attendance', ['activityId', 'participantId', 'importBatchId', 'sourceRow', 'createdAt'], () => activities.flush());
    let nextActivityId = Number((db.prepare(`SELECT coalesce(max("id"), 0) + 1 AS n FROM "Activity"`).get() as { n: number }).n);
    const seqActivity = db.prepare(`SELECT "seq" FROM sqlite_sequence WHERE "name" = 'Activity'`).get() as { seq: number } | undefined;
    if (seqActivity) nextActivityId = Math.max(nextActivityId, seqActivity.seq + 1);
    const batchRows = db.prepare('UPDATE "ImportBatch" SET "rowsRead" = ?, "rowsWritten" = ? WHERE "id" = ?');
    const closeMonth = () => {
      activities.flush();
      attendance.flush();
      if (!activityBatch) return;
      batchRows.run(activityRow, activityRow, activityBatch);
      batchRows.run(attendanceRow, attendanceRow, attendanceBatch);
    };
    let month = '';
    let activityBatch = 0;
    let attendanceBatch = 0;
    let activityRow = 0;
    let attendanceRow = 0;
    let written = 0;
    for (let a = 0; a < activityCount; a += 1) {
      const date = dayOf(Math.floor((a * periodDays) / activityCount));
      if (date.slice(0, 7) !== month) {
        closeMonth();
        month = date.slice(0, 7);
        activityBatch = insertBatch(db, `dziennik-${month}.csv`, 'activities', 0, createdAt);
        attendanceBatch = insertBatch(db, `obecnosci-${month}.csv`, 'attendance', 0, createdAt);
        batches += 2;
        activityRow = 0;
        attendanceRow = 0;
      }
      const c = a % communities;
      const type = ref.typeIds[(a * 7 + Math.floor(a / communities)) % ref.typeIds.length]!;
      activityRow += 1;
      // Source rows as in a file: the header is row 1.
      activities.add(
        `B-${String(a + 1).padStart(8, '0')}`,
        date,
        ref.communityIds[c]!,
        type,
        `Działanie ${a + 1}`,
        a % 5 === 0 ? a % 7 : 0,
        a % 11 === 0 ? 1 : 0,
        activityBatch,
        activityRow + 1,
        createdAt,
        createdAt,
      );
      const activityId = nextActivityId + a;
      const count = Math.min(attendeesPerActivity, rows - written);
      for (const person of attendeesOf(a, c, communities, count, participantId)) {
        attendanceRow += 1;
        attendance.add(activityId, person, attendanceBatch, attendanceRow + 1, createdAt);
      }
      written += count;
    }
    closeMonth();
    const check = db.prepare(`SELECT min("id") AS lo, max("id") AS hi FROM "Activity"`).get() as { lo: number; hi: number };
    if (check.lo !== nextActivityId || check.hi !== nextActivityId + activityCount - 1)
      throw new Error(`activity ids are not consecutive (${check.lo}…${check.hi})`);

    // The yearly survey: three respondents per community and year.
    let surveyAnswers = 0;
    if (ref.survey) {
      const surveyBatch = insertBatch(db, 'ankieta-roczna.csv', 'survey', communities * 9, createdAt);
      batches += 1;
      // Newer schemas key each response by its content (responseKey); any unique text serves here.
      const keyed = columnsOf(db, 'SurveyResponse').has('responseKey');
      const response = db.prepare(
        `INSERT INTO "SurveyResponse" ("surveyId","date","communityId","participantId","importBatchId","sourceRow","createdAt"${keyed ? ',"responseKey"' : ''}) VALUES (?,?,?,?,?,?,?${keyed ? ',?' : ''})`,
      );
      const answers = new BulkInsert(db, 'SurveyAnswer', ['responseId', 'questionId', 'valueNumber', 'valueText']);
      let sourceRow = 1;
      for (let c = 0; c < communities; c += 1) {
        for (const year of [2021, 2022, 2023]) {
          for (let r = 0; r < 3; r += 1) {
            const values = [
              ref.survey.id,
              `${year}-11-${String(10 + r).padStart(2, '0')}`,
              ref.communityIds[c]!,
              participantId(c, r * 10),
              surveyBatch,
              (sourceRow += 1),
              createdAt,
            ];
            if (keyed) values.push(`bench-${c}-${year}-${r}`);
            const responseId = Number(response.run(values).lastInsertRowid);
            for (const [q, question] of ref.survey.questions.entries()) {
              if (question.scale === 'text') answers.add(responseId, question.id, null, 'uwagi');
              else answers.add(responseId, question.id, question.scale === 'yes_no' ? (c + r) % 2 : 1 + ((c + r + q + year) % 5), null);
              if (question.scale !== 'text') surveyAnswers += 1;
            }
          }
        }
      }
      answers.flush();
    }
    db.exec('COMMIT');
    return { participants: participants.rows, activities: activities.rows, attendances: attendance.rows, surveyAnswers, batches };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}

/**
 * One more day's import: new activities on `date` spread over the communities, each with an
 * attendance list of existing participants, in a new activities batch and a new attendance batch.
 */
export function addDay(
  databaseFile: string,
  rows: number,
  communities: number,
  date: string,
): { activities: number; attendances: number; communities: number } {
  const db = openDatabase(databaseFile);
  try {
    const ref = readReference(db);
    const createdAt = isoNow();
    db.exec('BEGIN IMMEDIATE');
    const firstParticipant = Number((db.prepare(`SELECT min("id") AS n FROM "Participant" WHERE "code" LIKE 'U-%'`).get() as { n: number }).n);
    const participantId = (community: number, slot: number) => firstParticipant + community * participantsPerCommunity + slot;
    const activityCount = Math.ceil(rows / attendeesPerActivity);
    const activityBatch = insertBatch(db, `dziennik-${date}.csv`, 'activities', activityCount, createdAt);
    const attendanceBatch = insertBatch(db, `obecnosci-${date}.csv`, 'attendance', rows, createdAt);
    const insertActivity = db.prepare(
      `INSERT INTO "Activity" ("externalId","date","communityId","typeId","title","headcountAnonymous","residentInitiative","importBatchId","sourceRow","createdAt","updatedAt") VALUES (?,?,?,?,?,0,0,?,?,?,?)`,
    );
    const attendance = new BulkInsert(db, 'Attendance', ['activityId', 'participantId', 'importBatchId', 'sourceRow', 'createdAt']);
    let written = 0;
    const touched = new Set<number>();
    for (let a = 0; a < activityCount; a += 1) {
      const c = (a * 7) % communities;
      touched.add(c);
      const activityId = Number(
        insertActivity.run(
          `N-${date}-${a + 1}`,
          date,
          ref.communityIds[c]!,
          ref.typeIds[a % ref.typeIds.length]!,
          `Nowe działanie ${a + 1}`,
          activityBatch,
          a + 2,
          createdAt,
          createdAt,
        ).lastInsertRowid,
      );
      const count = Math.min(attendeesPerActivity, rows - written);
      for (const person of attendeesOf(a + 13, c, communities, count, participantId)) {
        written += 1;
        attendance.add(activityId, person, attendanceBatch, written + 1, createdAt);
      }
    }
    attendance.flush();
    db.exec('COMMIT');
    return { activities: activityCount, attendances: attendance.rows, communities: touched.size };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}

export interface CorrectionCounts {
  activitiesMoved: number;
  participantsCorrected: number;
  attendancesRemoved: number;
  /** Rows of the version tables after the corrections (the triggers keep the rows replaced). */
  versions: number;
}

/**
 * Corrections after the history, so that the version tables are not empty: every `every`-th
 * activity moved a week later to another type (an activities file), every `every`-th participant's
 * leader flag turned (a register file), every `every`-th attendance row taken off its list (as
 * the recording form does: its batch first, then the delete). Each in a batch of its own.
 */
export function correctHistory(databaseFile: string, every: number): CorrectionCounts {
  const db = openDatabase(databaseFile);
  try {
    const createdAt = isoNow();
    db.exec('BEGIN IMMEDIATE');
    const activityBatch = insertBatch(db, 'dziennik-poprawki.csv', 'activities', 0, createdAt);
    const types = readReference(db).typeIds;
    const activitiesMoved = db
      .prepare(
        `UPDATE "Activity" SET "date" = date("date", '+7 days'), "typeId" = CASE WHEN "typeId" = ? THEN ? ELSE ? END, "importBatchId" = ?, "updatedAt" = ?
         WHERE "id" % ? = 0 AND "date" < '2023-12-01'`,
      )
      .run(types[0]!, types[1]!, types[0]!, activityBatch, createdAt, every).changes;
    const registerBatch = insertBatch(db, 'rejestr-poprawki.csv', 'participants', 0, createdAt);
    const participantsCorrected = db
      .prepare(
        `UPDATE "Participant" SET "leader" = 1 - "leader", "leaderSince" = CASE WHEN "leader" = 0 THEN '2022-06-01' ELSE NULL END, "importBatchId" = ?, "updatedAt" = ?
         WHERE "id" % ? = 0`,
      )
      .run(registerBatch, createdAt, every).changes;
    insertBatch(db, 'formularz', 'activities', 0, createdAt);
    const attendancesRemoved = db.prepare(`DELETE FROM "Attendance" WHERE "id" % ? = 0`).run(every).changes;
    const versions = (
      db
        .prepare(
          `SELECT (SELECT count(*) FROM "ActivityVersion") + (SELECT count(*) FROM "ParticipantVersion") + (SELECT count(*) FROM "AttendanceVersion") AS n`,
        )
        .get() as {
        n: number;
      }
    ).n;
    db.exec('COMMIT');
    return { activitiesMoved, participantsCorrected, attendancesRemoved, versions };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}

/** The newest import batch: the data version a run reads now. */
export function newestBatch(databaseFile: string): number {
  const db = openDatabase(databaseFile);
  try {
    return (db.prepare('SELECT coalesce(max("id"), 0) AS n FROM "ImportBatch"').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
