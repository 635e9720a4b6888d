// Writes events into the outbox (DomainEvent) in the caller's transaction: they commit or roll
// back with the change that caused them. One statement whatever the number of events, so a
// sync batch of fifty captures pays for one insert.
import "server-only";
import { randomUUID } from "node:crypto";
import { type DomainEventInput, eventGroupKey } from "~/domain/index";
import type { DbTx } from "../../db";
import { insertRows } from "../../db/insert-rows";

export async function recordEvents(tx: DbTx, events: readonly DomainEventInput[]): Promise<void> {
  const occurredAt = new Date().toISOString();
  await insertRows(
    tx,
    "DomainEvent",
    events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      occurredAt,
      customerId: event.customerId,
      repairId: event.repairId ?? null,
      walkId: event.walkId ?? null,
      invoiceId: event.invoiceId ?? null,
      actorUserId: event.actorUserId,
      groupKey: eventGroupKey(event),
      payload: event.payload ?? {},
    })),
  );
}
