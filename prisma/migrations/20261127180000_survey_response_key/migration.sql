-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SurveyResponse" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "surveyId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "participantId" INTEGER,
    "importBatchId" INTEGER NOT NULL,
    "sourceRow" INTEGER NOT NULL,
    "responseKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Responses stored before keys existed keep a unique key of their own (they are not deduplicated).
INSERT INTO "new_SurveyResponse" ("communityId", "createdAt", "date", "id", "importBatchId", "participantId", "sourceRow", "surveyId", "responseKey") SELECT "communityId", "createdAt", "date", "id", "importBatchId", "participantId", "sourceRow", "surveyId", 'legacy-' || "id" FROM "SurveyResponse";
DROP TABLE "SurveyResponse";
ALTER TABLE "new_SurveyResponse" RENAME TO "SurveyResponse";
CREATE UNIQUE INDEX "SurveyResponse_responseKey_key" ON "SurveyResponse"("responseKey");
CREATE INDEX "SurveyResponse_surveyId_date_idx" ON "SurveyResponse"("surveyId", "date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

