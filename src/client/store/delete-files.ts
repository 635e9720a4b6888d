// A record's files go with it: their upload state and their bytes, in the caller's transaction
// (which must include db.blobs and db.blobContent).
import type { RsDb } from "./db";

export async function deleteFilesOf(db: RsDb, ownerIds: string[]): Promise<void> {
  const ids = await db.blobs.where("ownerId").anyOf(ownerIds).primaryKeys();
  await Promise.all([db.blobContent.bulkDelete(ids), db.blobs.bulkDelete(ids)]);
}
