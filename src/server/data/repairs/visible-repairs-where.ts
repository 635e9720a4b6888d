// The "repair.view" rule of the domain as a database filter, so lists can be paginated in SQL.
// Lists still pass every row through decide() (list-repairs.ts): this filter only narrows.
import "server-only";
import { type Actor, actorKind, teamOf } from "~/domain/index";
import type { Prisma } from "../../db/generated/client";

const NOTHING: Prisma.RepairWhereInput = { id: { in: [] } };

export function visibleRepairsWhere(actor: Actor): Prisma.RepairWhereInput {
  switch (actorKind(actor)) {
    case "admin":
      return {};
    case "customer":
      return actor.customerId ? { customerId: actor.customerId } : NOTHING;
    case "technician":
      return actor.technician ? { technicianId: actor.technician.id } : NOTHING;
    case "manager":
      // Unassigned work is always visible to whoever may assign it.
      return actor.technician
        ? { OR: [{ technicianId: null }, { technicianId: { in: [...teamOf(actor.technician)] } }] }
        : NOTHING;
  }
}
