-- DropIndex
DROP INDEX "AnalyticsDay_technicianId_day_idx";

-- AlterTable
ALTER TABLE "AnalyticsDay" DROP CONSTRAINT "AnalyticsDay_pkey",
ADD COLUMN     "monthly" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "AnalyticsDay_pkey" PRIMARY KEY ("monthly", "day", "technicianId");

-- DropTable
DROP TABLE "AnalyticsDayMix";

-- CreateTable
CREATE TABLE "AnalyticsCustomerSpan" (
    "monthly" BOOLEAN NOT NULL DEFAULT false,
    "day" DATE NOT NULL,
    "technicianId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "repairs" INTEGER NOT NULL,
    "revenueCents" BIGINT NOT NULL,

    CONSTRAINT "AnalyticsCustomerSpan_pkey" PRIMARY KEY ("monthly","day","technicianId","customerId")
);

-- CreateTable
CREATE TABLE "AnalyticsTypeSpan" (
    "monthly" BOOLEAN NOT NULL DEFAULT false,
    "day" DATE NOT NULL,
    "technicianId" UUID NOT NULL,
    "damageType" "DamageType" NOT NULL,
    "repairs" INTEGER NOT NULL,

    CONSTRAINT "AnalyticsTypeSpan_pkey" PRIMARY KEY ("monthly","day","technicianId","damageType")
);

-- CreateTable
CREATE TABLE "AnalyticsHourSpan" (
    "monthly" BOOLEAN NOT NULL DEFAULT false,
    "day" DATE NOT NULL,
    "technicianId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "repairs" INTEGER NOT NULL,

    CONSTRAINT "AnalyticsHourSpan_pkey" PRIMARY KEY ("monthly","day","technicianId","weekday","hour")
);

-- CreateTable
CREATE TABLE "AnalyticsGeoSpan" (
    "monthly" BOOLEAN NOT NULL DEFAULT false,
    "day" DATE NOT NULL,
    "technicianId" UUID NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "repairs" INTEGER NOT NULL,

    CONSTRAINT "AnalyticsGeoSpan_pkey" PRIMARY KEY ("monthly","day","technicianId","latitude","longitude")
);

-- CreateIndex
CREATE INDEX "AnalyticsCustomerSpan_technicianId_monthly_day_idx" ON "AnalyticsCustomerSpan"("technicianId", "monthly", "day");

-- CreateIndex
CREATE INDEX "AnalyticsCustomerSpan_customerId_monthly_day_idx" ON "AnalyticsCustomerSpan"("customerId", "monthly", "day");

-- CreateIndex
CREATE INDEX "AnalyticsTypeSpan_technicianId_monthly_day_idx" ON "AnalyticsTypeSpan"("technicianId", "monthly", "day");

-- CreateIndex
CREATE INDEX "AnalyticsHourSpan_technicianId_monthly_day_idx" ON "AnalyticsHourSpan"("technicianId", "monthly", "day");

-- CreateIndex
CREATE INDEX "AnalyticsGeoSpan_technicianId_monthly_day_idx" ON "AnalyticsGeoSpan"("technicianId", "monthly", "day");

-- CreateIndex
CREATE INDEX "AnalyticsDay_technicianId_monthly_day_idx" ON "AnalyticsDay"("technicianId", "monthly", "day");


-- The next refresh rebuilds every rollup (month rows and the new tables) from the repairs.
DELETE FROM "AnalyticsDay";
UPDATE "AnalyticsRollupState" SET watermark = NULL;
