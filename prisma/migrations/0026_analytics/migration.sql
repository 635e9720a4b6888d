-- AlterTable
ALTER TABLE "BusinessSettings" ADD COLUMN     "materialsCostCentsPerRepair" INTEGER NOT NULL DEFAULT 500,
ADD COLUMN     "technicianHourlyCostCents" INTEGER NOT NULL DEFAULT 3500;

-- CreateTable
CREATE TABLE "UnitRiskAlert" (
    "unitId" UUID NOT NULL,
    "windshieldSeq" INTEGER NOT NULL,
    "customerId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitRiskAlert_pkey" PRIMARY KEY ("unitId","windshieldSeq")
);

-- CreateIndex
CREATE INDEX "UnitRiskAlert_customerId_idx" ON "UnitRiskAlert"("customerId");

-- CreateIndex
CREATE INDEX "Repair_completedAt_idx" ON "Repair"("completedAt");

-- CreateIndex
CREATE INDEX "Repair_technicianId_completedAt_idx" ON "Repair"("technicianId", "completedAt");

-- CreateIndex
CREATE INDEX "Repair_unitId_windshieldSeq_completedAt_idx" ON "Repair"("unitId", "windshieldSeq", "completedAt");

-- CreateIndex
CREATE INDEX "Invoice_issuedOn_idx" ON "Invoice"("issuedOn");

