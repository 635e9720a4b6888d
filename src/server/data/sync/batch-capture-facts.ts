// The facts a sync batch's captures share, read once per batch instead of once per capture
// (a batch is up to 50 captures on one walk): the customer, its price list and the history
// counts. Reading them at the batch's start is as if the batch ran a moment earlier; a
// completion inside the batch makes the counts be read again. Only found records are kept.
// The walk is not among them: every write reads it under lock, as a start or finish earlier in
// the batch may have changed it.
import "server-only";
import { monthKey } from "~/domain/index";
import { config } from "../../config";
import type { DbTx } from "../../db";
import { completedByWindshield } from "../pricing/price-history";
import { type CaptureFacts, freshCaptureFacts } from "../repairs/capture-facts";

export function batchCaptureFacts(): CaptureFacts {
  const memo = new Map<string, Promise<unknown>>();
  async function once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = memo.get(key) as Promise<T> | undefined;
    if (known) return known;
    const value = await read();
    if (value !== null) memo.set(key, Promise.resolve(value));
    return value;
  }
  const countsOf = (tx: DbTx, customerId: string) =>
    once(`counts:${customerId}`, () => completedByWindshield(tx, customerId));
  return {
    customer: (tx, id) => once(`customer:${id}`, () => freshCaptureFacts.customer(tx, id)),
    rules: (tx, customerId) => once(`rules:${customerId}`, () => freshCaptureFacts.rules(tx, customerId)),
    completedOnWindshield: async (tx, { customerId, unitId, windshieldSeq }) =>
      (await countsOf(tx, customerId)).get(`${unitId}:${windshieldSeq}`) ?? 0,
    completedThisMonth: (tx, customerId, at) =>
      once(`month:${customerId}:${monthKey(at, config().BUSINESS_TIME_ZONE)}`, () =>
        freshCaptureFacts.completedThisMonth(tx, customerId, at),
      ),
    historyChanged(customerId) {
      for (const key of [...memo.keys()]) {
        if (key === `counts:${customerId}` || key.startsWith(`month:${customerId}:`)) memo.delete(key);
      }
    },
  };
}
