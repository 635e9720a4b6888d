// The device's own database (IndexedDB through Dexie). Everything a technician does on a walk
// lands here first, in one transaction per action; the sync engine drains it to the server.
// Booleans that must be queried are stored as 0/1: IndexedDB cannot index booleans.
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from "dexie";
import { DEVICE_DB_NAME } from "./db-name";
import { normalizeUnitNumber } from "~/domain";
import type { DraftFileRow, UnitDraftRow } from "./unit-drafts";
import type {
  AttachmentKind,
  PhotoStage,
  PrepareSnapshot,
  PreparedCustomer,
  PreparedDay,
  PreparedOpenWork,
  PreparedTemplate,
  PreparedThread,
  PreparedUnit,
  PreparedWalk,
  PreparedWork,
  RepairAddPhotoPayload,
  RepairCapturePayload,
  RepairCompletePayload,
  RepairStartPayload,
  RepairFollowUpPayload,
  RepairMarkUrgentPayload,
  RepairRequestPartsPayload,
  ServerRepairView,
  SignedSummary,
  WalkFinishPayload,
  WalkStartPayload,
} from "../sync/contract";

/** queued: waiting in the outbox; sent: the server took the record, bytes still uploading;
 * synced: record and every attachment confirmed; rejected: the server refused it. */
export type SyncState = "queued" | "sent" | "synced" | "rejected";

export type SyncError = { code: string; message: string };

/** When the prepared snapshot was made and stored, and for whom. */
export type SnapshotInfo = { preparedAt: Date; storedAt: Date; technician: PrepareSnapshot["technician"] };

/** Single values of the device, each under its own key. */
export type MetaRow =
  | { key: "deviceId"; value: string }
  | { key: "snapshot"; value: SnapshotInfo }
  /** The day's stops in driving order, as the last prepare answered (one value: no table needed). */
  | { key: "today"; value: PreparedDay }
  /** The admin's photo-check policy and completion steps per damage type, as the last prepare answered. */
  | { key: "quality"; value: NonNullable<PrepareSnapshot["quality"]> };

/** What the server decided for a repair, kept beside the device's own estimate. */
export type ServerDecision = {
  status: ServerRepairView["status"];
  estimateCents: number | null;
  flaggedReason: string | null;
  /** server minus device, in cents; 0 when they agree. */
  differenceCents: number;
  receivedAt: Date;
};

export type LocalWalk = {
  id: string;
  customerId: string;
  /** IN_PROGRESS on the lot; FINISHED once signed (the server marks it COMPLETED). */
  status: "IN_PROGRESS" | "FINISHED";
  startedAt: Date;
  latitude?: number;
  longitude?: number;
  accuracyM?: number;
  endedAt?: Date;
  siteContactName?: string;
  signedSummary?: SignedSummary;
  signatureAttachmentId?: string;
  startSync: SyncState;
  finishSync?: SyncState;
  error?: SyncError;
};

export type LocalRepair = {
  id: string;
  walkId: string;
  customerId: string;
  unitNumber: string;
  jobId: string;
  breakIndex: number;
  capturedAt: Date;
  /** Exactly what is sent to the server, and kept to show: its queued capture carries no copy. */
  payload: RepairCapturePayload;
  deviceEstimateCents: number;
  deviceAutoApproved: 0 | 1;
  deviceDecisionReason: string;
  completedOnSpot: 0 | 1;
  attachmentIds: string[];
  sync: SyncState;
  server?: ServerDecision;
  error?: SyncError;
};

