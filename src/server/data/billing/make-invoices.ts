// Gathering one customer's completed, uninvoiced repairs into invoices by its cadence, in the
// caller's transaction, under the customer's row lock (two runs for one customer take turns).
// Lines copy the prices frozen at completion with their ordinal and source: nothing is priced
// again. A repair already on a live invoice is skipped; the partial unique index on InvoiceLine
// refuses a second live line for it even if two writers got past this read at once.
import "server-only";
import { randomUUID } from "node:crypto";
import {
  type InvoiceableRepair,
  PRICE_SOURCE_LABELS,
  type PriceSourceCode,
  damageLabel,
  dayKey,
  effectiveCadence,
  groupForInvoicing,
  ordinalWord,
} from "~/domain";
import { type AuditEntry, writeAudits } from "../../audit/write-audit";
import { config } from "../../config";
import type { DbTx } from "../../db";
import { insertRows } from "../../db/insert-rows";
import { lockCustomer } from "../customers/lock-customer";
import { type BillingCtx, auditActorOf, originOf, userIdOf } from "./billing-context";
import { invoiceAdjustments } from "./invoice-adjustments";
import { type IssuedInvoice, issueInvoices } from "./issue-invoices";

export type CustomerInvoicing = { drafts: string[]; issued: IssuedInvoice[] };

export type Candidate = {
  id: string;
  completedAt: Date;
  walkId: string | null;
  walkStatus: string | null;
  priceCents: number;
  tierOrdinal: number | null;
  priceSource: PriceSourceCode | null;
  damageType: string;
  unitNumber: string;
  technicianName: string | null;
};

export async function invoiceCustomer(
  tx: DbTx,
  ctx: BillingCtx,
  customerId: string,
  options: { now: Date; drafts: boolean; runId?: string | null },
): Promise<CustomerInvoicing> {
  const timeZone = config().BUSINESS_TIME_ZONE;
  await lockCustomer(tx, customerId);
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { serviceMode: true, invoicingCadence: true, paymentTerms: true },
  });
  const candidates = await tx.$queryRaw<Candidate[]>`
    SELECT r.id, r."completedAt", r."walkId", w.status::text AS "walkStatus", r."priceCents", r."tierOrdinal",
      r."priceSource"::text AS "priceSource", r."damageType"::text AS "damageType", u."unitNumber",
      tu.name AS "technicianName"
    FROM "Repair" r
    JOIN "Unit" u ON u.id = r."unitId"
    LEFT JOIN "LotWalk" w ON w.id = r."walkId"
    LEFT JOIN "Technician" t ON t.id = r."technicianId"
    LEFT JOIN "User" tu ON tu.id = t."userId"
    WHERE r."customerId" = ${customerId}::uuid AND r.status = 'COMPLETED' AND r."completedAt" IS NOT NULL
      AND r."priceCents" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "InvoiceLine" l WHERE l."repairId" = r.id AND l.kind = 'REPAIR' AND l.live)
    ORDER BY r.id`;
  if (candidates.length === 0) return { drafts: [], issued: [] };
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const invoiceable: InvoiceableRepair[] = candidates.map((c) => ({
    id: c.id,
    completedOn: dayKey(c.completedAt, timeZone),
    walkId: c.walkId,
    walkEnded: c.walkStatus === "COMPLETED" || c.walkStatus === "CANCELLED",
  }));
  const cadence = effectiveCadence(customer.serviceMode, customer.invoicingCadence);
  const groups = groupForInvoicing(invoiceable, cadence, dayKey(options.now, timeZone));
  const invoices: object[] = [];
  const lines: object[] = [];
  const audits: AuditEntry[] = [];
  const ids: string[] = [];
  for (const group of groups) {
    const id = randomUUID();
    ids.push(id);
    // Lines in the order the work was done, then by id.
    const repairs = group.repairIds
      .map((rid) => byId.get(rid)!)
      .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime() || a.id.localeCompare(b.id));
    const subtotalCents = repairs.reduce((sum, r) => sum + r.priceCents, 0);
    const adjustments = await invoiceAdjustments(tx, customerId, {
      invoiceId: id,
      customerId,
      periodStart: group.periodStart,
      periodEnd: group.periodEnd,
      walkId: group.walkId,
      repairIds: group.repairIds,
      subtotalCents,
    });
    const adjustmentsCents = adjustments.reduce((sum, a) => sum + a.amountCents, 0);
    invoices.push({
      id,
      customerId,
      kind: "INVOICE",
      status: "DRAFT",
      groupKey: group.key,
      periodStart: group.periodStart,
      periodEnd: group.periodEnd,
      walkId: group.walkId,
      paymentTerms: customer.paymentTerms,
      subtotalCents,
      adjustmentsCents,
      totalCents: subtotalCents + adjustmentsCents,
      runId: options.runId ?? null,
      createdById: userIdOf(ctx),
      createdAt: options.now.toISOString(),
      updatedAt: options.now.toISOString(),
    });
    repairs.forEach((r, i) => lines.push(repairLine(id, i, r, timeZone)));
    adjustments.forEach((a, i) =>
      lines.push({
        id: randomUUID(),
        invoiceId: id,
        position: repairs.length + i,
        kind: a.kind,
        repairId: null,
        live: true,
        description: a.description,
        amountCents: a.amountCents,
      }),
    );
    audits.push({
      actor: auditActorOf(ctx),
      origin: originOf(ctx),
      action: "invoice.create",
      entityType: "Invoice",
      entityId: id,
      changes: {
        customerId: { before: null, after: customerId },
        period: { before: null, after: `${group.periodStart}..${group.periodEnd}` },
        cadence: { before: null, after: cadence },
        repairIds: { before: null, after: group.repairIds },
        subtotalCents: { before: null, after: subtotalCents },
      },
    });
  }
  await insertRows(tx, "Invoice", invoices);
  await insertRows(tx, "InvoiceLine", lines);
  await writeAudits(tx, audits);
  if (options.drafts) return { drafts: ids, issued: [] };
  return { drafts: [], issued: await issueInvoices(tx, ctx, ids, options.now) };
}

/** A REPAIR line: the repair's frozen price and facts, copied. */
export function repairLine(invoiceId: string, position: number, r: Candidate, timeZone: string): object {
  const damage = damageLabel(r.damageType);
  const source = r.priceSource ? PRICE_SOURCE_LABELS[r.priceSource] : "price";
  const ordinal = r.tierOrdinal ? `${ordinalWord(r.tierOrdinal)} repair on this windshield, ` : "";
  return {
    id: randomUUID(),
    invoiceId,
    position,
    kind: "REPAIR",
    repairId: r.id,
    live: true,
    description: `Unit ${r.unitNumber}: ${damage} repair (${ordinal}${source})`,
    unitNumber: r.unitNumber,
    damage,
    serviceDate: dayKey(r.completedAt, timeZone),
    technicianName: r.technicianName,
    tierOrdinal: r.tierOrdinal,
    priceSource: r.priceSource,
    amountCents: r.priceCents,
  };
}
