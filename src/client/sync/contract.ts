// The device's view of docs/sync-protocol.md. Every shape that travels is the server's own
// type (type-only imports: no server code reaches the browser), so a change on either side
// of the contract fails the type check instead of a sync.
import type { MutationType } from "~/domain";
import type { CaptureRepairInput } from "~/server/services/repairs/capture-repair";
import type { AttachmentInput } from "~/server/data/shared-inputs";
import type { AcceptedMutation, MutationData, PushResult } from "~/server/services/sync/sync-output";
import type { AddRepairPhotoInput } from "~/server/services/repairs/add-repair-photo";
import type { CompleteRepairInput } from "~/server/services/repairs/complete-repair";
import type { StartRepairInput } from "~/server/services/repairs/start-repair";
import type { CreateFollowUpInput } from "~/server/services/repairs/create-follow-up";
import type { MarkUrgentInput } from "~/server/services/repairs/mark-urgent";
import type { RequestPartsInput } from "~/server/services/parts/request-parts";
import type { FinishWalkInput } from "~/server/services/walks/finish-walk";
import type { StartWalkInput } from "~/server/services/walks/start-walk";

export type { MutationType } from "~/domain";
export type { PushInput } from "~/server/services/sync/push-input";
export type {
  MutationResult,
  PrepareSnapshot,
  PreparedCustomer,
  PreparedDay,
  PreparedOpenWork,
  PreparedTemplate,
  PreparedThread,
  PreparedUnit,
  PreparedWalk,
  PreparedWork,
} from "~/server/services/sync/sync-output";

export type PushOutput = PushResult;

/** Attachment metadata: travels with its record, the bytes follow by upload. */
export type AttachmentMeta = AttachmentInput;
export type AttachmentKind = AttachmentMeta["kind"];
export type PhotoStage = NonNullable<AttachmentMeta["photoStage"]>;

export type WalkStartPayload = StartWalkInput;
export type RepairCapturePayload = CaptureRepairInput & { attachments: AttachmentMeta[] };
export type WalkFinishPayload = FinishWalkInput;
export type SignedSummary = FinishWalkInput["signedSummary"];

/** A queued change on an existing repair carries its own client id (the outbox entry's). */
export type RepairStartPayload = StartRepairInput & { id: string };
export type RepairCompletePayload = CompleteRepairInput & { id: string; attachments: AttachmentMeta[] };
export type RepairAddPhotoPayload = AddRepairPhotoInput;
/** Quick actions queued offline: each carries its client id (a follow-up's is the new repair's). */
export type RepairMarkUrgentPayload = MarkUrgentInput & { id: string };
export type RepairFollowUpPayload = CreateFollowUpInput;
export type RepairRequestPartsPayload = RequestPartsInput & { id: string };

export type PayloadOf = {
  "walk.start": WalkStartPayload;
  "repair.capture": RepairCapturePayload;
  "walk.finish": WalkFinishPayload;
  "repair.start": RepairStartPayload;
  "repair.complete": RepairCompletePayload;
  "repair.addPhoto": RepairAddPhotoPayload;
  "repair.markUrgent": RepairMarkUrgentPayload;
  "repair.followUp": RepairFollowUpPayload;
  "repair.requestParts": RepairRequestPartsPayload;
};

/** One queued mutation as sync.push receives it, its payload typed by its mutation type (a new
 * mutation type without a payload here fails the type check). */
export type PushMutation = {
  [T in MutationType]: { id: string; type: T; payload: PayloadOf[T] };
}[MutationType];

/** A batch as the device sends it to sync.push (its input, with each payload typed). */
export type DevicePush = { deviceId: string; mutations: PushMutation[] };

/** sync.push's answer to one accepted mutation of type T. */
export type Accepted<T extends MutationType = MutationType> = AcceptedMutation<T>;

/** The server's repair view (repair.capture's answer): the device keeps its decision beside its own estimate. */
export type ServerRepairView = MutationData<"repair.capture">;
