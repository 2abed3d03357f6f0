-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" INTEGER,
    "status" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "fileNames" JSONB NOT NULL,
    "progress" JSONB,
    "files" JSONB,
    "errorCode" TEXT,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "ImportJob_status_idx" ON "ImportJob"("status");