export type BlobRow = {
  /** The attachment id the server knows it by. */
  id: string;
  ownerType: "repair" | "walk";
  ownerId: string;
  sha256: string;
  mimeType: string;
  size: number;
  kind: AttachmentKind;
  stage?: PhotoStage;
  /** An after photo's damage photo (its "before"), of the same repair. Not indexed: no new version. */
  pairedWithId?: string;
  uploadedBytes: number;
  /** 1 once the server holds the complete bytes with the right sha256. */
  confirmed: 0 | 1;
  /** 1 once the record that owns it reached the server: uploading before that only meets 404s. */
  ownerAcknowledged: 0 | 1;
  lastError?: SyncError;
  /** Set when the server refused the bytes for good (type, size): not retried, shown to the user. */
  refusedAt?: Date;
  createdAt: Date;
};

/** A file's bytes, written once when it is captured: the metadata row beside it changes with
 * every uploaded chunk, and rewriting a row that held the photo would store the photo again. */
export type BlobContentRow = { id: string; blob: Blob };

export type OutboxState = "pending" | "sending" | "failed";

type OutboxFields = {
  /** Order of creation: the server must see a walk start before the walk's repairs. */
  seq?: number;
  id: string;
  /** The local record it carries (walk or repair id). */
  recordId: string;
  state: OutboxState;
  attempts: number;
  lastError?: SyncError;
  createdAt: Date;
};

/** A queued mutation. A walk's start and finish carry their payload; a capture's payload is its
 * repair's (`LocalRepair.payload`), read when it is sent, so an edit changes one record. */
export type OutboxEntry = OutboxFields & QueuedMutation;

export type QueuedMutation =
  | { type: "walk.start"; payload: WalkStartPayload }
  | { type: "repair.capture" }
  | { type: "walk.finish"; payload: WalkFinishPayload }
  // Changes on a repair of My work: `recordId` is the repair's id, the payload's `id` the entry's.
  | { type: "repair.start"; payload: RepairStartPayload }
  | { type: "repair.complete"; payload: RepairCompletePayload }
  | { type: "repair.addPhoto"; payload: RepairAddPhotoPayload }
  // Quick actions on a repair of My work queued offline: `recordId` is the repair's id too.
  | { type: "repair.markUrgent"; payload: RepairMarkUrgentPayload }
  | { type: "repair.followUp"; payload: RepairFollowUpPayload }
  | { type: "repair.requestParts"; payload: RepairRequestPartsPayload };

/** The mutation types that change a repair of My work (recordId: the repair's id). */
export const WORK_CHANGE_TYPES = [
  "repair.start",
  "repair.complete",
  "repair.addPhoto",
  "repair.markUrgent",
  "repair.followUp",
  "repair.requestParts",
] as const satisfies ReadonlyArray<QueuedMutation["type"]>;
export type WorkChangeType = (typeof WORK_CHANGE_TYPES)[number];
export const isWorkChange = (entry: OutboxEntry): entry is OutboxEntry & { type: WorkChangeType } =>
  (WORK_CHANGE_TYPES as readonly string[]).includes(entry.type);

/** What the technician did on a repair of My work on this device, not yet seen in a prepare. */
export type WorkDeviceState = {
  startedAt?: Date;
  completedAt?: Date;
  /** Photos taken on the device for this repair (BlobRow ids, owner: the repair). */
  photoIds: string[];
  /** The price the server froze when it took the completion. */
  frozenPriceCents?: number;
  /** Items of the completion checklist ticked here, and when; sent with the completion. */
  checked?: Array<{ item: string; confirmedAt: Date }>;
  /** Marked urgent (or cleared) here while offline; the prepared value until then. */
  urgent?: boolean;
  /** Parts requested here while offline, shown until the server lists them. */
  partsQueued?: Array<{ id: string; item: string; quantity: number }>;
};

/** A repair of My work as prepared, with what the device did on it since. */
export type WorkRepairRow = PreparedWork & { device: WorkDeviceState };

/** A photo of a repair of My work the server already held, kept to be seen offline. */
export type WorkPhotoRow = { id: string; repairId: string; blob: Blob };

/** Unassigned work the technician may take (Assign to Me, online), as last prepared. */
export type OpenWorkRow = PreparedOpenWork;

