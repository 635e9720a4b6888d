-- CreateTable
CREATE TABLE "RepairChange" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "repairId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepairChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RepairChange_repairId_idx" ON "RepairChange"("repairId");

-- AddForeignKey
ALTER TABLE "RepairChange" ADD CONSTRAINT "RepairChange_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

