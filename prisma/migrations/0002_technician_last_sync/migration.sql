-- AlterTable
ALTER TABLE "Technician" ADD COLUMN     "lastSyncAt" TIMESTAMP(3);

