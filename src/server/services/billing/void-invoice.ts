// Voiding: a draft is simply discarded; an issued invoice is never edited but credited. Its credit
// note is a numbered document of its own (kind CREDIT_NOTE, one CREDIT line per line of the
// invoice, amounts negated, so invoice + credit note total zero), the invoice becomes VOID, its
// lines stop holding their repairs, and the repairs go back INVOICED -> COMPLETED ("uninvoice" in
// the transition table) to be billed again by the next run. An invoice with payments is refused:
// its money is refunded first, outside this app.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { assertAllowed, authorizeTransition, businessYear, dayKey } from "~/domain";
import { type AuditEntry, writeAudits } from "../../audit/write-audit";
import { config } from "../../config";
import type { Db } from "../../db";
import { insertRows } from "../../db/insert-rows";
import { auditActorOf, originOf } from "../../data/billing/billing-context";
import { nextInvoiceNumber } from "../../data/billing/invoice-number";
import { loadInvoiceFor } from "../../data/billing/load-invoice-for";
import { recordEvents } from "../../data/events/record-event";
import { releaseRedemptionsOfInvoice } from "../../data/rewards/invoice-redemptions";
import { repairRef } from "../../data/repairs/load-repair-for";
import { reasonInput } from "../../data/shared-inputs";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";

export const voidInvoiceInput = z.object({ invoiceId: z.uuid(), reason: reasonInput });

export type VoidResult = { discarded: boolean; creditNoteId: string | null; creditNoteNumber: string | null };

export async function voidInvoice(
  db: Db,
  ctx: ServiceContext,
  input: z.infer<typeof voidInvoiceInput>,
): Promise<VoidResult> {
  assertAllowed(ctx.actor, "invoice.manage", null);
  const reason = input.reason.trim();
  if (!reason) throw new InvalidRequest("REASON_REQUIRED", "say why the invoice is voided");
  return db.$transaction(async (tx) => {
    const invoice = await loadInvoiceFor(tx, ctx.actor, input.invoiceId, { lock: true });
    const audit = (changes: AuditEntry["changes"], action = "invoice.void", entityId = invoice.id): AuditEntry => ({
      actor: auditActorOf(ctx),
      origin: originOf(ctx),
      action,
      entityType: "Invoice",
      entityId,
      changes,
    });
    if (invoice.kind === "CREDIT_NOTE") throw new InvalidRequest("INVOICE_NOT_DRAFT", "a credit note cannot be voided");
    if (invoice.status === "VOID") throw new InvalidRequest("INVOICE_NOT_DRAFT", "this invoice is already void");
    // Its reward redemptions wait for the customer's next invoice again.
    await releaseRedemptionsOfInvoice(tx, invoice.id);
    if (invoice.status === "DRAFT") {
      await tx.invoice.delete({ where: { id: invoice.id } });
      await writeAudits(tx, [
        audit({ status: { before: "DRAFT", after: null }, reason: { before: null, after: reason } }, "invoice.discard"),
      ]);
      return { discarded: true, creditNoteId: null, creditNoteNumber: null };
    }
    if (invoice.paidCents > 0)
      throw new InvalidRequest("INVOICE_HAS_PAYMENTS", "this invoice has payments: refund them before voiding it");
    const now = new Date();
    const timeZone = config().BUSINESS_TIME_ZONE;
    const today = dayKey(now, timeZone);
    const lines = await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id }, orderBy: { position: "asc" } });
    const repairIds = lines.flatMap((l) => (l.kind === "REPAIR" && l.repairId ? [l.repairId] : [])).sort();
    const repairs = repairIds.length
      ? await tx.$queryRaw<
          {
            id: string;
            customerId: string;
            technicianId: string | null;
            priceCents: number | null;
            estimateCents: number | null;
            status: string;
          }[]
        >`
          SELECT id, "customerId", "technicianId", "priceCents", "estimateCents", status::text AS status
          FROM "Repair" WHERE id = ANY(${repairIds}::uuid[]) ORDER BY id FOR UPDATE`
      : [];
    for (const repair of repairs) authorizeTransition(ctx.actor, "uninvoice", repairRef(repair as never));
    const number = await nextInvoiceNumber(tx, businessYear(now, timeZone));
    const creditId = randomUUID();
    await insertRows(tx, "Invoice", [
      {
        id: creditId,
        number,
        customerId: invoice.customerId,
        kind: "CREDIT_NOTE",
        status: "ISSUED",
        creditsInvoiceId: invoice.id,
        groupKey: invoice.groupKey,
        periodStart: invoice.periodStart.toISOString().slice(0, 10),
        periodEnd: invoice.periodEnd.toISOString().slice(0, 10),
        walkId: invoice.walkId,
        paymentTerms: invoice.paymentTerms,
        issuedAt: now.toISOString(),
        issuedOn: today,
        dueOn: today,
        subtotalCents: -invoice.subtotalCents,
        adjustmentsCents: -invoice.adjustmentsCents,
        totalCents: -invoice.totalCents,
        createdById: ctx.actor.userId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
    ]);
    await insertRows(
      tx,
      "InvoiceLine",
      lines.map((l) => ({
        id: randomUUID(),
        invoiceId: creditId,
        position: l.position,
        kind: "CREDIT",
        repairId: l.repairId,
        live: false,
        description: `Credit: ${l.description}`,
        unitNumber: l.unitNumber,
        damage: l.damage,
        serviceDate: l.serviceDate?.toISOString().slice(0, 10) ?? null,
        technicianName: l.technicianName,
        tierOrdinal: l.tierOrdinal,
        priceSource: l.priceSource,
        amountCents: -l.amountCents,
      })),
    );
    await tx.invoiceLine.updateMany({ where: { invoiceId: invoice.id }, data: { live: false } });
    await tx.invoice.update({
      where: { id: invoice.id },
      data: { status: "VOID", voidedAt: now, voidReason: reason },
    });
    if (repairIds.length)
      await tx.repair.updateMany({
        where: { id: { in: repairIds }, status: "INVOICED" },
        data: { status: "COMPLETED", invoicedAt: null },
      });
    await writeAudits(tx, [
      audit({
        status: { before: invoice.status, after: "VOID" },
        reason: { before: null, after: reason },
        creditNote: { before: null, after: number },
      }),
      audit(
        {
          number: { before: null, after: number },
          credits: { before: null, after: invoice.number },
          totalCents: { before: null, after: -invoice.totalCents },
        },
        "invoice.creditNote",
        creditId,
      ),
      ...repairIds.map((id) => ({
        actor: auditActorOf(ctx),
        origin: originOf(ctx),
        action: "repair.uninvoice",
        entityType: "Repair",
        entityId: id,
        changes: {
          status: { before: "INVOICED", after: "COMPLETED" },
          invoice: { before: invoice.number, after: null },
        },
      })),
    ]);
    await recordEvents(tx, [
      {
        type: "INVOICE_ISSUED",
        customerId: invoice.customerId,
        invoiceId: creditId,
        actorUserId: ctx.actor.userId,
        payload: {
          number,
          totalCents: -invoice.totalCents,
          kind: "CREDIT_NOTE",
          credits: invoice.number,
          dueOn: today,
        },
      },
    ]);
    return { discarded: false, creditNoteId: creditId, creditNoteNumber: number };
  });
}
