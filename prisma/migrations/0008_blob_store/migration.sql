-- Bytes move out of bytea into the blob store (src/server/blobs). Rows stored before keep their
-- content until `npm run blobs:move` moves it; the app reads and resumes them meanwhile.

-- Uploads already open hold their bytes in "content": not in the store (false); new ones are (true).
ALTER TABLE "PartialUpload" ADD COLUMN     "inStore" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "PartialUpload" ALTER COLUMN "inStore" SET DEFAULT true;

-- The blob's key in the store: an internal id, never the sha256. NULL while its bytes are in "content".
ALTER TABLE "StoredBlob" ADD COLUMN     "storeKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "StoredBlob_storeKey_key" ON "StoredBlob"("storeKey");
