-- CreateEnum
CREATE TYPE "PointsKind" AS ENUM ('GRANT_REPAIR', 'GRANT_REFERRER', 'GRANT_REFERRED', 'REDEMPTION', 'ADJUSTMENT');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "referredByCustomerId" UUID;

-- AlterTable
ALTER TABLE "BusinessSettings" ADD COLUMN     "rewardsCentsPer100Points" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "rewardsCheckedAt" TIMESTAMP(3),
ADD COLUMN     "rewardsEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "rewardsMissingGrants" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rewardsPointsPerRepair" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "rewardsReferredBonus" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "rewardsReferrerBonus" INTEGER NOT NULL DEFAULT 500,
ADD COLUMN     "rewardsSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "kind" "PointsKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "repairId" UUID,
    "referralCustomerId" UUID,
    "valueCents" INTEGER,
    "invoiceId" UUID,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PointsEntry_customerId_createdAt_idx" ON "PointsEntry"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_referredByCustomerId_fkey" FOREIGN KEY ("referredByCustomerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_referralCustomerId_fkey" FOREIGN KEY ("referralCustomerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A repair's grant and each referral's two bonuses pay at most once, whatever races (grants
-- go in with ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX "PointsEntry_repair_grant_once" ON "PointsEntry"("repairId") WHERE "kind" = 'GRANT_REPAIR';
CREATE UNIQUE INDEX "PointsEntry_referrer_bonus_once" ON "PointsEntry"("referralCustomerId") WHERE "kind" = 'GRANT_REFERRER';
CREATE UNIQUE INDEX "PointsEntry_referred_bonus_once" ON "PointsEntry"("customerId") WHERE "kind" = 'GRANT_REFERRED';
-- Redemptions waiting for the next invoice.
CREATE INDEX "PointsEntry_pending_redemptions" ON "PointsEntry"("customerId") WHERE "kind" = 'REDEMPTION' AND "invoiceId" IS NULL;

ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_points_sign" CHECK (
  CASE "kind"
    WHEN 'REDEMPTION' THEN "points" < 0 AND "valueCents" > 0
    WHEN 'ADJUSTMENT' THEN "points" <> 0
    ELSE "points" >= 0
  END
);
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_not_self_referred" CHECK ("referredByCustomerId" <> "id");

-- Rewards count as switched on from this migration: the points check does not report repairs
-- completed before the ledger existed.
INSERT INTO "BusinessSettings" ("id", "rewardsSince", "updatedAt") VALUES (1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT ("id") DO UPDATE SET "rewardsSince" = CURRENT_TIMESTAMP;
