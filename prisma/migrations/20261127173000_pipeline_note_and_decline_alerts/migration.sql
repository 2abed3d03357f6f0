-- AlterTable
ALTER TABLE "PipelineRun" ADD COLUMN "note" TEXT;

-- CreateTable
CREATE TABLE "DeclineAlert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "community" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "since" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "firstRunId" INTEGER NOT NULL,
    "lastRunId" INTEGER NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DeclineAlertObservation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "alertId" INTEGER NOT NULL,
    "runId" INTEGER NOT NULL,
    "lastWeek" TEXT NOT NULL,
    "observed" REAL NOT NULL,
    "expected" REAL NOT NULL,
    "drop" REAL NOT NULL,
    "pValue" REAL NOT NULL,
    "baselineKind" TEXT NOT NULL,
    "sentencePl" TEXT NOT NULL,
    "sentenceEn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeclineAlertObservation_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "DeclineAlert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeclineAlert_community_groupCode_measure_status_idx" ON "DeclineAlert"("community", "groupCode", "measure", "status");

-- CreateIndex
CREATE INDEX "DeclineAlertObservation_alertId_idx" ON "DeclineAlertObservation"("alertId");

