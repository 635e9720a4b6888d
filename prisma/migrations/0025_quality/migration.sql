-- AlterEnum
ALTER TYPE "PriceSource" ADD VALUE 'WARRANTY';

-- AlterTable
ALTER TABLE "Repair" ADD COLUMN     "warrantyOfId" UUID;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "photoHash" BIGINT;

-- AlterTable
ALTER TABLE "BusinessSettings" ADD COLUMN     "qualitySettings" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "WarrantyClaim" (
    "id" UUID NOT NULL,
    "repairId" UUID NOT NULL,
    "followUpId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "openedById" UUID NOT NULL,
    "warrantyEndsOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WarrantyClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "walkId" UUID,
    "repairId" UUID,
    "technicianId" UUID,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "lastMessage" TEXT,
    "answeredAt" TIMESTAMP(3),
    "stars" INTEGER,
    "comment" TEXT,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerReview" (
    "id" UUID NOT NULL,
    "repairId" UUID NOT NULL,
    "technicianId" UUID NOT NULL,
    "drawnOn" TEXT NOT NULL,
    "reviewerUserId" UUID,
    "photoQuality" INTEGER,
    "repairQuality" INTEGER,
    "notes" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeerReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingFlag" (
    "id" UUID NOT NULL,
    "technicianId" UUID NOT NULL,
    "reasons" JSONB NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WarrantyClaim_followUpId_key" ON "WarrantyClaim"("followUpId");

-- CreateIndex
CREATE INDEX "WarrantyClaim_repairId_idx" ON "WarrantyClaim"("repairId");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_eventId_key" ON "Survey"("eventId");

-- CreateIndex
CREATE INDEX "Survey_technicianId_answeredAt_idx" ON "Survey"("technicianId", "answeredAt");

-- CreateIndex
CREATE INDEX "Survey_answeredAt_sentAt_idx" ON "Survey"("answeredAt", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "PeerReview_repairId_key" ON "PeerReview"("repairId");

-- CreateIndex
CREATE INDEX "PeerReview_reviewedAt_drawnOn_idx" ON "PeerReview"("reviewedAt", "drawnOn");

-- CreateIndex
CREATE INDEX "PeerReview_technicianId_reviewedAt_idx" ON "PeerReview"("technicianId", "reviewedAt");

-- CreateIndex
CREATE INDEX "TrainingFlag_technicianId_clearedAt_idx" ON "TrainingFlag"("technicianId", "clearedAt");

-- CreateIndex
CREATE INDEX "Repair_warrantyOfId_idx" ON "Repair"("warrantyOfId");

-- CreateIndex
CREATE INDEX "Attachment_photoHash_idx" ON "Attachment"("photoHash");

-- AddForeignKey
ALTER TABLE "WarrantyClaim" ADD CONSTRAINT "WarrantyClaim_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

