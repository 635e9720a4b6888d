// A unit number is unique within a customer's fleet, compared as normalizeUnitNumber spells it
// (the only spelling the database stores: migration 0005 checks it). Checked before writing for a clear
// message, and the database's unique index answers the same way if two writes race.
import "server-only";
import { normalizeUnitNumber } from "~/domain/index";
import type { DbTx } from "../../db";
import { InvalidRequest } from "../../errors";
import { isUniqueViolation } from "../retry-on-duplicate-id";

const inUse = (unitNumber: string) =>
  new InvalidRequest("UNIT_NUMBER_IN_USE", `Unit ${unitNumber} is already registered for this customer.`);

const tagInUse = (assetTag: string) =>
  new InvalidRequest("ASSET_TAG_IN_USE", `The asset tag ${assetTag} is already on another unit of this customer.`);

/** Runs `write` unless another unit of the customer already has this number (or asset tag). */
export async function writeUnitNumber<T>(
  tx: DbTx,
  target: { customerId: string; unitNumber: string; assetTag?: string | null; unitId?: string },
  write: () => Promise<T>,
): Promise<T> {
  const unitNumber = normalizeUnitNumber(target.unitNumber);
  const other = await tx.unit.findUnique({
    where: { customerId_unitNumber: { customerId: target.customerId, unitNumber } },
    select: { id: true },
  });
  if (other && other.id !== target.unitId) throw inUse(unitNumber);
  const { assetTag } = target;
  const tagged = assetTag
    ? await tx.unit.findUnique({
        where: { customerId_assetTag: { customerId: target.customerId, assetTag } },
        select: { id: true },
      })
    : null;
  if (assetTag && tagged && tagged.id !== target.unitId) throw tagInUse(assetTag);
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw inUse(unitNumber);
    throw error;
  }
}
