-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PeriodVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "periodId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "closedAt" DATETIME NOT NULL,
    "closedBy" TEXT NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "asOf" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "frozen" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "endedAt" DATETIME,
    "endedBy" TEXT,
    "endReason" TEXT,
    "endNote" TEXT,
    CONSTRAINT "PeriodVersion_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeriodSignOff" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "periodVersionId" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "remarks" TEXT,
    "signedBy" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fingerprint" TEXT NOT NULL,
    CONSTRAINT "PeriodSignOff_periodVersionId_fkey" FOREIGN KEY ("periodVersionId") REFERENCES "PeriodVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "activityId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "typeId" INTEGER NOT NULL,
    "headcountAnonymous" INTEGER NOT NULL,
    "residentInitiative" BOOLEAN NOT NULL,
    "importBatchId" INTEGER NOT NULL,
    "sourceRow" INTEGER NOT NULL,
    "supersededByBatchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ParticipantVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "participantId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "homeCommunityId" INTEGER NOT NULL,
    "gender" TEXT,
    "birthYear" INTEGER,
    "leader" BOOLEAN NOT NULL,
    "leaderSince" TEXT,
    "importBatchId" INTEGER NOT NULL,
    "sourceRow" INTEGER NOT NULL,
    "supersededByBatchId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "AttendanceVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attendanceId" INTEGER NOT NULL,
    "activityId" INTEGER NOT NULL,
    "participantId" INTEGER NOT NULL,
    "importBatchId" INTEGER NOT NULL,
    "sourceRow" INTEGER NOT NULL,
    "supersededByBatchId" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_name_key" ON "ReportingPeriod"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodVersion_periodId_version_key" ON "PeriodVersion"("periodId", "version");

-- CreateIndex
CREATE INDEX "PeriodSignOff_periodVersionId_idx" ON "PeriodSignOff"("periodVersionId");

-- CreateIndex
CREATE INDEX "ActivityVersion_supersededByBatchId_idx" ON "ActivityVersion"("supersededByBatchId");

-- CreateIndex
CREATE INDEX "ActivityVersion_activityId_idx" ON "ActivityVersion"("activityId");

-- CreateIndex
CREATE INDEX "ParticipantVersion_supersededByBatchId_idx" ON "ParticipantVersion"("supersededByBatchId");

-- CreateIndex
CREATE INDEX "ParticipantVersion_participantId_idx" ON "ParticipantVersion"("participantId");

-- CreateIndex
CREATE INDEX "AttendanceVersion_supersededByBatchId_idx" ON "AttendanceVersion"("supersededByBatchId");

-- CreateIndex
CREATE INDEX "AttendanceVersion_activityId_idx" ON "AttendanceVersion"("activityId");


-- Earlier versions of records (tamper evidence and "as of" figures): a row that a later import
-- batch corrects or takes away is kept, valid until that batch. Triggers, so that every writer
-- (imports, the recording form, the command line) keeps them without remembering to.
CREATE TRIGGER "Activity_keep_version" AFTER UPDATE ON "Activity"
WHEN OLD."importBatchId" <> NEW."importBatchId"
BEGIN
  INSERT INTO "ActivityVersion" ("activityId", "externalId", "date", "communityId", "typeId", "headcountAnonymous", "residentInitiative", "importBatchId", "sourceRow", "supersededByBatchId")
  VALUES (OLD."id", OLD."externalId", OLD."date", OLD."communityId", OLD."typeId", OLD."headcountAnonymous", OLD."residentInitiative", OLD."importBatchId", OLD."sourceRow", NEW."importBatchId");
END;

CREATE TRIGGER "Activity_keep_deleted" AFTER DELETE ON "Activity"
BEGIN
  INSERT INTO "ActivityVersion" ("activityId", "externalId", "date", "communityId", "typeId", "headcountAnonymous", "residentInitiative", "importBatchId", "sourceRow", "supersededByBatchId")
  VALUES (OLD."id", OLD."externalId", OLD."date", OLD."communityId", OLD."typeId", OLD."headcountAnonymous", OLD."residentInitiative", OLD."importBatchId", OLD."sourceRow", (SELECT coalesce(max("id"), 0) FROM "ImportBatch"));
END;

CREATE TRIGGER "Participant_keep_version" AFTER UPDATE ON "Participant"
WHEN OLD."importBatchId" <> NEW."importBatchId"
BEGIN
  INSERT INTO "ParticipantVersion" ("participantId", "code", "homeCommunityId", "gender", "birthYear", "leader", "leaderSince", "importBatchId", "sourceRow", "supersededByBatchId")
  VALUES (OLD."id", OLD."code", OLD."homeCommunityId", OLD."gender", OLD."birthYear", OLD."leader", OLD."leaderSince", OLD."importBatchId", OLD."sourceRow", NEW."importBatchId");
END;

CREATE TRIGGER "Attendance_keep_deleted" AFTER DELETE ON "Attendance"
BEGIN
  INSERT INTO "AttendanceVersion" ("attendanceId", "activityId", "participantId", "importBatchId", "sourceRow", "supersededByBatchId")
  VALUES (OLD."id", OLD."activityId", OLD."participantId", OLD."importBatchId", OLD."sourceRow", (SELECT coalesce(max("id"), 0) FROM "ImportBatch"));
END;