export type SnapshotWalkRow = PreparedWalk;
export type SnapshotCustomerRow = PreparedCustomer;
export type SnapshotTemplateRow = PreparedTemplate;
/** A repair of My work's message thread, as last prepared or answered online (readable offline). */
export type WorkThreadRow = PreparedThread;
/**
 * `unitKey`: the unit number as the server stores it (normalizeUnitNumber), so a typed spelling
 * finds it. Rows keyed by the older rule (trim, upper case) are rewritten by the next prepare.
 */
export type SnapshotUnitRow = PreparedUnit & { unitKey: string };

export const unitKey = (unitNumber: string) => normalizeUnitNumber(unitNumber);

export class RsDb extends Dexie {
  meta!: EntityTable<MetaRow, "key">;
  snapshotWalks!: EntityTable<SnapshotWalkRow, "id">;
  snapshotCustomers!: EntityTable<SnapshotCustomerRow, "id">;
  snapshotUnits!: EntityTable<SnapshotUnitRow, "id">;
  localWalks!: EntityTable<LocalWalk, "id">;
  localRepairs!: EntityTable<LocalRepair, "id">;
  blobs!: EntityTable<BlobRow, "id">;
  blobContent!: EntityTable<BlobContentRow, "id">;
  outbox!: EntityTable<OutboxEntry, "seq">;
  drafts!: EntityTable<UnitDraftRow, "id">;
  draftFiles!: EntityTable<DraftFileRow, "id">;
  workRepairs!: EntityTable<WorkRepairRow, "id">;
  workPhotos!: EntityTable<WorkPhotoRow, "id">;
  snapshotTemplates!: EntityTable<SnapshotTemplateRow, "id">;
  openWork!: EntityTable<OpenWorkRow, "id">;
  workThreads!: EntityTable<WorkThreadRow, "repairId">;

  constructor(name = DEVICE_DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Never edit a version once released: add the next one with what changes, and its upgrade.
    this.version(1).stores({
      meta: "key",
      snapshotWalks: "id, customerId",
      snapshotCustomers: "id",
      snapshotUnits: "id, customerId, [customerId+unitNumber]",
      localWalks: "id, customerId, status",
      localRepairs: "id, walkId, sync, [customerId+unitNumber], jobId",
      blobs: "id, ownerId, confirmed",
      outbox: "++seq, &id, state, recordId",
    });
    // 2: saving a repair reads only what it needs by index (the unit by its typed number, the
    // repairs fixed on the spot), instead of scanning the customer's units and repairs.
    this.version(2)
      .stores({
        snapshotUnits: "id, customerId, [customerId+unitKey]",
        localRepairs: "id, walkId, sync, jobId, [customerId+completedOnSpot]",
      })
      .upgrade((tx) =>
        tx
          .table<SnapshotUnitRow>("snapshotUnits")
          .toCollection()
          .modify((u) => void (u.unitKey = unitKey(u.unitNumber))),
      );
    // 3: the unit being captured is kept as a draft (see unit-drafts.ts); its files apart, so
    // that a keystroke rewrites a small row and never a photo.
    this.version(3).stores({ drafts: "id, walkId", draftFiles: "id, draftId, [draftId+role]" });
    // 4: a queued capture no longer keeps a copy of its repair's payload (edits wrote both).
    this.version(4).upgrade((tx) => capturesStoredOnce(tx));
    // 5: a file's bytes apart from its upload state (BlobContentRow), so that upload progress
    // never rewrites a photo.
    this.version(5)
      .stores({ blobContent: "id" })
      .upgrade((tx) => bytesApartFromState(tx));
    // 6: the walk screen reads a walk's latest captures and one unit's captures by index, and the
    // queue status counts files still to upload from index keys, so that saving the 100th unit
    // costs what the 1st did.
    this.version(6).stores({
      localRepairs: "id, walkId, sync, jobId, [customerId+completedOnSpot], [walkId+capturedAt], [walkId+unitNumber]",
      blobs: "id, ownerId, confirmed, [confirmed+createdAt], [confirmed+ownerAcknowledged]",
    });
    // 7: My work, the repairs given to the technician (my-work.ts), and their photos kept offline.
    this.version(7).stores({ workRepairs: "id, customerId, unitId", workPhotos: "id, repairId" });
    // 8: repair templates, applied in one tap when capturing, offline.
    this.version(8).stores({ snapshotTemplates: "id" });
    // 10: unassigned work the technician may take with Assign to Me (my-work.ts).
    this.version(10).stores({ openWork: "id, customerId" });
    // 11: the message threads of My work's repairs, read on the work screen offline.
    this.version(11).stores({ workThreads: "repairId" });
  }
}

