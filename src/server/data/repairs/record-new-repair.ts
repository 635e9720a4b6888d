// The last step of creating a repair (capture, request): its attachments, one audit entry
// holding everything it was created with, and the events it announces.
import "server-only";
import type { DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { type ChangeEntry, auditChange } from "../audit-change";
import { recordEvents } from "../events/record-event";
import { repairEvents } from "../events/repair-events";
import type { ServiceContext } from "../../service-context";
import type { AttachmentInput } from "../shared-inputs";
import { attachmentsAdded, createAttachments } from "./create-attachments";

type NewRepair = {
  action: "repair.capture" | "repair.request" | "repair.followUp" | "repair.warrantyClaim";
  repair: Repair;
  attachments: readonly AttachmentInput[];
};

export async function recordNewRepair(tx: DbTx, ctx: ServiceContext, entry: NewRepair): Promise<Repair> {
  await createAttachments(tx, ctx, entry.repair.id, entry.attachments, { replayable: false });
  await auditChange(tx, ctx, newRepairAudit(entry));
  await recordEvents(tx, repairEvents(null, entry.repair, ctx.actor.userId));
  return entry.repair;
}

/** The audit entry of a new repair (also written by a sync batch's bulk insert). */
export const newRepairAudit = ({ action, repair, attachments }: NewRepair): ChangeEntry => ({
  action,
  entityType: "Repair",
  entityId: repair.id,
  before: null,
  after: repair,
  extra: attachmentsAdded(attachments),
});
