// The device's view of docs/sync-protocol.md: the shapes that travel between device and
// server. Payload inputs are the server services' own types (type-only imports, no runtime).
import type { ApprovalSettings, PricingRules } from "~/domain";
import type { CaptureRepairInput } from "~/server/services/repairs/capture-repair";
import type { StartWalkInput } from "~/server/services/walks/start-walk";

export type MutationType = "walk.start" | "repair.capture" | "walk.finish";

export type AttachmentKind = "PHOTO" | "VOICE" | "SIGNATURE";
export type PhotoStage = "DAMAGE" | "AFTER";

/** Attachment metadata: travels with its record, the bytes follow by upload. */
export type AttachmentMeta = {
  id: string;
  kind: AttachmentKind;
  photoStage?: PhotoStage;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
};

export type PreparedWalk = {
  id: string;
  customerId: string;
  status: "SCHEDULED" | "IN_PROGRESS";
  scheduledFor: Date | null;
  startedAt: Date | null;
};

export type PreparedCustomer = {
  id: string;
  name: string;
  address: string | null;
  settingsVersion: number;
  approval: ApprovalSettings;
  pricing: PricingRules;
  completedThisMonth: number;
};

export type PreparedUnit = {
  id: string;
  customerId: string;
  unitNumber: string;
  make: string | null;
  model: string | null;
  windshieldSeq: number;
  completedOnWindshield: number;
  openRepairs: number;
  history: Array<{ id: string; damageType: string; status: string; completedAt: Date | null; priceCents: number | null; tierOrdinal: number | null }>;
};

export type PrepareSnapshot = {
  preparedAt: Date;
  technician: { id: string; name: string };
  walks: PreparedWalk[];
  customers: PreparedCustomer[];
  units: PreparedUnit[];
};

export type WalkStartPayload = StartWalkInput;
export type RepairCapturePayload = CaptureRepairInput & { attachments: AttachmentMeta[] };

export type SignedSummary = {
  units: Array<{ unitNumber: string; repairs: Array<{ id: string; damageType: string; estimateCents: number }> }>;
  totalCents: number;
};

export type WalkFinishPayload = {
  walkId: string;
  endedAt: Date;
  latitude?: number;
  longitude?: number;
  accuracyM?: number;
  siteContactName: string;
  signedSummary: SignedSummary;
  signature: AttachmentMeta;
};

export type PayloadOf = {
  "walk.start": WalkStartPayload;
  "repair.capture": RepairCapturePayload;
  "walk.finish": WalkFinishPayload;
};

export type PushMutation = { id: string; type: MutationType; payload: unknown };
export type PushInput = { deviceId: string; mutations: PushMutation[] };

export type MutationResult =
  | { id: string; ok: true; type: MutationType; data: unknown }
  | { id: string; ok: false; type: MutationType; code: string; message: string; retryable: boolean };

export type PushOutput = { results: MutationResult[]; serverMs: number };

/** The part of the server's repair view the device keeps beside its own estimate. */
export type ServerRepairView = {
  id: string;
  status: string;
  estimateCents: number | null;
  priceCents?: number | null;
  flaggedReason?: string | null;
};

/** Largest batch sync.push accepts. */
export const PUSH_BATCH_SIZE = 50;
