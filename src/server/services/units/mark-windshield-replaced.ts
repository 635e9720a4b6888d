// The office records a new windshield on a unit: tier pricing restarts from the first tier,
// older repairs stay in the history on their own windshield, and open repairs are re-estimated.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import type { Unit } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { dateInput } from "../../data/shared-inputs";
import { loadUnitFor } from "../../data/units/load-unit-for";
import { replaceWindshield } from "../../data/units/replace-windshield";

export const markWindshieldReplacedInput = z.object({ unitId: z.uuid(), replacedAt: dateInput.optional() });
export type MarkWindshieldReplacedInput = z.input<typeof markWindshieldReplacedInput>;

export async function markWindshieldReplaced(
  db: Db,
  ctx: ServiceContext,
  raw: MarkWindshieldReplacedInput,
): Promise<Unit> {
  const input = markWindshieldReplacedInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await loadUnitFor(tx, ctx.actor, input.unitId);
    assertAllowed(ctx.actor, "unit.replaceWindshield", { customerId: before.customerId });
    return replaceWindshield(tx, ctx, before, input.replacedAt ?? new Date());
  });
}
