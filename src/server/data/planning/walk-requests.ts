// A customer's walk request is a one-off walk with nobody on it yet, marked with who asked
// (requestedById): it appears in the office's week view among the unassigned walks, and the
// office plans it (assigns, moves) with the same tools as any planned walk.
import "server-only";
import type { Prisma } from "../../db/generated/client";
import { dateText } from "./planned-walks";

export const CUSTOMER_WALK_SELECT = {
  id: true,
  status: true,
  origin: true,
  scheduledFor: true,
  scheduledTime: true,
  requestedById: true,
  requestedAt: true,
  requestNote: true,
  site: { select: { name: true } },
  technician: { select: { user: { select: { name: true } } } },
} as const satisfies Prisma.LotWalkSelect;

type CustomerWalkRow = Prisma.LotWalkGetPayload<{ select: typeof CUSTOMER_WALK_SELECT }>;

/** A walk as the customer sees it: when, where, who, and whether it is their own request they may still withdraw. */
export const customerWalkView = (w: CustomerWalkRow) => ({
  id: w.id,
  date: w.scheduledFor ? dateText(w.scheduledFor) : null,
  time: w.scheduledTime,
  status: w.status,
  siteName: w.site?.name ?? null,
  technicianName: w.technician?.user.name ?? null,
  requested: w.requestedById !== null,
  requestedAt: w.requestedAt,
  note: w.requestNote,
  cancellable: w.requestedById !== null && w.status === "SCHEDULED",
});
export type CustomerWalkView = ReturnType<typeof customerWalkView>;
