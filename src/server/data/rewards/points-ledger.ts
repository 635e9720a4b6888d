// A customer's points: the balance is the sum of its ledger's entries. A redemption holds the
// customer's row (lockCustomer) while it reads the balance and writes, so two redemptions at once
// are decided one after the other and never overdraw.
import "server-only";
import type { PointsKind } from "~/domain/rewards";
import type { Db, DbTx } from "../../db";

export async function pointsBalanceOf(db: Db | DbTx, customerId: string): Promise<number> {
  const { _sum } = await db.pointsEntry.aggregate({ where: { customerId }, _sum: { points: true } });
  return _sum.points ?? 0;
}

export type LedgerEntryView = {
  id: string;
  kind: PointsKind;
  points: number;
  valueCents: number | null;
  /** A redemption already taken onto an invoice (the discount line's invoice). */
  invoiceId: string | null;
  note: string;
  repairId: string | null;
  /** The unit of the repair it was granted for. */
  unitNumber: string | null;
  /** The other customer of a referral. */
  referralCustomerName: string | null;
  createdAt: Date;
};

/** The ledger, newest first. */
export async function ledgerOf(db: Db | DbTx, customerId: string, limit = 200): Promise<LedgerEntryView[]> {
  const rows = await db.pointsEntry.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: {
      repair: { select: { unit: { select: { unitNumber: true } } } },
      referralCustomer: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    points: r.points,
    valueCents: r.valueCents,
    invoiceId: r.invoiceId,
    note: r.note,
    repairId: r.repairId,
    unitNumber: r.repair?.unit.unitNumber ?? null,
    referralCustomerName: r.referralCustomer?.name ?? null,
    createdAt: r.createdAt,
  }));
}
