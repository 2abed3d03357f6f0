-- DropIndex
DROP INDEX "Attendance_participantId_idx";

