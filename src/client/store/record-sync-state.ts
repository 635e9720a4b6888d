// A record counts as synced only when the server confirmed it and every one of its attachments.
import type { RsDb, SyncState } from "./db";

/** sent or synced, from the record's attachments; call inside a transaction that includes blobs. */
export async function settledState(db: RsDb, ownerId: string): Promise<SyncState> {
  const blobs = await db.blobs.where("ownerId").equals(ownerId).toArray();
  return blobs.every((b) => b.confirmed === 1) ? "synced" : "sent";
}

/** After an attachment is confirmed: promote its owner from sent to synced when it was the last one. */
export async function settleOwner(db: RsDb, ownerType: "repair" | "walk", ownerId: string): Promise<void> {
  if (ownerType === "repair") {
    const repair = await db.localRepairs.get(ownerId);
    if (repair?.sync === "sent") await db.localRepairs.update(ownerId, { sync: await settledState(db, ownerId) });
    return;
  }
  const walk = await db.localWalks.get(ownerId);
  if (walk?.finishSync === "sent") await db.localWalks.update(ownerId, { finishSync: await settledState(db, ownerId) });
}
