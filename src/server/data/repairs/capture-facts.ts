// What capturing a repair reads besides the repair, its walk and its unit: the customer
// (approval settings), its price list and the pricing history counts. A single capture reads
// them fresh. (The walk is always read under lock: see lock-walks-for-capture.ts.)
import "server-only";
import type { DbTx } from "../../db";
import type { Customer } from "../../db/generated/client";
import { type PricingFacts, freshPricingFacts } from "../pricing/quote-repair";

export type CaptureFacts = PricingFacts & {
  customer(tx: DbTx, id: string): Promise<Customer | null>;
  /** A repair of this customer was completed: its history counts changed. */
  historyChanged(customerId: string): void;
};

export const freshCaptureFacts: CaptureFacts = {
  ...freshPricingFacts,
  customer: (tx, id) => tx.customer.findUnique({ where: { id } }),
  historyChanged: () => {},
};
