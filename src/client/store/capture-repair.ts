// Saving a repair on the lot: the record, its photo and voice blobs, one outbox entry and the
// removal of its draft are written in ONE transaction, so a crash leaves either all of it or
// nothing. Files are checked and ids made before the transaction: only IndexedDB work inside it.
import { type NewUnitFacts, completionItemsFor, firstTextProblem, normalizeUnitNumber } from "~/domain";
import { type DeviceEstimate, deviceEstimate } from "../estimate/device-estimate";
import type { RepairCapturePayload } from "../sync/contract";
import { type CapturedFile, type CapturedPhoto, assertAcceptable, attachmentRows } from "./captured-file";
import type { BlobRow, LocalRepair, RsDb } from "./db";
import { estimateFactsFor } from "./estimate-facts";
import { outboxEntry } from "./outbox";
import { withoutUndefined } from "./without-undefined";

export type GpsFix = { latitude: number; longitude: number; accuracyM: number };

export type RepairDraft = {
  walkId: string;
  customerId: string;
  unitNumber: string;
  /** Breaks captured together on one unit share a job; breakIndex orders them from 0. */
  jobId: string;
  breakIndex: number;
  damageType: RepairCapturePayload["damageType"];
  damagePosition?: string;
  customerNotes?: string;
  technicianNotes?: string;
  drilledBeforeRepair?: boolean;
  windshieldTemperatureC?: number;
  resinViscosity?: RepairCapturePayload["resinViscosity"];
  gps?: GpsFix;
  photos: CapturedPhoto[];
  voice?: CapturedFile;
  completedOnSpot: boolean;
  /** Fixed on the spot: the completion checklist's items ticked on the form (the server checks them). */
  checklist?: Array<{ item: string; confirmedAt: Date }>;
  /** The unit draft this capture comes from: removed in the same transaction that queues it. */
  fromDraftId?: string;
  /** A template applied when capturing: the server gives the repair its checklist. */
  templateId?: string;
  /** Read from a scanned VIN for a unit not in the fleet yet: sent only when the unit is new. */
  newUnit?: NewUnitFacts;
};

/** A capture the device refuses before queueing, with a sentence to show. */
export class CaptureRefused extends Error {}

