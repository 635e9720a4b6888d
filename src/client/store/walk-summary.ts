// The walk summary the site contact signs: units in the order they were captured, each
// repair with the device's estimate, and the total. Rejected repairs are not part of it.
import { sumCents } from "~/domain";
import type { SignedSummary } from "../sync/contract";
import type { LocalRepair, RsDb } from "./db";

export async function walkRepairs(db: RsDb, walkId: string): Promise<LocalRepair[]> {
  const repairs = await db.localRepairs.where("walkId").equals(walkId).toArray();
  return repairs.sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime());
}

export function summarize(repairs: readonly LocalRepair[]): SignedSummary {
  const units = new Map<string, SignedSummary["units"][number]>();
  for (const r of repairs) {
    if (r.sync === "rejected") continue;
    const unit = units.get(r.unitNumber) ?? { unitNumber: r.unitNumber, repairs: [] };
    unit.repairs.push({ id: r.id, damageType: r.payload.damageType, estimateCents: r.deviceEstimateCents });
    units.set(r.unitNumber, unit);
  }
  const list = [...units.values()];
  return { units: list, totalCents: sumCents(list.flatMap((u) => u.repairs.map((r) => r.estimateCents))) };
}

export async function walkSummary(db: RsDb, walkId: string): Promise<SignedSummary> {
  return summarize(await walkRepairs(db, walkId));
}
