// The unit being captured is a draft on the device from its first keystroke: text fields in a
// small row rewritten on every change, photos and the voice note in rows of their own written
// once each (so typing never rewrites a photo). A reload, a crash, a killed tab or the camera
// app pushing the browser out of memory loses nothing; saving the repair removes the draft in
// the same transaction that queues it.
import type { DamageMark, NewUnitFacts } from "~/domain";
import type { RepairCapturePayload } from "../sync/contract";
import type { CapturedFile, CapturedPhoto } from "./captured-file";
import type { RsDb } from "./db";

export type DraftFields = {
  damageType: RepairCapturePayload["damageType"];
  damagePosition: string;
  technicianNotes: string;
  customerNotes: string;
  drilledBeforeRepair: boolean;
  /** As typed: a half-typed "-" or "12." is kept, not lost to a number parse. */
  windshieldTemperatureC: string;
  resinViscosity: "" | NonNullable<RepairCapturePayload["resinViscosity"]>;
  completedOnSpot: boolean;
  /** The template applied in one tap, if any (drafts kept before templates existed have none). */
  templateId?: string;
};

export const EMPTY_DRAFT_FIELDS: DraftFields = {
  damageType: "CHIP",
  damagePosition: "",
  technicianNotes: "",
  customerNotes: "",
  drilledBeforeRepair: false,
  windshieldTemperatureC: "",
  resinViscosity: "",
  completedOnSpot: false,
};

export type UnitDraftRow = {
  id: string;
  walkId: string;
  unitNumber: string;
  /** The job its repair joins: a unit reopened on the same walk continues its job. */
  jobId: string;
  /** Read from a scanned VIN when the unit is not in the fleet (drafts kept before scanning have none). */
  newUnit?: NewUnitFacts;
  fields: DraftFields;
  createdAt: Date;
  updatedAt: Date;
};

export type DraftFileRole = "DAMAGE" | "AFTER" | "VOICE";
export type DraftFileRow = CapturedFile & {
  id: string;
  draftId: string;
  role: DraftFileRole;
  addedAt: Date;
  /** Circles and arrows drawn over a damage photo (rows kept before marks have none). */
  marks?: DamageMark[];
};

export type LoadedDraft = { draft: UnitDraftRow; files: DraftFileRow[] };

export async function createDraft(
  db: RsDb,
  place: { walkId: string; unitNumber: string; jobId: string; newUnit?: NewUnitFacts },
  now = new Date(),
): Promise<UnitDraftRow> {
  const draft: UnitDraftRow = {
    id: crypto.randomUUID(),
    ...place,
    fields: { ...EMPTY_DRAFT_FIELDS },
    createdAt: now,
    updatedAt: now,
  };
  await db.drafts.add(draft);
  return draft;
}

export async function saveDraftFields(db: RsDb, id: string, fields: DraftFields, now = new Date()): Promise<void> {
  await db.drafts.update(id, { fields, updatedAt: now });
}

/** Adds a photo or voice note under its own id (a photo's list key), or replaces the voice note. */
export async function putDraftFile(
  db: RsDb,
  draftId: string,
  role: DraftFileRole,
  file: CapturedFile & { id: string; marks?: DamageMark[] },
  now = new Date(),
): Promise<void> {
  await db.transaction("rw", [db.drafts, db.draftFiles], async () => {
    if (role === "VOICE") await db.draftFiles.where({ draftId, role: "VOICE" }).delete();
    const { id, blob, sha256, mimeType, marks } = file;
    await db.draftFiles.put({ id, draftId, role, blob, sha256, mimeType, addedAt: now, ...(marks ? { marks } : {}) });
    await db.drafts.update(draftId, { updatedAt: now });
  });
}

export async function removeDraftFile(db: RsDb, fileId: string): Promise<void> {
  await db.draftFiles.delete(fileId);
}

export async function loadDraft(db: RsDb, id: string): Promise<LoadedDraft | undefined> {
  const [draft, files] = await Promise.all([db.drafts.get(id), db.draftFiles.where("draftId").equals(id).toArray()]);
  if (!draft) return undefined;
  return { draft, files: files.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime()) };
}

/** The walk's unfinished units, most recently touched first. */
export async function draftsOfWalk(db: RsDb, walkId: string): Promise<LoadedDraft[]> {
  const drafts = await db.drafts.where("walkId").equals(walkId).toArray();
  const files = drafts.length
    ? await db.draftFiles
        .where("draftId")
        .anyOf(drafts.map((d) => d.id))
        .toArray()
    : [];
  return drafts
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .map((draft) => ({ draft, files: files.filter((f) => f.draftId === draft.id) }));
}

/** Explicit only: the technician chose to throw this unit's work away. */
export async function discardDraft(db: RsDb, id: string): Promise<void> {
  await db.transaction("rw", [db.drafts, db.draftFiles], async () => {
    await db.draftFiles.where("draftId").equals(id).delete();
    await db.drafts.delete(id);
  });
}

/** Something typed, chosen or recorded that leaving without asking would lose. */
export function draftHasContent({ draft, files }: LoadedDraft): boolean {
  const f = draft.fields;
  return (
    files.length > 0 ||
    f.damageType !== EMPTY_DRAFT_FIELDS.damageType ||
    Boolean(f.damagePosition.trim() || f.technicianNotes.trim() || f.customerNotes.trim()) ||
    f.drilledBeforeRepair ||
    f.windshieldTemperatureC.trim() !== "" ||
    f.resinViscosity !== "" ||
    f.completedOnSpot
  );
}

/** The draft's files as the form holds them: photos by stage, and the voice note. */
export function draftMedia(files: DraftFileRow[]): {
  photos: (CapturedPhoto & { key: string })[];
  afterPhotos: (CapturedPhoto & { key: string })[];
  voice: (CapturedFile & { key: string }) | null;
} {
  const media = (f: DraftFileRow) => ({ blob: f.blob, sha256: f.sha256, mimeType: f.mimeType, key: f.id });
  const voice = files.find((f) => f.role === "VOICE");
  return {
    photos: files
      .filter((f) => f.role === "DAMAGE")
      .map((f) => ({ ...media(f), stage: "DAMAGE" as const, ...(f.marks ? { marks: f.marks } : {}) })),
    afterPhotos: files.filter((f) => f.role === "AFTER").map((f) => ({ ...media(f), stage: "AFTER" as const })),
    voice: voice ? media(voice) : null,
  };
}
