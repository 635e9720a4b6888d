-- AlterTable
ALTER TABLE "Repair" ADD COLUMN     "flagResolutionNote" TEXT,
ADD COLUMN     "flagResolvedAt" TIMESTAMP(3),
ADD COLUMN     "flagResolvedById" UUID;

