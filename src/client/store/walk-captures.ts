// What the walk screen shows of a walk's captures, read by index so that its cost does not grow
// with the walk: the units captured most recently (each with all its repairs on this walk) and
// counts from index keys alone. A 100-unit walk re-reads a handful of rows per save, not 100.
import { Dexie } from "dexie";
import { normalizeUnitNumber } from "~/domain";
import type { BlobRow, LocalRepair, RsDb } from "./db";

export type CapturedUnit = { unitNumber: string; repairs: LocalRepair[] };

export type RecentCaptures = {
  /** Most recently captured first; each unit's repairs in the order they were captured. */
  units: CapturedUnit[];
  files: BlobRow[];
  totalUnits: number;
  totalRepairs: number;
};

const ofWalk = (walkId: string) =>
  [
    [walkId, Dexie.minKey],
    [walkId, Dexie.maxKey],
  ] as const;

export async function recentCaptures(db: RsDb, walkId: string, unitLimit: number): Promise<RecentCaptures> {
  return db.transaction("r", [db.localRepairs, db.blobs], async () => {
    const [from, to] = ofWalk(walkId);
    const byUnit = db.localRepairs.where("[walkId+unitNumber]").between(from, to);
    const [unitKeys, totalRepairs, latestUnits] = await Promise.all([
      byUnit.clone().uniqueKeys(),
      byUnit.clone().count(),
      latestUnitNumbers(db, walkId, unitLimit),
    ]);
    const repairs = latestUnits.length
      ? await db.localRepairs
          .where("[walkId+unitNumber]")
          .anyOf(latestUnits.map((u) => [walkId, u]))
          .toArray()
      : [];
    const files = repairs.length
      ? await db.blobs
          .where("ownerId")
          .anyOf(repairs.map((r) => r.id))
          .toArray()
      : [];
    const units = latestUnits.map((unitNumber) => ({
      unitNumber,
      repairs: repairs
        .filter((r) => r.unitNumber === unitNumber)
        .sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime()),
    }));
    return { units, files, totalUnits: unitKeys.length, totalRepairs };
  });
}

/** The last `limit` distinct units captured on the walk, newest first, reading back from the end. */
async function latestUnitNumbers(db: RsDb, walkId: string, limit: number): Promise<string[]> {
  const [from, to] = ofWalk(walkId);
  const seen: string[] = [];
  await db.localRepairs
    .where("[walkId+capturedAt]")
    .between(from, to)
    .reverse()
    .until(() => seen.length >= limit)
    .each((r) => {
      if (!seen.includes(r.unitNumber)) seen.push(r.unitNumber);
    });
  return seen.slice(0, limit);
}

/** The repairs (not refused) this walk already holds for one unit. */
export async function capturedOnUnit(db: RsDb, walkId: string, unitNumber: string): Promise<LocalRepair[]> {
  const repairs = await db.localRepairs
    .where("[walkId+unitNumber]")
    .equals([walkId, normalizeUnitNumber(unitNumber)])
    .toArray();
  return repairs.filter((r) => r.sync !== "rejected");
}
