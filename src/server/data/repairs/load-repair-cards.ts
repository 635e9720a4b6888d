// Repairs as the manager's tablet and the customer portal list them: each with its unit,
// customer, technician, GPS and attachments' metadata (a screen shows a photo from
// /api/attachments/{id}/content). Only repairs the actor may see, in the actor's view.
// Read with the client rather than inside a transaction: Prisma loads the relations with
// parallel queries, which one transaction's connection can only queue.
import "server-only";
import { type Actor, currentApprovalReason, decide } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Prisma } from "../../db/generated/client";
import { repairRef } from "./load-repair-for";
import { repairView } from "./repair-view";
import { visibleRepairsWhere } from "./visible-repairs-where";

const CARD_INCLUDE = {
  unit: { select: { id: true, unitNumber: true, vin: true, make: true, model: true, year: true, windshieldSeq: true } },
  customer: {
    select: {
      id: true,
      name: true,
      autoApproveLotRepairs: true,
      maxAutoApproveCents: true,
      requirePhotoForApproval: true,
    },
  },
  technician: { select: { id: true, user: { select: { name: true } } } },
  attachments: {
    select: {
      id: true,
      kind: true,
      photoStage: true,
      mimeType: true,
      sizeBytes: true,
      damageMarks: true,
      uploadedAt: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.RepairInclude;

/** Urgent work first (Mark as Urgent), then oldest first: the order of the manager's queues. */
export const URGENT_FIRST: Prisma.RepairOrderByWithRelationInput[] = [
  { urgent: "desc" },
  { createdAt: "asc" },
  { id: "asc" },
];

export type CardOptions = { orderBy?: Prisma.RepairOrderByWithRelationInput[]; take?: number };

export async function loadRepairCards(
  tx: DbTx,
  actor: Actor,
  where: Prisma.RepairWhereInput,
  options: CardOptions = {},
) {
  const rows = await tx.repair.findMany({
    where: { AND: [visibleRepairsWhere(actor), where] },
    include: CARD_INCLUDE,
    orderBy: options.orderBy ?? [{ createdAt: "asc" }, { id: "asc" }],
    take: options.take,
  });
  return rows
    .filter((r) => decide(actor, "repair.view", repairRef(r)).allowed)
    .map(({ technician, customer: { autoApproveLotRepairs, maxAutoApproveCents, requirePhotoForApproval, ...customer }, ...repair }) => ({
      ...repairView(actor, { ...repair, customer }),
      /** Why it waits, as it stands now: asked again of the rules after a manager changed the price. */
      decisionReason: currentApprovalReason({
        status: repair.status,
        approvalReason: repair.approvalReason,
        overrideCents: repair.overrideCents,
        hasDamagePhoto: repair.attachments.some((a) => a.kind === "PHOTO" && a.photoStage === "DAMAGE"),
        settings: { autoApproveLotRepairs, maxAutoApproveCents, requirePhotoForApproval },
      }),
      technician: technician ? { id: technician.id, name: technician.user.name } : null,
      /** Where the damage was captured, or null when the device had no fix. */
      gps:
        repair.latitude !== null && repair.longitude !== null
          ? { latitude: repair.latitude, longitude: repair.longitude, accuracyM: repair.gpsAccuracyM }
          : null,
    }));
}

export type RepairCard = Awaited<ReturnType<typeof loadRepairCards>>[number];
