-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "completionChecklist" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Repair" ADD COLUMN     "completionChecklist" JSONB;

