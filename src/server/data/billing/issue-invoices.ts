// Issuing: a draft gets its number, dates and totals, and its repairs move COMPLETED -> INVOICED
// through the transition table, all in the caller's transaction. Events: one REPAIR_INVOICED per
// invoice (not per repair) and INVOICE_ISSUED.
import "server-only";
import {
  type Actor,
  type PaymentTermsCode,
  assertIssuable,
  authorizeTransition,
  businessYear,
  dayKey,
  dueOn,
} from "~/domain";
import { type AuditEntry, writeAudits } from "../../audit/write-audit";
import { config } from "../../config";
import type { DbTx } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import { recordEvents } from "../events/record-event";
import { dateValue } from "../planning/planned-walks";
import { repairRef } from "../repairs/load-repair-for";
import { type BillingCtx, actorOf, auditActorOf, originOf, userIdOf } from "./billing-context";
import { nextInvoiceNumber } from "./invoice-number";

export type IssuedInvoice = { id: string; number: string; totalCents: number };

/** Issues each draft, in id order (one lock order for every caller). Throws on the first refusal. */
export async function issueInvoices(
  tx: DbTx,
  ctx: BillingCtx,
  invoiceIds: readonly string[],
  now = new Date(),
): Promise<IssuedInvoice[]> {
  const issued: IssuedInvoice[] = [];
  for (const id of [...invoiceIds].sort()) issued.push(await issueOne(tx, ctx, id, now));
  return issued;
}

async function issueOne(tx: DbTx, ctx: BillingCtx, invoiceId: string, now: Date): Promise<IssuedInvoice> {
  const timeZone = config().BUSINESS_TIME_ZONE;
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Invoice" WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  if (!locked) throw new NotFound("Invoice");
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (invoice.status !== "DRAFT")
    throw new InvalidRequest("INVOICE_NOT_DRAFT", "only a draft can be issued: this invoice is already issued");
  const totalCents = assertIssuable(invoice.lines);
  const repairIds = invoice.lines.flatMap((l) => (l.kind === "REPAIR" && l.repairId ? [l.repairId] : []));
  const actor: Actor = actorOf(ctx);
  // Lock the repairs in id order; each must still be COMPLETED and billable by this actor.
  const repairs = repairIds.length
    ? await tx.$queryRaw<{ id: string; customerId: string; technicianId: string | null; priceCents: number | null; estimateCents: number | null; status: string }[]>`
        SELECT id, "customerId", "technicianId", "priceCents", "estimateCents", status::text AS status
        FROM "Repair" WHERE id = ANY(${[...repairIds].sort()}::uuid[]) ORDER BY id FOR UPDATE`
    : [];
  for (const repair of repairs) authorizeTransition(actor, "invoice", repairRef(repair as never));
  const issuedOn = dayKey(now, timeZone);
  const number = await nextInvoiceNumber(tx, businessYear(now, timeZone));
  const due = dueOn(issuedOn, invoice.paymentTerms as PaymentTermsCode);
  await tx.invoice.update({
    where: { id: invoiceId },
    data: {
      number,
      status: "ISSUED",
      issuedAt: now,
      issuedOn: dateValue(issuedOn),
      dueOn: dateValue(due),
      totalCents,
    },
  });
  if (repairIds.length)
    await tx.repair.updateMany({
      where: { id: { in: repairIds }, status: "COMPLETED" },
      data: { status: "INVOICED", invoicedAt: now },
    });
  const audits: AuditEntry[] = [
    {
      actor: auditActorOf(ctx),
      origin: originOf(ctx),
      action: "invoice.issue",
      entityType: "Invoice",
      entityId: invoiceId,
      changes: {
        number: { before: null, after: number },
        status: { before: "DRAFT", after: "ISSUED" },
        dueOn: { before: null, after: due },
        totalCents: { before: null, after: totalCents },
      },
    },
    ...repairIds.map((id) => ({
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
    })),
  ];
  await writeAudits(tx, audits);
  const base = { customerId: invoice.customerId, invoiceId, actorUserId: userIdOf(ctx), walkId: invoice.walkId };
  await recordEvents(tx, [
    ...(repairIds.length ? [{ ...base, type: "REPAIR_INVOICED" as const, payload: { number, repairIds } }] : []),
    { ...base, type: "INVOICE_ISSUED", payload: { number, totalCents, dueOn: due, kind: invoice.kind } },
  ]);
  return { id: invoiceId, number, totalCents };
}
