-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

