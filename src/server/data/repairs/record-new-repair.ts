// The last step of creating a repair (capture, request): its attachments and one audit entry
// holding everything it was created with.
import "server-only";
import type { DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { type ChangeEntry, auditChange } from "../audit-change";
import type { ServiceContext } from "../../service-context";
import type { AttachmentInput } from "../shared-inputs";
import { attachmentsAdded, createAttachments } from "./create-attachments";

type NewRepair = {
  action: "repair.capture" | "repair.request" | "repair.followUp";
  repair: Repair;
  attachments: readonly AttachmentInput[];
};

export async function recordNewRepair(tx: DbTx, ctx: ServiceContext, entry: NewRepair): Promise<Repair> {
  await createAttachments(tx, ctx, entry.repair.id, entry.attachments, { replayable: false });
  await auditChange(tx, ctx, newRepairAudit(entry));
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
