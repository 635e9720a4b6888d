-- CreateTable
CREATE TABLE "OfflineCopy" (
    "technicianId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "settingsVersion" INTEGER NOT NULL,
    "pricingVersion" INTEGER NOT NULL,
    "preparedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfflineCopy_pkey" PRIMARY KEY ("technicianId","customerId")
);

-- CreateIndex
CREATE INDEX "OfflineCopy_customerId_idx" ON "OfflineCopy"("customerId");

-- AddForeignKey
ALTER TABLE "OfflineCopy" ADD CONSTRAINT "OfflineCopy_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfflineCopy" ADD CONSTRAINT "OfflineCopy_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

