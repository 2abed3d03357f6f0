-- AlterTable
ALTER TABLE "PipelineRun" ADD COLUMN "leaseExpiresAt" DATETIME;
