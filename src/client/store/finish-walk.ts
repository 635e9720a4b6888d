// Ending a walk: the signed summary (exactly what the contact saw), the signature blob and the
// walk.finish mutation, in one transaction. Repairs still queued travel before it (outbox order).
import type { SignedSummary } from "../sync/contract";
import type { GpsFix } from "./capture-repair";
import { type CapturedFile, assertAcceptable, attachmentRows } from "./captured-file";
import type { LocalWalk, RsDb } from "./db";
import { outboxEntry } from "./outbox";

export type FinishWalkDraft = {
  walkId: string;
  siteContactName: string;
  signedSummary: SignedSummary;
  signature: CapturedFile;
  gps?: GpsFix;
};

export class FinishRefused extends Error {}

export async function finishWalk(db: RsDb, draft: FinishWalkDraft, now = new Date()): Promise<LocalWalk> {
  const contact = draft.siteContactName.trim();
  if (!contact) throw new FinishRefused("Enter the name of the site contact who signs.");
  assertAcceptable("SIGNATURE", draft.signature);
  const { row, content, meta } = attachmentRows(
    { ownerType: "walk", ownerId: draft.walkId },
    "SIGNATURE",
    draft.signature,
  );

  return db.transaction("rw", [db.localWalks, db.blobs, db.blobContent, db.outbox], async () => {
    const walk = await db.localWalks.get(draft.walkId);
    if (!walk) throw new FinishRefused("This walk was not started on this device.");
    if (walk.status === "FINISHED") return walk;
    const gps = draft.gps
      ? { latitude: draft.gps.latitude, longitude: draft.gps.longitude, accuracyM: draft.gps.accuracyM }
      : {};
    const finished: LocalWalk = {
      ...walk,
      status: "FINISHED",
      endedAt: now,
      siteContactName: contact,
      signedSummary: draft.signedSummary,
      signatureAttachmentId: meta.id,
      finishSync: "queued",
    };
    await db.blobs.add(row);
    await db.blobContent.add(content);
    await db.localWalks.put(finished);
    await db.outbox.add(
      outboxEntry(
        walk.id,
        {
          type: "walk.finish",
          payload: {
            walkId: walk.id,
            endedAt: now,
            ...gps,
            siteContactName: contact,
            signedSummary: draft.signedSummary,
            signature: meta,
          },
        },
        now,
      ),
    );
    return finished;
  });
}
