// Issuing: drafts get their numbers, dates and totals, and their repairs move COMPLETED -> INVOICED
// through the transition table, all in the caller's transaction. Events: one REPAIR_INVOICED per
// invoice (not per repair) and INVOICE_ISSUED. Several drafts are issued with a fixed number of
// statements (the bench's 10,000 repairs make thousands of invoices in one run).
import "server-only";
import {
  type Actor,
  type DomainEventInput,
  type PaymentTermsCode,
  assertIssuable,
  authorizeTransition,
  businessYear,
  dayKey,
  dueOn,
  invoiceNumber,
} from "~/domain";
import { type AuditEntry, writeAudits } from "../../audit/write-audit";
import { config } from "../../config";
import type { DbTx } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import { recordEvents } from "../events/record-event";
import { repairRef } from "../repairs/load-repair-for";
import { type BillingCtx, actorOf, auditActorOf, originOf, userIdOf } from "./billing-context";

export type IssuedInvoice = { id: string; number: string; totalCents: number };

type LockedRepair = {
  id: string;
  customerId: string;
  technicianId: string | null;
  priceCents: number | null;
  estimateCents: number | null;
  status: string;
};

/**
 * Issues the drafts, numbered in period order. Throws on the first refusal (not a draft, no
 * repair line, a repair no longer COMPLETED), and the caller's transaction writes nothing.
 */
export async function issueInvoices(
  tx: DbTx,
  ctx: BillingCtx,
  invoiceIds: readonly string[],
  now = new Date(),
): Promise<IssuedInvoice[]> {
  if (invoiceIds.length === 0) return [];
  const timeZone = config().BUSINESS_TIME_ZONE;
  const ids = [...new Set(invoiceIds)].sort();
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Invoice" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  if (locked.length !== ids.length) throw new NotFound("Invoice");
  const invoices = await tx.invoice.findMany({
    where: { id: { in: ids } },
    include: { lines: { orderBy: { position: "asc" } } },
    orderBy: [{ periodStart: "asc" }, { groupKey: "asc" }, { id: "asc" }],
  });
  const totals = new Map<string, number>();
  for (const invoice of invoices) {
    if (invoice.status !== "DRAFT")
      throw new InvalidRequest("INVOICE_NOT_DRAFT", "only a draft can be issued: this invoice is already issued");
    totals.set(invoice.id, assertIssuable(invoice.lines));
  }
  const repairsOf = new Map(
    invoices.map((i) => [i.id, i.lines.flatMap((l) => (l.kind === "REPAIR" && l.repairId ? [l.repairId] : []))]),
  );
  const repairIds = [...repairsOf.values()].flat().sort();
  const actor: Actor = actorOf(ctx);
  const repairs = await tx.$queryRaw<LockedRepair[]>`
    SELECT id, "customerId", "technicianId", "priceCents", "estimateCents", status::text AS status
    FROM "Repair" WHERE id = ANY(${repairIds}::uuid[]) ORDER BY id FOR UPDATE`;
  for (const repair of repairs) authorizeTransition(actor, "invoice", repairRef(repair as never));

  const issuedOn = dayKey(now, timeZone);
  const year = businessYear(now, timeZone);
  // The year's counter raised by the whole batch in one statement, under its row lock.
  const [counter] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceNumberCounter" ("year", "last") VALUES (${year}, ${invoices.length})
    ON CONFLICT ("year") DO UPDATE SET "last" = "InvoiceNumberCounter"."last" + ${invoices.length}
    RETURNING "last"`;
  const first = counter!.last - invoices.length + 1;
  const issued = invoices.map((invoice, i) => ({
    invoice,
    number: invoiceNumber(year, first + i),
    due: dueOn(issuedOn, invoice.paymentTerms as PaymentTermsCode),
    totalCents: totals.get(invoice.id)!,
  }));
  const rows = issued.map((x) => ({ id: x.invoice.id, number: x.number, dueOn: x.due, totalCents: x.totalCents }));
  await tx.$executeRaw`
    UPDATE "Invoice" i SET "number" = v."number", "status" = 'ISSUED', "issuedAt" = ${now}, "issuedOn" = ${issuedOn}::date,
      "dueOn" = v."dueOn", "totalCents" = v."totalCents", "updatedAt" = ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("id" uuid, "number" text, "dueOn" date, "totalCents" int)
    WHERE i.id = v.id`;
  if (repairIds.length)
    await tx.repair.updateMany({
      where: { id: { in: repairIds }, status: "COMPLETED" },
      data: { status: "INVOICED", invoicedAt: now },
    });

  const audits: AuditEntry[] = [];
  const events: DomainEventInput[] = [];
  for (const { invoice, number, due, totalCents } of issued) {
    const ofInvoice = repairsOf.get(invoice.id)!;
    audits.push({
      actor: auditActorOf(ctx),
      origin: originOf(ctx),
      action: "invoice.issue",
      entityType: "Invoice",
      entityId: invoice.id,
      changes: {
        number: { before: null, after: number },
        status: { before: "DRAFT", after: "ISSUED" },
        dueOn: { before: null, after: due },
        totalCents: { before: null, after: totalCents },
      },
    });
    for (const id of ofInvoice)
      audits.push({
        actor: auditActorOf(ctx),
        origin: originOf(ctx),
        action: "repair.invoice",
        entityType: "Repair",
        entityId: id,
        changes: {
          status: { before: "COMPLETED", after: "INVOICED" },
          invoicedAt: { before: null, after: now.toISOString() },
          invoice: { before: null, after: number },
        },
      });
    const base = { customerId: invoice.customerId, invoiceId: invoice.id, actorUserId: userIdOf(ctx), walkId: invoice.walkId };
    if (ofInvoice.length)
      events.push({ ...base, type: "REPAIR_INVOICED", payload: { number, repairIds: ofInvoice } });
    events.push({ ...base, type: "INVOICE_ISSUED", payload: { number, totalCents, dueOn: due, kind: invoice.kind } });
  }
  await writeAudits(tx, audits);
  await recordEvents(tx, events);
  return issued.map((x) => ({ id: x.invoice.id, number: x.number, totalCents: x.totalCents }));
}
