-- CreateEnum
CREATE TYPE "PartsUrgency" AS ENUM ('ROUTINE', 'URGENT');

-- CreateEnum
CREATE TYPE "PartsRequestStatus" AS ENUM ('REQUESTED', 'ACKNOWLEDGED', 'FULFILLED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Repair" ADD COLUMN     "checklist" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "followUpOfId" UUID,
ADD COLUMN     "templateId" UUID,
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "urgentAt" TIMESTAMP(3),
ADD COLUMN     "urgentById" UUID;

-- CreateTable
CREATE TABLE "PartsRequest" (
    "id" UUID NOT NULL,
    "repairId" UUID NOT NULL,
    "item" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "urgency" "PartsUrgency" NOT NULL DEFAULT 'ROUTINE',
    "status" "PartsRequestStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" UUID NOT NULL,
    "acknowledgedById" UUID,
    "acknowledgedAt" TIMESTAMP(3),
    "fulfilledById" UUID,
    "fulfilledAt" TIMESTAMP(3),
    "cancelledById" UUID,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartsRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalInboxEntry" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "repairId" UUID NOT NULL,
    "sentById" UUID NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT NOT NULL DEFAULT '',
    "content" JSONB NOT NULL,

    CONSTRAINT "PortalInboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TechnicianFavoriteCustomer" (
    "technicianId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TechnicianFavoriteCustomer_pkey" PRIMARY KEY ("technicianId","customerId")
);

-- CreateTable
CREATE TABLE "RepairTemplate" (
    "id" UUID NOT NULL,
    "ownerTechnicianId" UUID,
    "name" TEXT NOT NULL,
    "damageType" "DamageType" NOT NULL,
    "damagePosition" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "checklist" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepairTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartsRequest_repairId_idx" ON "PartsRequest"("repairId");

-- CreateIndex
CREATE INDEX "PartsRequest_status_createdAt_idx" ON "PartsRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PortalInboxEntry_customerId_sentAt_idx" ON "PortalInboxEntry"("customerId", "sentAt");

-- CreateIndex
CREATE INDEX "PortalInboxEntry_repairId_idx" ON "PortalInboxEntry"("repairId");

-- CreateIndex
CREATE INDEX "RepairTemplate_ownerTechnicianId_idx" ON "RepairTemplate"("ownerTechnicianId");

-- CreateIndex
CREATE INDEX "Repair_followUpOfId_idx" ON "Repair"("followUpOfId");

-- AddForeignKey
ALTER TABLE "Repair" ADD CONSTRAINT "Repair_followUpOfId_fkey" FOREIGN KEY ("followUpOfId") REFERENCES "Repair"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartsRequest" ADD CONSTRAINT "PartsRequest_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalInboxEntry" ADD CONSTRAINT "PortalInboxEntry_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalInboxEntry" ADD CONSTRAINT "PortalInboxEntry_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechnicianFavoriteCustomer" ADD CONSTRAINT "TechnicianFavoriteCustomer_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechnicianFavoriteCustomer" ADD CONSTRAINT "TechnicianFavoriteCustomer_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairTemplate" ADD CONSTRAINT "RepairTemplate_ownerTechnicianId_fkey" FOREIGN KEY ("ownerTechnicianId") REFERENCES "Technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A parts request asks for 1 to 999 of something (src/domain/quick-actions.ts); the database holds the same rule.
ALTER TABLE "PartsRequest" ADD CONSTRAINT "PartsRequest_quantity_range" CHECK ("quantity" BETWEEN 1 AND 999);
