// The demo's billing: the repairs the demo already holds INVOICED (each customer's older past
// walk) get the issued invoice they belong to, numbered like any other, and the first customer's
// a partial payment, so /admin's Billing tab and /portal's invoices are not empty on `npm start`.
// No repair changes status. E2E specs use billing data of their own.
import "server-only";
import { randomUUID } from "node:crypto";
import { type PaymentTermsCode, businessYear, dayKey, dueOn } from "~/domain";
import type { Db } from "../db";
import { insertRows } from "../db/insert-rows";
import { type Candidate, repairLine } from "../data/billing/make-invoices";
import { nextInvoiceNumber } from "../data/billing/invoice-number";

export async function seedDemoInvoices(db: Db, timeZone: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const customers = await tx.customer.findMany({
      orderBy: { name: "asc" },
      select: { id: true, paymentTerms: true },
    });
    let first = true;
    for (const customer of customers) {
      const repairs = await tx.$queryRaw<Candidate[]>`
        SELECT r.id, r."completedAt", r."walkId", NULL AS "walkStatus", r."priceCents", r."tierOrdinal",
          r."priceSource"::text AS "priceSource", r."damageType"::text AS "damageType", u."unitNumber",
          tu.name AS "technicianName"
        FROM "Repair" r JOIN "Unit" u ON u.id = r."unitId"
        LEFT JOIN "Technician" t ON t.id = r."technicianId" LEFT JOIN "User" tu ON tu.id = t."userId"
        WHERE r."customerId" = ${customer.id}::uuid AND r.status = 'INVOICED' AND r."completedAt" IS NOT NULL
          AND r."priceCents" IS NOT NULL
        ORDER BY r."completedAt", r.id`;
      if (repairs.length === 0) continue;
      const issuedAt = new Date(Math.max(...repairs.map((r) => r.completedAt.getTime())) + 86_400_000);
      const issuedOn = dayKey(issuedAt, timeZone);
      const id = randomUUID();
      const total = repairs.reduce((s, r) => s + r.priceCents, 0);
      const walkIds = [...new Set(repairs.map((r) => r.walkId))];
      await insertRows(tx, "Invoice", [
        {
          id,
          number: await nextInvoiceNumber(tx, businessYear(issuedAt, timeZone)),
          customerId: customer.id,
          kind: "INVOICE",
          status: "ISSUED",
          groupKey: walkIds.length === 1 && walkIds[0] ? `walk:${walkIds[0]}` : null,
          periodStart: dayKey(repairs[0]!.completedAt, timeZone),
          periodEnd: dayKey(repairs.at(-1)!.completedAt, timeZone),
          walkId: walkIds.length === 1 ? walkIds[0] : null,
          paymentTerms: customer.paymentTerms,
          issuedAt: issuedAt.toISOString(),
          issuedOn,
          dueOn: dueOn(issuedOn, customer.paymentTerms as PaymentTermsCode),
          subtotalCents: total,
          totalCents: total,
          paidCents: first ? Math.floor(total / 2) : 0,
          createdAt: issuedAt.toISOString(),
          updatedAt: issuedAt.toISOString(),
        },
      ]);
      await insertRows(
        tx,
        "InvoiceLine",
        repairs.map((r, i) => repairLine(id, i, r, timeZone)),
      );
      if (first)
        await tx.payment.create({
          data: {
            invoiceId: id,
            amountCents: Math.floor(total / 2),
            receivedOn: new Date(`${issuedOn}T00:00:00Z`),
            method: "CHECK",
            reference: "1042",
          },
        });
      first = false;
    }
  });
}
