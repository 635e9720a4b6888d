// Gathers, from the prepared snapshot and this device's own captures, the facts the device
// estimate needs. Used by the capture screen (live) and by captureRepair (what gets queued).
import type { EstimateFacts } from "../estimate/device-estimate";
import type { PreparedCustomer, PreparedUnit } from "../sync/contract";
import type { RsDb } from "./db";
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

export async function estimateFactsFor(db: RsDb, q: EstimateQuestion): Promise<EstimateFacts & { unit: PreparedUnit | undefined }> {
  const customer: PreparedCustomer | undefined = await db.snapshotCustomers.get(q.customerId);
  if (!customer) throw new NotPrepared("This customer's price list");
  const info = await snapshotInfo(db);
  const since = info?.preparedAt ?? new Date(0);
  const unit = await findUnit(db, q.customerId, q.unitNumber);
  // Only what the server has not counted yet: fixed here after the snapshot was taken.
  const fixedHere = await db.localRepairs
    .where("[customerId+unitNumber]")
    .between([q.customerId, ""], [q.customerId, "\uffff"])
    .filter((r) => r.completedOnSpot === 1 && r.sync !== "rejected" && r.capturedAt > since)
    .toArray();
  const unitNumber = unit?.unitNumber ?? q.unitNumber;
  return {
    customer,
    unit,
    completedOnWindshield: unit?.completedOnWindshield ?? 0,
    completedOnSpotOnUnit: fixedHere.filter((r) => r.unitNumber === unitNumber).length,
    completedOnSpotForCustomer: fixedHere.length,
    breakIndex: q.breakIndex,
    completedOnSpot: q.completedOnSpot,
    hasDamagePhoto: q.hasDamagePhoto,
    hasAfterPhoto: q.hasAfterPhoto,
  };
}

/** Unit numbers are typed on a phone: match the known unit whatever the case or spaces. */
export async function findUnit(db: RsDb, customerId: string, typed: string): Promise<PreparedUnit | undefined> {
  const wanted = typed.trim().toUpperCase();
  if (!wanted) return undefined;
  return db.snapshotUnits
    .where("customerId")
    .equals(customerId)
    .filter((u) => u.unitNumber.toUpperCase() === wanted)
    .first();
}
