// What capturing a repair reads besides the repair itself: the walk, the customer (approval
// settings), its price list and the pricing history counts. A single capture reads them fresh.
import type { DbTx } from "../../db";
import type { Customer, LotWalk } from "../../db/generated/client";
import { type PricingFacts, freshPricingFacts } from "../pricing/quote-repair";

export type CaptureFacts = PricingFacts & {
  walk(tx: DbTx, id: string): Promise<LotWalk | null>;
  customer(tx: DbTx, id: string): Promise<Customer | null>;
  /** A repair of this customer was completed: its history counts changed. */
  historyChanged(customerId: string): void;
};

export const freshCaptureFacts: CaptureFacts = {
  ...freshPricingFacts,
  walk: (tx, id) => tx.lotWalk.findUnique({ where: { id } }),
  customer: (tx, id) => tx.customer.findUnique({ where: { id } }),
  historyChanged: () => {},
};
