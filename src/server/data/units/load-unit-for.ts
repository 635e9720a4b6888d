// A unit as the actor may see it: staff see every fleet (they price and capture offline from
// it), a customer user only their own company's. Anything else is "not found", so nothing leaks.
import "server-only";
import { type Actor, decide } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Unit } from "../../db/generated/client";
import { NotFound } from "../../errors";

export async function loadUnitFor(tx: DbTx, actor: Actor, unitId: string): Promise<Unit> {
  const unit = await tx.unit.findUnique({ where: { id: unitId } });
  if (!unit || !decide(actor, "customer.priceList.view", { customerId: unit.customerId }).allowed)
    throw new NotFound("Unit");
  return unit;
}
