-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'TECHNICIAN', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "ServiceMode" AS ENUM ('SCHEDULED', 'ON_CALL', 'HYBRID');

-- CreateEnum
CREATE TYPE "PaymentTerms" AS ENUM ('NET_30', 'NET_60', 'PREPAID');

-- CreateEnum
CREATE TYPE "WalkFrequency" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "RepairStatus" AS ENUM ('REQUESTED', 'PENDING_APPROVAL', 'APPROVED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'INVOICED', 'CLOSED', 'DENIED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RepairOrigin" AS ENUM ('LOT_WALK', 'CUSTOMER_REQUEST', 'STAFF');

-- CreateEnum
CREATE TYPE "DamageType" AS ENUM ('CHIP', 'CRACK', 'STAR_BREAK', 'BULLS_EYE', 'COMBINATION_BREAK', 'HALF_MOON', 'OTHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ResinViscosity" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "PriceSource" AS ENUM ('DEFAULT_TIER', 'CUSTOM_TIER', 'VOLUME_DISCOUNT', 'OVERRIDE');

-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('AUTO', 'MANUAL', 'REQUEST');

-- CreateEnum
CREATE TYPE "WalkStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('PHOTO', 'VOICE', 'SIGNATURE');

-- CreateEnum
CREATE TYPE "PhotoStage" AS ENUM ('DAMAGE', 'AFTER');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Technician" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "phone" TEXT,
    "isManager" BOOLEAN NOT NULL DEFAULT false,
    "approvalLimitCents" INTEGER,
    "canAssignWork" BOOLEAN NOT NULL DEFAULT false,
    "canOverridePricing" BOOLEAN NOT NULL DEFAULT false,
    "customerRating" DECIMAL(3,2),
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "workingHours" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Technician_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "contactEmail" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "fleetSize" INTEGER NOT NULL DEFAULT 0,
    "lotWalkingEnabled" BOOLEAN NOT NULL DEFAULT false,
    "lotWalkingSchedule" JSONB NOT NULL DEFAULT '{}',
    "lotWalkingFrequency" "WalkFrequency" NOT NULL DEFAULT 'WEEKLY',
    "lotWalkingTime" TEXT,
    "autoApproveLotRepairs" BOOLEAN NOT NULL DEFAULT false,
    "maxAutoApproveCents" INTEGER NOT NULL DEFAULT 10000,
    "requirePhotoForApproval" BOOLEAN NOT NULL DEFAULT true,
    "serviceMode" "ServiceMode" NOT NULL DEFAULT 'ON_CALL',
    "paymentTerms" "PaymentTerms" NOT NULL DEFAULT 'NET_30',
    "settingsVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerUser" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "isPrimaryContact" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerPricing" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "useCustomPricing" BOOLEAN NOT NULL DEFAULT false,
    "repair1Cents" INTEGER,
    "repair2Cents" INTEGER,
    "repair3Cents" INTEGER,
    "repair4Cents" INTEGER,
    "repair5PlusCents" INTEGER,
    "volumeDiscountThreshold" INTEGER NOT NULL DEFAULT 10,
    "volumeDiscountBasisPoints" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerPricing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "unitNumber" TEXT NOT NULL,
    "vin" TEXT,
    "make" TEXT,
    "model" TEXT,
    "year" INTEGER,
    "windshieldSeq" INTEGER NOT NULL DEFAULT 1,
    "windshieldReplacedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotWalk" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "technicianId" UUID NOT NULL,
    "status" "WalkStatus" NOT NULL DEFAULT 'SCHEDULED',
    "scheduledFor" DATE,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "startLatitude" DOUBLE PRECISION,
    "startLongitude" DOUBLE PRECISION,
    "startAccuracyM" DOUBLE PRECISION,
    "endLatitude" DOUBLE PRECISION,
    "endLongitude" DOUBLE PRECISION,
    "endAccuracyM" DOUBLE PRECISION,
    "siteContactName" TEXT,
    "signedSummary" JSONB,
    "signedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LotWalk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Repair" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "windshieldSeq" INTEGER NOT NULL,
    "walkId" UUID,
    "technicianId" UUID,
    "origin" "RepairOrigin" NOT NULL,
    "status" "RepairStatus" NOT NULL,
    "jobId" UUID,
    "breakIndex" INTEGER NOT NULL DEFAULT 0,
    "damageType" "DamageType" NOT NULL,
    "damagePosition" TEXT,
    "customerNotes" TEXT NOT NULL DEFAULT '',
    "technicianNotes" TEXT NOT NULL DEFAULT '',
    "drilledBeforeRepair" BOOLEAN,
    "windshieldTemperatureC" DOUBLE PRECISION,
    "resinViscosity" "ResinViscosity",
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "gpsAccuracyM" DOUBLE PRECISION,
    "capturedAt" TIMESTAMP(3),
    "estimateCents" INTEGER,
    "estimateOrdinal" INTEGER,
    "estimateSource" "PriceSource",
    "deviceEstimateCents" INTEGER,
    "deviceAutoApproved" BOOLEAN,
    "flaggedReason" TEXT,
    "priceCents" INTEGER,
    "tierOrdinal" INTEGER,
    "priceSource" "PriceSource",
    "pricingVersion" INTEGER,
    "overrideCents" INTEGER,
    "overrideReason" TEXT,
    "overriddenById" UUID,
    "overriddenAt" TIMESTAMP(3),
    "approvalKind" "ApprovalKind",
    "approvalRule" TEXT,
    "approvalReason" TEXT,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "deniedById" UUID,
    "deniedAt" TIMESTAMP(3),
    "denialReason" TEXT,
    "cancelledById" UUID,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "invoicedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Repair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "repairId" UUID,
    "walkId" UUID,
    "kind" "AttachmentKind" NOT NULL,
    "photoStage" "PhotoStage",
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredBlob" (
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "receivedBytes" INTEGER NOT NULL DEFAULT 0,
    "content" BYTEA,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredBlob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_Team" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_Team_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_PreferredTechnicians" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_PreferredTechnicians_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_BlockedTechnicians" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_BlockedTechnicians_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Technician_userId_key" ON "Technician"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerUser_userId_key" ON "CustomerUser"("userId");

-- CreateIndex
CREATE INDEX "CustomerUser_customerId_idx" ON "CustomerUser"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerPricing_customerId_key" ON "CustomerPricing"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_customerId_unitNumber_key" ON "Unit"("customerId", "unitNumber");

-- CreateIndex
CREATE INDEX "LotWalk_technicianId_scheduledFor_idx" ON "LotWalk"("technicianId", "scheduledFor");

-- CreateIndex
CREATE INDEX "LotWalk_customerId_scheduledFor_idx" ON "LotWalk"("customerId", "scheduledFor");

-- CreateIndex
CREATE INDEX "Repair_customerId_status_idx" ON "Repair"("customerId", "status");

-- CreateIndex
CREATE INDEX "Repair_technicianId_status_idx" ON "Repair"("technicianId", "status");

-- CreateIndex
CREATE INDEX "Repair_status_updatedAt_idx" ON "Repair"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Repair_customerId_completedAt_idx" ON "Repair"("customerId", "completedAt");

-- CreateIndex
CREATE INDEX "Repair_walkId_idx" ON "Repair"("walkId");

-- CreateIndex
CREATE UNIQUE INDEX "Repair_unitId_windshieldSeq_tierOrdinal_key" ON "Repair"("unitId", "windshieldSeq", "tierOrdinal");

-- CreateIndex
CREATE INDEX "Attachment_repairId_idx" ON "Attachment"("repairId");

-- CreateIndex
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "_Team_B_index" ON "_Team"("B");

-- CreateIndex
CREATE INDEX "_PreferredTechnicians_B_index" ON "_PreferredTechnicians"("B");

-- CreateIndex
CREATE INDEX "_BlockedTechnicians_B_index" ON "_BlockedTechnicians"("B");

-- AddForeignKey
ALTER TABLE "Technician" ADD CONSTRAINT "Technician_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerUser" ADD CONSTRAINT "CustomerUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerUser" ADD CONSTRAINT "CustomerUser_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerPricing" ADD CONSTRAINT "CustomerPricing_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotWalk" ADD CONSTRAINT "LotWalk_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotWalk" ADD CONSTRAINT "LotWalk_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Technician"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repair" ADD CONSTRAINT "Repair_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repair" ADD CONSTRAINT "Repair_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repair" ADD CONSTRAINT "Repair_walkId_fkey" FOREIGN KEY ("walkId") REFERENCES "LotWalk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repair" ADD CONSTRAINT "Repair_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Technician"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_walkId_fkey" FOREIGN KEY ("walkId") REFERENCES "LotWalk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_Team" ADD CONSTRAINT "_Team_A_fkey" FOREIGN KEY ("A") REFERENCES "Technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_Team" ADD CONSTRAINT "_Team_B_fkey" FOREIGN KEY ("B") REFERENCES "Technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PreferredTechnicians" ADD CONSTRAINT "_PreferredTechnicians_A_fkey" FOREIGN KEY ("A") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PreferredTechnicians" ADD CONSTRAINT "_PreferredTechnicians_B_fkey" FOREIGN KEY ("B") REFERENCES "Technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_BlockedTechnicians" ADD CONSTRAINT "_BlockedTechnicians_A_fkey" FOREIGN KEY ("A") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_BlockedTechnicians" ADD CONSTRAINT "_BlockedTechnicians_B_fkey" FOREIGN KEY ("B") REFERENCES "Technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

