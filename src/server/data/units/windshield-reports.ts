// A customer's report that a unit's windshield was replaced, as the portal and the office see it.
import "server-only";
import type { Prisma } from "../../db/generated/client";
import { dateText } from "../planning/planned-walks";

export const WINDSHIELD_REPORT_SELECT = {
  id: true,
  customerId: true,
  unitId: true,
  replacedOn: true,
  note: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  customer: { select: { name: true } },
  unit: { select: { unitNumber: true, windshieldSeq: true } },
} as const satisfies Prisma.WindshieldReportSelect;

type Row = Prisma.WindshieldReportGetPayload<{ select: typeof WINDSHIELD_REPORT_SELECT }>;

export const windshieldReportView = (r: Row) => ({
  id: r.id,
  customerId: r.customerId,
  customerName: r.customer.name,
  unitId: r.unitId,
  unitNumber: r.unit.unitNumber,
  replacedOn: dateText(r.replacedOn),
  note: r.note,
  status: r.status,
  reportedAt: r.createdAt,
  decidedAt: r.decidedAt,
});
export type WindshieldReportView = ReturnType<typeof windshieldReportView>;
