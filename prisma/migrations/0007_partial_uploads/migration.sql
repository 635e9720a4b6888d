-- CreateTable
CREATE TABLE "PartialUpload" (
    "attachmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "receivedBytes" INTEGER NOT NULL DEFAULT 0,
    "content" BYTEA NOT NULL DEFAULT '\x',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartialUpload_pkey" PRIMARY KEY ("attachmentId")
);

-- CreateIndex
CREATE INDEX "PartialUpload_userId_idx" ON "PartialUpload"("userId");

-- CreateIndex
CREATE INDEX "PartialUpload_updatedAt_idx" ON "PartialUpload"("updatedAt");

-- AddForeignKey
ALTER TABLE "PartialUpload" ADD CONSTRAINT "PartialUpload_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Unfinished uploads were kept per sha256, where another uploader could reset them; they are
-- now kept per attachment. The devices start those files again from 0 (the server says so).
DELETE FROM "StoredBlob" WHERE "completedAt" IS NULL;
