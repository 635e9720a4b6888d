// One repair with its attachments' metadata and, for those who may read the audit log, its history.
import "server-only";
import { z } from "zod";
import { decide } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { repairView } from "../../data/repairs/repair-view";

export const getRepairInput = z.object({ id: z.uuid() });
export type GetRepairInput = z.input<typeof getRepairInput>;

export async function getRepair(db: Db, ctx: ServiceContext, raw: GetRepairInput) {
  const input = getRepairInput.parse(raw);
  return db.$transaction(async (tx) => {
    const repair = await loadRepairFor(tx, ctx.actor, input.id, { lock: false });
    const unit = await tx.unit.findUniqueOrThrow({
      where: { id: repair.unitId },
      select: { id: true, unitNumber: true, windshieldSeq: true },
    });
    const attachments = await tx.attachment.findMany({
      where: { repairId: repair.id },
      select: {
        id: true,
        kind: true,
        photoStage: true,
        pairedWithId: true,
        mimeType: true,
        sizeBytes: true,
        uploadedAt: true,
        createdAt: true,
      },
      orderBy: { createdAt: "asc" },
    });
    const history = decide(ctx.actor, "audit.view", null).allowed
      ? await tx.auditLog.findMany({
          where: { entityType: "Repair", entityId: repair.id },
          omit: { seq: true },
          orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
        })
      : null;
    return { ...repairView(ctx.actor, repair), unit, attachments, history };
  });
}
