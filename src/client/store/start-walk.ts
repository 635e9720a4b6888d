// Starting a walk at a customer's lot, offline: the local walk and its walk.start mutation in
// one transaction. A scheduled walk keeps its server id; starting it twice changes nothing.
import type { GpsFix } from "./capture-repair";
import type { LocalWalk, RsDb } from "./db";
import { outboxEntry } from "./outbox";

export type StartWalkDraft = {
  customerId: string;
  /** The prepared (scheduled or already started) walk's id; none for an unscheduled visit. */
  walkId?: string;
  gps?: GpsFix;
};

export async function startWalk(db: RsDb, draft: StartWalkDraft, now = new Date()): Promise<LocalWalk> {
  const id = draft.walkId ?? crypto.randomUUID();
  return db.transaction("rw", [db.localWalks, db.outbox], async () => {
    const existing = await db.localWalks.get(id);
    if (existing) return existing;
    const walk: LocalWalk = {
      id,
      customerId: draft.customerId,
      status: "IN_PROGRESS",
      startedAt: now,
      ...(draft.gps
        ? { latitude: draft.gps.latitude, longitude: draft.gps.longitude, accuracyM: draft.gps.accuracyM }
        : {}),
      startSync: "queued",
    };
    await db.localWalks.add(walk);
    await db.outbox.add(
      outboxEntry(
        id,
        {
          type: "walk.start",
          payload: {
            id,
            customerId: draft.customerId,
            startedAt: now,
            ...(draft.gps
              ? { latitude: draft.gps.latitude, longitude: draft.gps.longitude, accuracyM: draft.gps.accuracyM }
              : {}),
          },
        },
        now,
      ),
    );
    return walk;
  });
}
