// What a repair looks like to the actor: the domain's visibility rule (src/domain/repair-visibility.ts)
// on the database's repair type.
import "server-only";
import { type Actor, type VisibleRepair, visibleRepair } from "~/domain/index";
import type { Repair } from "../../db/generated/client";

export type RepairView<R extends Repair = Repair> = VisibleRepair<R>;

export function repairView<R extends Repair>(actor: Actor, repair: R): RepairView<R> {
  return visibleRepair(actor, repair);
}
