// Figures m and m2: billing. (m) one invoicing run over 10,000 completed repairs of 200 customers
// (50 each; a quarter each per repair, per walk (work outside walks: per repair), weekly,
// monthly; completed over last month), all in one transaction as "invoice now" runs it, on the
// embedded database: seconds, with the invoices made. (m2) rendering a 100-line invoice PDF
// (pdfkit), median of 10 after a warm-up: ms.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { invoiceNumber } from "../../src/domain";
import { insertRows } from "../../src/server/db/insert-rows";
import { DEFAULT_BILLING_SETTINGS } from "../../src/server/data/billing/billing-settings";
import { renderInvoicePdf } from "../../src/server/data/billing/render-invoice-pdf";
import type { InvoiceDocument } from "../../src/server/services/billing/invoice-views";
import { runInvoicing } from "../../src/server/services/billing/run-invoicing";
import { createAdmin } from "../../tests/support/fixtures";
import { startTestDatabase } from "../../tests/support/test-database";
import type { BenchModule } from "../types";

const CUSTOMERS = 200;
const PER_CUSTOMER = 50;
const CADENCES = ["PER_REPAIR", "PER_WALK", "WEEKLY", "MONTHLY"] as const;
const INVOICING_TARGET_S = 60;
const PDF_TARGET_MS = 500;

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function invoicingFigure() {
  const database = await startTestDatabase();
  try {
    const { db } = database;
    const admin = await createAdmin(db, "Bench");
    const now = new Date();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 2, 18);
    const stamp = now.toISOString();
    for (let c = 0; c < CUSTOMERS; c++) {
      const customer = await db.customer.create({
        data: { name: `Bench fleet ${c}`, serviceMode: "SCHEDULED", invoicingCadence: CADENCES[c % CADENCES.length] },
      });
      const units = Array.from({ length: PER_CUSTOMER }, (_, i) => ({
        id: randomUUID(),
        customerId: customer.id,
        unitNumber: `B${c}-${i}`,
        createdAt: stamp,
        updatedAt: stamp,
      }));
      await insertRows(db, "Unit", units);
      await insertRows(
        db,
        "Repair",
        units.map((u, i) => ({
          id: randomUUID(),
          customerId: customer.id,
          unitId: u.id,
          windshieldSeq: 1,
          origin: "STAFF",
          status: "COMPLETED",
          damageType: "CHIP",
          priceCents: 2500 + (i % 5) * 500,
          tierOrdinal: 1,
          priceSource: "DEFAULT_TIER",
          completedAt: new Date(monthStart + (i % 25) * 86_400_000).toISOString(),
          createdById: admin.userId,
          createdAt: stamp,
          updatedAt: stamp,
        })),
      );
    }
    const began = performance.now();
    const result = await runInvoicing(db, { now });
    const seconds = (performance.now() - began) / 1000;
    const invoiced = await db.repair.count({ where: { status: "INVOICED" } });
    return {
      id: "m",
      label: `invoicing ${CUSTOMERS * PER_CUSTOMER} completed repairs of ${CUSTOMERS} customers (one run, one transaction)`,
      value: round(seconds, 2),
      unit: "s",
      target: `<= ${INVOICING_TARGET_S} s`,
      pass: seconds <= INVOICING_TARGET_S,
      details: { invoices: result.invoices, repairsInvoiced: invoiced, database: database.kind },
    };
  } finally {
    await database.stop();
  }
}

function hundredLineInvoice(): InvoiceDocument {
  const lines = Array.from({ length: 100 }, (_, i) => ({
    id: randomUUID(),
    kind: "REPAIR" as const,
    repairId: randomUUID(),
    description: `Unit T-${1000 + i}: Chip repair`,
    unitNumber: `T-${1000 + i}`,
    damage: i % 3 ? "Chip" : "Star break",
    serviceDate: `2026-11-${String((i % 28) + 1).padStart(2, "0")}`,
    technicianName: i % 2 ? "Tina Tech" : "Jordan Lee",
    tierOrdinal: (i % 5) + 1,
    priceSource: i % 7 ? ("DEFAULT_TIER" as const) : ("VOLUME_DISCOUNT" as const),
    amountCents: 2500 + (i % 5) * 500,
  }));
  const subtotalCents = lines.reduce((s, l) => s + l.amountCents, 0);
  return {
    id: randomUUID(),
    number: invoiceNumber(2026, 42),
    kind: "INVOICE",
    status: "ISSUED",
    state: "ISSUED",
    customer: {
      id: randomUUID(),
      name: "Summit Car Rentals",
      address: "1 Main St, Denver CO",
      email: "ap@summit.test",
    },
    site: { name: "Airport lot", address: "8500 Peña Blvd" },
    periodStart: "2026-11-01",
    periodEnd: "2026-11-30",
    groupKey: "month:2026-11",
    paymentTerms: "NET_30",
    issuedOn: "2026-12-01",
    dueOn: "2026-12-31",
    subtotalCents,
    adjustmentsCents: -1000,
    totalCents: subtotalCents - 1000,
    paidCents: 0,
    balanceCents: subtotalCents - 1000,
    voidReason: null,
    credits: null,
    creditNote: null,
    walk: null,
    lines: [
      ...lines,
      {
        ...lines[0]!,
        id: randomUUID(),
        kind: "DISCOUNT",
        repairId: null,
        description: "Loyalty discount",
        unitNumber: null,
        damage: null,
        serviceDate: null,
        technicianName: null,
        tierOrdinal: null,
        priceSource: null,
        amountCents: -1000,
      },
    ],
    payments: [],
  };
}

async function pdfFigure() {
  const invoice = hundredLineInvoice();
  await renderInvoicePdf(invoice, DEFAULT_BILLING_SETTINGS); // warm-up: fonts, modules
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 10; i++) {
    const began = performance.now();
    bytes = (await renderInvoicePdf(invoice, DEFAULT_BILLING_SETTINGS)).length;
    times.push(performance.now() - began);
  }
  const ms = median(times);
  return {
    id: "m2",
    label: "rendering a 100-line invoice PDF (median of 10)",
    value: round(ms),
    unit: "ms",
    target: `<= ${PDF_TARGET_MS} ms`,
    pass: ms <= PDF_TARGET_MS,
    details: { bytes, slowestMs: round(Math.max(...times)) },
  };
}

const invoicing: BenchModule = {
  name: "billing: an invoicing run over 10,000 repairs; a 100-line invoice PDF",
  run: async () => [await pdfFigure(), await invoicingFigure()],
};
export default invoicing;
