-- CreateIndex
CREATE INDEX "Activity_importBatchId_idx" ON "Activity"("importBatchId");

-- CreateIndex
CREATE INDEX "Participant_importBatchId_idx" ON "Participant"("importBatchId");

