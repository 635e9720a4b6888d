// Short ways through the services for tests that need repairs in a given state.
import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db";
import { captureRepair, type CaptureRepairInput } from "~/server/services/repairs/capture-repair";
import { completeRepair } from "~/server/services/repairs/complete-repair";
import { requestRepair } from "~/server/services/repairs/request-repair";
import { startRepair } from "~/server/services/repairs/start-repair";
import { type Person, type World, contextFor, createUnit, photo } from "./fixtures";

type Walk = { id: string; customerId: string };

/** A chip found on `walk` by `by` (Tina on Acme's lot by default), with a damage photo. */
export function capture(
  db: Db,
  world: World,
  changes: Partial<CaptureRepairInput> = {},
  by: Person = world.tina,
  walk: Walk = world.walk,
) {
  return captureRepair(db, contextFor(by), {
    id: randomUUID(),
    walkId: walk.id,
    customerId: walk.customerId,
    unitNumber: "A-100",
    damageType: "CHIP",
    attachments: [photo("DAMAGE")],
    ...changes,
  });
}

/** Start and complete an approved repair, with an after photo. */
export async function finish(db: Db, by: Person, repairId: string, completedAt?: Date) {
  await startRepair(db, contextFor(by), { repairId });
  return completeRepair(db, contextFor(by), { repairId, completedAt, attachments: [photo("AFTER")] });
}

/** Capture and complete one repair on a unit: one more repair in its history. */
export async function completedRepair(db: Db, world: World, unitNumber: string, by: Person = world.tina) {
  const repair = await capture(db, world, { unitNumber }, by);
  return finish(db, by, repair.id);
}

/** Carla asks for a chip repair on a new unit of Acme's: REQUESTED, nobody assigned yet. */
export async function requested(db: Db, world: World, unitNumber: string) {
  const unit = await createUnit(db, world.acme.id, unitNumber);
  return requestRepair(db, contextFor(world.carla), { id: randomUUID(), unitId: unit.id, damageType: "CHIP" });
}
