// The device's view of docs/sync-protocol.md. Every shape that travels is the server's own
// type (type-only imports: no server code reaches the browser), so a change on either side
// of the contract fails the type check instead of a sync.
import type { CaptureRepairInput } from "~/server/services/repairs/capture-repair";
import type { AttachmentInput } from "~/server/services/shared-inputs";
import type { PushInput, PushResult } from "~/server/services/sync/push-input";
import type { FinishWalkInput } from "~/server/services/walks/finish-walk";
import type { StartWalkInput } from "~/server/services/walks/start-walk";

export type { MutationResult, MutationType, PushInput } from "~/server/services/sync/push-input";
export type {
  PrepareSnapshot,
  PreparedCustomer,
  PreparedUnit,
  PreparedWalk,
} from "~/server/services/sync/prepare-snapshot";

export type PushOutput = PushResult;
export type PushMutation = PushInput["mutations"][number];

/** Attachment metadata: travels with its record, the bytes follow by upload. */
export type AttachmentMeta = AttachmentInput;
export type AttachmentKind = AttachmentMeta["kind"];
export type PhotoStage = NonNullable<AttachmentMeta["photoStage"]>;

export type WalkStartPayload = StartWalkInput;
export type RepairCapturePayload = CaptureRepairInput & { attachments: AttachmentMeta[] };
export type WalkFinishPayload = FinishWalkInput;
export type SignedSummary = FinishWalkInput["signedSummary"];

export type PayloadOf = {
  "walk.start": WalkStartPayload;
  "repair.capture": RepairCapturePayload;
  "walk.finish": WalkFinishPayload;
};

/** The part of the server's repair view (repair.capture's data) the device keeps beside its own estimate. */
export type ServerRepairView = {
  id: string;
  status: string;
  estimateCents: number | null;
  priceCents?: number | null;
  flaggedReason?: string | null;
};

/** Largest batch sync.push accepts (PUSH_BATCH_LIMIT on the server). */
export const PUSH_BATCH_SIZE = 50;