export async function captureRepair(
  db: RsDb,
  draft: RepairDraft,
  now = new Date(),
): Promise<{ repair: LocalRepair; estimate: DeviceEstimate }> {
  const { unitNumber, damagePosition, customerNotes, technicianNotes } = draft;
  const textProblem = firstTextProblem({ unitNumber, damagePosition, customerNotes, technicianNotes });
  if (textProblem) throw new CaptureRefused(textProblem);
  for (const photo of draft.photos) assertAcceptable("PHOTO", photo);
  if (draft.voice) assertAcceptable("VOICE", draft.voice);
  const id = crypto.randomUUID();
  const owner = { ownerType: "repair" as const, ownerId: id };
  const files = [
    ...draft.photos.map((photo) => attachmentRows(owner, "PHOTO", photo, photo.stage)),
    ...(draft.voice ? [attachmentRows(owner, "VOICE", draft.voice)] : []),
  ];

  return db.transaction(
    "rw",
    [
      db.localWalks,
      db.localRepairs,
      db.blobs,
      db.blobContent,
      db.outbox,
      db.snapshotCustomers,
      db.snapshotUnits,
      db.meta,
      db.drafts,
      db.draftFiles,
    ],
    async () => {
      // Reads in parallel: each awaited one would cost a round trip to the storage process.
      const [walk, facts] = await Promise.all([
        db.localWalks.get(draft.walkId),
        estimateFactsFor(db, {
          customerId: draft.customerId,
          unitNumber: draft.unitNumber,
          breakIndex: draft.breakIndex,
          completedOnSpot: draft.completedOnSpot,
          hasDamagePhoto: draft.photos.some((p) => p.stage === "DAMAGE"),
          hasAfterPhoto: draft.photos.some((p) => p.stage === "AFTER"),
        }),
      ]);
      if (!walk || walk.status !== "IN_PROGRESS")
        throw new CaptureRefused("Start the walk on this device before capturing repairs.");
      const estimate = deviceEstimate(facts);
      if (draft.completedOnSpot && !estimate.fixNow.allowed)
        throw new CaptureRefused(`Cannot mark it fixed on the spot: ${estimate.fixNow.reason}.`);

      // Where the repair belongs: the same on the device's record and in what the server receives.
      const place = {
        id,
        walkId: draft.walkId,
        customerId: draft.customerId,
        unitNumber: facts.unit?.unitNumber ?? normalizeUnitNumber(draft.unitNumber),
        jobId: draft.jobId,
        breakIndex: draft.breakIndex,
      };
      const payload: RepairCapturePayload = {
        ...place,
        damageType: draft.damageType,
        customerNotes: draft.customerNotes ?? "",
        technicianNotes: draft.technicianNotes ?? "",
        ...withoutUndefined({
          damagePosition: draft.damagePosition?.trim() || undefined,
          drilledBeforeRepair: draft.drilledBeforeRepair,
          windshieldTemperatureC: draft.windshieldTemperatureC,
          resinViscosity: draft.resinViscosity,
          latitude: draft.gps?.latitude,
          longitude: draft.gps?.longitude,
          gpsAccuracyM: draft.gps?.accuracyM,
          templateId: draft.templateId,
          newUnit: facts.unit ? undefined : draft.newUnit,
        }),
        capturedAt: now,
        attachments: files.map((f) => f.meta),
        deviceEstimateCents: estimate.quote.cents,
        deviceAutoApproved: estimate.decision.autoApproved,
        ...(draft.completedOnSpot
          ? {
              completedOnSpot: { completedAt: now, ...(draft.checklist?.length ? { checklist: draft.checklist } : {}) },
            }
          : {}),
      };
      const repair: LocalRepair = {
        ...place,
        capturedAt: now,
        payload,
        deviceEstimateCents: estimate.quote.cents,
        deviceAutoApproved: estimate.decision.autoApproved ? 1 : 0,
        deviceDecisionReason: estimate.decision.reason,
        completedOnSpot: draft.completedOnSpot ? 1 : 0,
        attachmentIds: files.map((f) => f.meta.id),
        sync: "queued",
      };
      await Promise.all([
        db.blobs.bulkAdd(files.map((f): BlobRow => f.row)),
        db.blobContent.bulkAdd(files.map((f) => f.content)),
        db.localRepairs.add(repair),
        db.outbox.add(outboxEntry(id, { type: "repair.capture" }, now)),
        ...(draft.fromDraftId
          ? [db.draftFiles.where("draftId").equals(draft.fromDraftId).delete(), db.drafts.delete(draft.fromDraftId)]
          : []),
      ]);
      return { repair, estimate };
    },
  );
}

/**
 * What fixing a find on the spot confirms, from the prepared data: the customer's completion
 * checklist, the applied template's and the admin's steps for the damage type, each once. A
 * snapshot prepared before these lists existed has none: the server still checks them.
 */
export async function spotChecklist(
  db: RsDb,
  customerId: string,
  templateId: string | undefined,
  damageType?: DraftDamageType,
): Promise<string[]> {
  const [customer, template, quality] = await Promise.all([
    db.snapshotCustomers.get(customerId),
    templateId ? db.snapshotTemplates.get(templateId) : undefined,
    db.meta.get("quality"),
  ]);
  const steps = damageType && quality?.key === "quality" ? (quality.value.completionSteps[damageType] ?? []) : [];
  return completionItemsFor(customer?.completionChecklist ?? [], template?.checklist ?? [], steps);
}

type DraftDamageType = RepairCapturePayload["damageType"];
