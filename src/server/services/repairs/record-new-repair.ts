// The last step of creating a repair (capture, request): its attachments and one audit entry
// holding everything it was created with.
import type { DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { auditChange } from "../audit-change";
import type { ServiceContext } from "../context";
import type { AttachmentInput } from "../shared-inputs";
import { attachmentsAdded, createAttachments } from "./create-attachments";

export async function recordNewRepair(
  tx: DbTx,
  ctx: ServiceContext,
  entry: { action: "repair.capture" | "repair.request"; repair: Repair; attachments: readonly AttachmentInput[] },
): Promise<Repair> {
  await createAttachments(tx, ctx, entry.repair.id, entry.attachments, { replayable: false });
  await auditChange(tx, ctx, {
    action: entry.action,
    entityType: "Repair",
    entityId: entry.repair.id,
    before: null,
    after: entry.repair,
    extra: attachmentsAdded(entry.attachments),
  });
  return entry.repair;
}
