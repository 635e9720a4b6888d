// A parts request as the office list and the phone's repair card show it.
import "server-only";
import type { Prisma } from "../../db/generated/client";

export const PARTS_REQUEST_INCLUDE = {
  repair: {
    select: {
      id: true,
      status: true,
      urgent: true,
      customerId: true,
      technicianId: true,
      estimateCents: true,
      priceCents: true,
      customer: { select: { id: true, name: true } },
      unit: { select: { unitNumber: true } },
      technician: { select: { id: true, user: { select: { name: true } } } },
    },
  },
} satisfies Prisma.PartsRequestInclude;

type Row = Prisma.PartsRequestGetPayload<{ include: typeof PARTS_REQUEST_INCLUDE }>;

export type PartsRequestRow = Row;

export function partsRequestView({ repair, ...request }: Row) {
  return {
    ...request,
    repair: {
      id: repair.id,
      status: repair.status,
      urgent: repair.urgent,
      customer: repair.customer,
      unitNumber: repair.unit.unitNumber,
      technician: repair.technician ? { id: repair.technician.id, name: repair.technician.user.name } : null,
    },
  };
}
export type PartsRequestView = ReturnType<typeof partsRequestView>;
