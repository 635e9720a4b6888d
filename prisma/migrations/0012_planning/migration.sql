-- CreateEnum
CREATE TYPE "WalkOrigin" AS ENUM ('SCHEDULE', 'ONE_OFF', 'UNSCHEDULED');

-- DropForeignKey
ALTER TABLE "LotWalk" DROP CONSTRAINT "LotWalk_technicianId_fkey";

-- AlterTable
ALTER TABLE "Technician" ADD COLUMN     "baseLatitude" DOUBLE PRECISION,
ADD COLUMN     "baseLongitude" DOUBLE PRECISION,
ADD COLUMN     "lastLatitude" DOUBLE PRECISION,
ADD COLUMN     "lastLongitude" DOUBLE PRECISION,
ADD COLUMN     "lastPositionAt" TIMESTAMP(3),
ADD COLUMN     "skills" "DamageType"[] DEFAULT ARRAY[]::"DamageType"[];

-- AlterTable
ALTER TABLE "LotWalk" ADD COLUMN     "assignmentReasons" JSONB,
ADD COLUMN     "changedByHandAt" TIMESTAMP(3),
ADD COLUMN     "origin" "WalkOrigin" NOT NULL DEFAULT 'UNSCHEDULED',
ADD COLUMN     "scheduleKey" TEXT,
ADD COLUMN     "scheduledTime" TEXT,
ADD COLUMN     "siteId" UUID,
ALTER COLUMN "technicianId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Repair" ADD COLUMN     "assignmentReasons" JSONB,
ADD COLUMN     "siteId" UUID;

-- CreateTable
CREATE TABLE "CustomerSite" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusinessSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "assignmentWeights" JSONB NOT NULL DEFAULT '{"workload": 0.3, "distance": 0.3, "expertise": 0.2, "history": 0.1, "availability": 0.1}',
    "autoAssignRequests" BOOLEAN NOT NULL DEFAULT false,
    "averageSpeedKmh" INTEGER NOT NULL DEFAULT 40,
    "walkHorizonWeeks" INTEGER NOT NULL DEFAULT 4,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerSite_customerId_idx" ON "CustomerSite"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "LotWalk_scheduleKey_key" ON "LotWalk"("scheduleKey");

-- AddForeignKey
ALTER TABLE "CustomerSite" ADD CONSTRAINT "CustomerSite_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotWalk" ADD CONSTRAINT "LotWalk_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Technician"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotWalk" ADD CONSTRAINT "LotWalk_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "CustomerSite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repair" ADD CONSTRAINT "Repair_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "CustomerSite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

