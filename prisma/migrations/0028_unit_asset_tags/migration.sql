-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "damageMarks" JSONB;

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "assetTag" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Unit_customerId_assetTag_key" ON "Unit"("customerId", "assetTag");


-- An asset tag is stored as normalizeAssetTag (src/domain/asset-tag.ts) spells it, so the unique
-- index compares what a scanner reads, whatever the case or spaces printed on the sticker.
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_assetTag_normalized"
  CHECK ("assetTag" IS NULL OR "assetTag" ~ '^[A-Z0-9._/:#+-]{1,40}$');
