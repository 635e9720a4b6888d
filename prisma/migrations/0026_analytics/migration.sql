-- AlterTable
ALTER TABLE "BusinessSettings" ADD COLUMN     "materialsCostCentsPerRepair" INTEGER NOT NULL DEFAULT 500,
ADD COLUMN     "technicianHourlyCostCents" INTEGER NOT NULL DEFAULT 3500;

-- CreateTable
CREATE TABLE "UnitRisk" (
    "unitId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "windshieldSeq" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "repairs" INTEGER NOT NULL,
    "mtbfDays" DOUBLE PRECISION,
    "nextLikelyRepairOn" DATE,
    "recommendedInspectionOn" DATE,
    "alertedAt" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitRisk_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "AnalyticsDay" (
    "day" DATE NOT NULL,
    "technicianId" UUID NOT NULL,
    "repairs" INTEGER NOT NULL,
    "revenueCents" BIGINT NOT NULL,
    "started" INTEGER NOT NULL,
    "workedMinutes" DOUBLE PRECISION NOT NULL,
    "requests" INTEGER NOT NULL,
    "responseMinutes" DOUBLE PRECISION NOT NULL,
    "callbacks" INTEGER NOT NULL,

    CONSTRAINT "AnalyticsDay_pkey" PRIMARY KEY ("day","technicianId")
);

-- CreateTable
CREATE TABLE "AnalyticsDayMix" (
    "day" DATE NOT NULL,
    "damageType" "DamageType" NOT NULL,
    "hour" INTEGER NOT NULL,
    "repairs" INTEGER NOT NULL,

    CONSTRAINT "AnalyticsDayMix_pkey" PRIMARY KEY ("day","damageType","hour")
);

-- CreateTable
CREATE TABLE "AnalyticsRollupState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "watermark" TIMESTAMP(3),
    "refreshedAt" TIMESTAMP(3),

    CONSTRAINT "AnalyticsRollupState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitRisk_score_idx" ON "UnitRisk"("score");

-- CreateIndex
CREATE INDEX "UnitRisk_customerId_score_idx" ON "UnitRisk"("customerId", "score");

-- CreateIndex
CREATE INDEX "AnalyticsDay_technicianId_day_idx" ON "AnalyticsDay"("technicianId", "day");

-- CreateIndex
CREATE INDEX "Repair_completedAt_idx" ON "Repair"("completedAt");

-- CreateIndex
CREATE INDEX "Repair_technicianId_completedAt_idx" ON "Repair"("technicianId", "completedAt");

-- CreateIndex
CREATE INDEX "Repair_unitId_windshieldSeq_completedAt_idx" ON "Repair"("unitId", "windshieldSeq", "completedAt");

-- CreateIndex
CREATE INDEX "Invoice_issuedOn_idx" ON "Invoice"("issuedOn");

