// The business's billing settings (BusinessSettings row id 1): drafts reviewed before issuing or
// not, and the invoice header. The defaults until an admin saves them are the columns' defaults.
import "server-only";
import type { Db, DbTx } from "../../db";

export type BillingSettings = {
  invoiceDrafts: boolean;
  invoiceName: string;
  invoiceAddress: string;
  invoiceEmail: string;
};

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  invoiceDrafts: false,
  invoiceName: "RS Systems Windshield Repair",
  invoiceAddress: "",
  invoiceEmail: "",
};

export async function readBillingSettings(db: Db | DbTx): Promise<BillingSettings> {
  const row = await db.businessSettings.findUnique({
    where: { id: 1 },
    select: { invoiceDrafts: true, invoiceName: true, invoiceAddress: true, invoiceEmail: true },
  });
  return row ?? DEFAULT_BILLING_SETTINGS;
}