/** Moves each file's bytes out of its metadata row into blobContent, under the same id. */
async function bytesApartFromState(tx: Transaction): Promise<void> {
  const blobs = tx.table<BlobRow & { blob?: Blob }, string>("blobs");
  const content = tx.table<BlobContentRow, string>("blobContent");
  for (const row of await blobs.toArray()) {
    if (!row.blob) continue;
    const { blob, ...state } = row;
    await content.put({ id: row.id, blob });
    await blobs.put(state);
  }
}

/** Version 3's outbox row: every entry carried its payload (a capture's, until moved). */
type OutboxRowV3 = Omit<OutboxFields, "seq"> & { seq: number; refusedAt?: Date } & (
    | Extract<QueuedMutation, { type: "walk.start" | "walk.finish" }>
    | { type: "repair.capture"; payload?: RepairCapturePayload }
  );

/**
 * Moves each queued capture's payload onto its repair. The outbox's copy is what would have been
 * sent, so it wins; a capture whose repair is missing gets its repair back from the payload
 * rather than being lost. `refusedAt`, never written on an outbox entry, goes.
 */
async function capturesStoredOnce(tx: Transaction): Promise<void> {
  const outbox = tx.table<OutboxRowV3, number>("outbox");
  const repairs = tx.table<LocalRepair, string>("localRepairs");
  for (const entry of await outbox.toArray()) {
    if (entry.type === "repair.capture" && entry.payload) {
      const { payload } = entry;
      const repair = await repairs.get(entry.recordId);
      await repairs.put(repair ? { ...repair, payload } : repairFromPayload(entry, payload));
      delete entry.payload;
    }
    delete entry.refusedAt;
    await outbox.put(entry);
  }
}

function repairFromPayload(entry: OutboxRowV3, payload: RepairCapturePayload): LocalRepair {
  const capturedAt = payload.capturedAt ?? entry.createdAt;
  return {
    id: entry.recordId,
    walkId: payload.walkId,
    customerId: payload.customerId,
    unitNumber: payload.unitNumber,
    jobId: payload.jobId ?? entry.recordId,
    breakIndex: payload.breakIndex ?? 0,
    capturedAt,
    payload,
    deviceEstimateCents: payload.deviceEstimateCents ?? 0,
    deviceAutoApproved: payload.deviceAutoApproved ? 1 : 0,
    deviceDecisionReason: "",
    completedOnSpot: payload.completedOnSpot ? 1 : 0,
    attachmentIds: payload.attachments.map((a) => a.id),
    sync: entry.state === "failed" ? "rejected" : "queued",
    ...(entry.lastError && entry.state === "failed" ? { error: entry.lastError } : {}),
  };
}

let shared: RsDb | undefined;

/** The app's one database; tests make their own with `new RsDb(name, { indexedDB, IDBKeyRange })`. */
export function rsDb(): RsDb {
  return (shared ??= new RsDb());
}

/** Every table that an action writing records, blobs and outbox entries touches. */
export const writeTables = (db: RsDb) =>
  [db.localWalks, db.localRepairs, db.blobs, db.blobContent, db.outbox, db.meta] as const;
