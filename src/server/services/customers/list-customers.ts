// The admin's customer list: each fleet with its settings at a glance and its work in numbers.
import "server-only";
import { z } from "zod";
import { FIELDS, decide } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { OPEN_STATUSES } from "../../data/repairs/refresh-open-estimates";
import { textInput } from "../../data/shared-inputs";

export const listCustomersInput = z.object({ search: textInput(FIELDS.search).optional() });
export type ListCustomersInput = z.input<typeof listCustomersInput>;

export async function listCustomers(db: Db, ctx: ServiceContext, raw: ListCustomersInput = {}) {
  const input = listCustomersInput.parse(raw);
  const customers = await db.customer.findMany({
    where: input.search ? { name: { contains: input.search, mode: "insensitive" } } : {},
    select: {
      id: true,
      name: true,
      contactEmail: true,
      phone: true,
      fleetSize: true,
      serviceMode: true,
      paymentTerms: true,
      lotWalkingEnabled: true,
      autoApproveLotRepairs: true,
      settingsVersion: true,
      pricing: { select: { useCustomPricing: true, version: true } },
    },
    orderBy: { name: "asc" },
  });
  const ids = customers.map((c) => c.id);
  const units = await db.unit.groupBy({
    by: ["customerId"],
    where: { customerId: { in: ids } },
    _count: { _all: true },
  });
  const work = await db.repair.groupBy({
    by: ["customerId", "status"],
    where: { customerId: { in: ids }, status: { in: OPEN_STATUSES } },
    _count: { _all: true },
  });
  const count = (customerId: string, pick: (status: string) => boolean) =>
    work.filter((w) => w.customerId === customerId && pick(w.status)).reduce((n, w) => n + w._count._all, 0);
  return customers
    .filter((c) => decide(ctx.actor, "customer.settings.view", { customerId: c.id }).allowed)
    .map((c) => ({
      ...c,
      unitCount: units.find((u) => u.customerId === c.id)?._count._all ?? 0,
      openRepairs: count(c.id, () => true),
      pendingApprovals: count(c.id, (status) => status === "PENDING_APPROVAL"),
    }));
}
