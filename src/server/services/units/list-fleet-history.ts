// A customer's fleet as its own users read it: each unit with the repairs on every windshield
// it has had (the current one first, newest repair first) and each repair's photos' metadata.
// A page of units at a time, by unit number; a search narrows by unit number, VIN or model.
import "server-only";
import { z } from "zod";
import { FIELDS, normalizeUnitNumber } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { pageInput, pageOf, pageQuery } from "../../data/page";
import { customerInScope } from "../../data/customers/customer-in-scope";
import { type RepairCard, loadRepairCards } from "../../data/repairs/load-repair-cards";
import { textInput } from "../../data/shared-inputs";

export const listFleetHistoryInput = z.object({
  /** Defaults to the customer user's own company. */
  customerId: z.uuid().optional(),
  search: textInput(FIELDS.search).optional(),
  ...pageInput(25, 100),
});
export type ListFleetHistoryInput = z.input<typeof listFleetHistoryInput>;

export type Windshield = { seq: number; current: boolean; repairs: RepairCard[] };

export async function listFleetHistory(db: Db, ctx: ServiceContext, raw: ListFleetHistoryInput = {}) {
  const input = listFleetHistoryInput.parse(raw);
  const customerId = customerInScope(ctx.actor, input.customerId, "customer.priceList.view");
  const search = input.search ? { contains: input.search, mode: "insensitive" as const } : undefined;
  const rows = await db.unit.findMany({
    where: {
      customerId,
      ...(search
        ? {
            OR: [
              // Stored numbers are normalized: "sr  105" finds SR 105.
              { unitNumber: { ...search, contains: normalizeUnitNumber(search.contains) } },
              { vin: search },
              { make: search },
              { model: search },
            ],
          }
        : {}),
    },
    orderBy: [{ unitNumber: "asc" }, { id: "asc" }],
    ...pageQuery(input),
  });
  const page = pageOf(rows, input.limit);
  const repairs = await loadRepairCards(
    db,
    ctx.actor,
    { unitId: { in: page.items.map((u) => u.id) } },
    { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
  );
  return {
    ...page,
    items: page.items.map((unit) => ({
      ...unit,
      windshields: windshieldsOf(
        unit.windshieldSeq,
        repairs.filter((r) => r.unitId === unit.id),
      ),
    })),
  };
}

/** Every windshield from the current one back to the first, each with its repairs (possibly none). */
function windshieldsOf(currentSeq: number, repairs: RepairCard[]): Windshield[] {
  return Array.from({ length: currentSeq }, (_, i) => currentSeq - i).map((seq) => ({
    seq,
    current: seq === currentSeq,
    repairs: repairs.filter((r) => r.windshieldSeq === seq),
  }));
}
