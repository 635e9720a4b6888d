// Gathers, from the prepared snapshot and this device's own captures, the facts the device
// estimate needs. Used by the capture screen (live) and by captureRepair (what gets queued),
// so it reads only by index and all at once: it runs inside every save.
import type { EstimateFacts } from "../estimate/device-estimate";
import type { PreparedCustomer } from "../sync/contract";
import { type RsDb, type SnapshotUnitRow, unitKey } from "./db";
import { snapshotInfo } from "./prepared-snapshot";

export class NotPrepared extends Error {
  constructor(what: string) {
    super(`${what} is not on this device: prepare for offline while online first.`);
  }
}

export type EstimateQuestion = {
  customerId: string;
  unitNumber: string;
  breakIndex: number;
  completedOnSpot: boolean;
  hasDamagePhoto: boolean;
  hasAfterPhoto: boolean;
};

export async function estimateFactsFor(
  db: RsDb,
  q: EstimateQuestion,
): Promise<EstimateFacts & { unit: SnapshotUnitRow | undefined }> {
  const [customer, info, unit, fixedOnSpot] = await Promise.all([
    db.snapshotCustomers.get(q.customerId) as Promise<PreparedCustomer | undefined>,
    snapshotInfo(db),
    findUnit(db, q.customerId, q.unitNumber),
    db.localRepairs.where("[customerId+completedOnSpot]").equals([q.customerId, 1]).toArray(),
  ]);
  if (!customer) throw new NotPrepared("This customer's price list");
  // Only what the server has not counted yet: fixed here after the snapshot was taken.
  const since = info?.preparedAt ?? new Date(0);
  const fixedHere = fixedOnSpot.filter((r) => r.sync !== "rejected" && r.capturedAt > since);
  const key = unitKey(q.unitNumber);
  return {
    customer,
    unit,
    completedOnWindshield: unit?.completedOnWindshield ?? 0,
    completedOnSpotOnUnit: fixedHere.filter((r) => unitKey(r.unitNumber) === key).length,
    completedOnSpotForCustomer: fixedHere.length,
    breakIndex: q.breakIndex,
    completedOnSpot: q.completedOnSpot,
    hasDamagePhoto: q.hasDamagePhoto,
    hasAfterPhoto: q.hasAfterPhoto,
  };
}

/** Unit numbers are typed on a phone: match the known unit whatever the case or spaces. */
export async function findUnit(db: RsDb, customerId: string, typed: string): Promise<SnapshotUnitRow | undefined> {
  const key = unitKey(typed);
  return key ? db.snapshotUnits.where("[customerId+unitKey]").equals([customerId, key]).first() : undefined;
}
