// Recording money received against an issued invoice: partial payments add up; zero, negative,
// more than the balance, on a void or draft invoice are refused. Paid in full, the invoice is PAID
// and its repairs move INVOICED -> CLOSED through the transition table. PAYMENT_RECEIVED event.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed, assertPayment, authorizeTransition, dayKey } from "~/domain";
import { type AuditEntry, writeAudits } from "../../audit/write-audit";
import { config } from "../../config";
import type { Db } from "../../db";
import { PaymentMethod } from "../../db/generated/client";
import { auditActorOf, originOf } from "../../data/billing/billing-context";
import { loadInvoiceFor } from "../../data/billing/load-invoice-for";
import { recordEvents } from "../../data/events/record-event";
import { dateValue } from "../../data/planning/planned-walks";
import { repairRef } from "../../data/repairs/load-repair-for";
import { centsInput, textInput } from "../../data/shared-inputs";
import type { ServiceContext } from "../../service-context";

export const recordPaymentInput = z.object({
  invoiceId: z.uuid(),
  amountCents: centsInput,
  /** "yyyy-mm-dd"; today (business day) when left out. */
  receivedOn: z.iso.date().optional(),
  method: z.enum(PaymentMethod),
  reference: textInput(FIELDS.paymentReference).default(""),
});

export type RecordedPayment = { paymentId: string; paidCents: number; balanceCents: number; paidInFull: boolean };

export async function recordPayment(
  db: Db,
  ctx: ServiceContext,
  input: z.input<typeof recordPaymentInput>,
): Promise<RecordedPayment> {
  const parsed = recordPaymentInput.parse(input);
  assertAllowed(ctx.actor, "invoice.manage", null);
  return db.$transaction(async (tx) => {
    const invoice = await loadInvoiceFor(tx, ctx.actor, parsed.invoiceId, { lock: true });
    assertPayment(invoice, parsed.amountCents);
    const now = new Date();
    const receivedOn = parsed.receivedOn ?? dayKey(now, config().BUSINESS_TIME_ZONE);
    const payment = await tx.payment.create({
      data: {
        invoiceId: invoice.id,
        amountCents: parsed.amountCents,
        receivedOn: dateValue(receivedOn),
        method: parsed.method,
        reference: parsed.reference,
        recordedById: ctx.actor.userId,
      },
    });
    const paidCents = invoice.paidCents + parsed.amountCents;
    const paidInFull = paidCents === invoice.totalCents;
    await tx.invoice.update({
      where: { id: invoice.id },
      data: { paidCents, ...(paidInFull ? { status: "PAID" } : {}) },
    });
    const audits: AuditEntry[] = [
      {
        actor: auditActorOf(ctx),
        origin: originOf(ctx),
        action: "invoice.payment",
        entityType: "Invoice",
        entityId: invoice.id,
        changes: {
          payment: {
            before: null,
            after: {
              id: payment.id,
              amountCents: parsed.amountCents,
              receivedOn,
              method: parsed.method,
              reference: parsed.reference,
            },
          },
          paidCents: { before: invoice.paidCents, after: paidCents },
          ...(paidInFull ? { status: { before: invoice.status, after: "PAID" } } : {}),
        },
      },
    ];
    if (paidInFull) {
      const repairs = await tx.$queryRaw<
        {
          id: string;
          customerId: string;
          technicianId: string | null;
          priceCents: number | null;
          estimateCents: number | null;
          status: string;
        }[]
      >`
        SELECT r.id, r."customerId", r."technicianId", r."priceCents", r."estimateCents", r.status::text AS status
        FROM "Repair" r JOIN "InvoiceLine" l ON l."repairId" = r.id
        WHERE l."invoiceId" = ${invoice.id}::uuid AND l.kind = 'REPAIR' ORDER BY r.id FOR UPDATE OF r`;
      for (const repair of repairs) authorizeTransition(ctx.actor, "close", repairRef(repair as never));
      const ids = repairs.map((r) => r.id);
      if (ids.length)
        await tx.repair.updateMany({
          where: { id: { in: ids }, status: "INVOICED" },
          data: { status: "CLOSED", closedAt: now },
        });
      for (const id of ids)
        audits.push({
          actor: auditActorOf(ctx),
          origin: originOf(ctx),
          action: "repair.close",
          entityType: "Repair",
          entityId: id,
          changes: {
            status: { before: "INVOICED", after: "CLOSED" },
            closedAt: { before: null, after: now.toISOString() },
          },
        });
    }
    await writeAudits(tx, audits);
    await recordEvents(tx, [
      {
        type: "PAYMENT_RECEIVED",
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        actorUserId: ctx.actor.userId,
        payload: {
          number: invoice.number,
          amountCents: parsed.amountCents,
          paidCents,
          totalCents: invoice.totalCents,
          paidInFull,
        },
      },
    ]);
    return { paymentId: payment.id, paidCents, balanceCents: invoice.totalCents - paidCents, paidInFull };
  });
}
