// The shapes the manager's screen reads, straight from the tRPC router's outputs.
import type { RouterOutputs } from "~/trpc/react";

/** A repair as every manager list returns it (unit, customer, technician, photos, GPS). */
export type ManagerRepair = RouterOutputs["manager"]["flagged"]["repairs"][number];
export type ApprovalGroup = RouterOutputs["manager"]["approvalQueue"]["groups"][number];
export type WalkApproval = RouterOutputs["manager"]["approveWalk"];
export type TeamMember = RouterOutputs["manager"]["team"][number];

/** The price the repair carries now: frozen at completion, else its estimate. */
export const currentCents = (repair: Pick<ManagerRepair, "priceCents" | "estimateCents">) =>
  repair.priceCents ?? repair.estimateCents;
export type QueueGroup = RouterOutputs["manager"]["queue"]["groups"][number];
