-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "pairedWithId" UUID;

-- CreateIndex
CREATE INDEX "Attachment_pairedWithId_idx" ON "Attachment"("pairedWithId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_pairedWithId_fkey" FOREIGN KEY ("pairedWithId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

