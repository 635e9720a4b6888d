// Invoicing on a real database: cadences, idempotent reruns, drafts and discounts, payments and
// their refusals, credit notes, repairs' statuses, events, gapless numbers under concurrency, and
// the database's own guarantee that a repair is on at most one live invoice.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseInvoiceNumber } from "~/domain";
import { invoiceNumber } from "~/domain";
import type { Db } from "~/server/db";
import { nextInvoiceNumber } from "~/server/data/billing/invoice-number";
import { addDiscountLine } from "~/server/services/billing/add-discount-line";
import { getInvoice, listInvoices, receivables } from "~/server/services/billing/invoice-views";
import { issueInvoice } from "~/server/services/billing/issue-invoice";
import { recordPayment } from "~/server/services/billing/record-payment";
import { runInvoicing } from "~/server/services/billing/run-invoicing";
import { sendPaymentReminders } from "~/server/services/billing/send-payment-reminders";
import { startInvoiceRun } from "~/server/services/billing/start-invoice-run";
import { voidInvoice } from "~/server/services/billing/void-invoice";
import { redeemPoints } from "~/server/services/rewards/redeem-points";
import { insertCompletedRepairs, insertUnits } from "../../support/billing";
import { contextFor, createCustomer } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

const NOW = new Date("2026-12-09T19:00:00Z"); // Wednesday Dec 9 in Denver: week 49 and November have ended
const at = (day: string, hour = 17) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

async function customerWith(
  db: Db,
  name: string,
  settings: NonNullable<Parameters<typeof createCustomer>[2]>["settings"] = {},
) {
  return createCustomer(db, `${name} ${randomUUID().slice(0, 6)}`, { settings });
}

async function setDrafts(db: Db, drafts: boolean) {
  await db.businessSettings.upsert({
    where: { id: 1 },
    create: { id: 1, invoiceDrafts: drafts },
    update: { invoiceDrafts: drafts },
  });
}

/** Every number given so far: 1..N of its year, none twice. */
async function expectGapless(db: Db) {
  const rows = await db.invoice.findMany({ where: { number: { not: null } }, select: { number: true } });
  const seqs = rows.map((r) => parseInvoiceNumber(r.number!)!.sequence).sort((a, b) => a - b);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}

const statuses = async (db: Db, ids: string[]) =>
  (await db.repair.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((r) => r.status);

describe("invoicing", () => {
  const world = useWorld();

  it("weekly: one invoice per ended ISO week from the frozen prices; a rerun makes nothing new", async () => {
    const { db, admin } = world;
    const customer = await customerWith(db, "Weekly", { invoicingCadence: "WEEKLY", paymentTerms: "NET_30" });
    const units = await insertUnits(db, customer.id, ["W-1", "W-2", "W-3", "W-4"]);
    const [a, b, c, d] = await Promise.all([
      insertCompletedRepairs(db, customer.id, admin.userId, [
        { unitId: units[0]!, completedAt: at("2026-11-24"), priceCents: 5000, tierOrdinal: 1 },
      ]),
      insertCompletedRepairs(db, customer.id, admin.userId, [
        {
          unitId: units[1]!,
          completedAt: at("2026-11-27"),
          priceCents: 2125,
          tierOrdinal: 5,
          priceSource: "VOLUME_DISCOUNT",
        },
      ]),
      insertCompletedRepairs(db, customer.id, admin.userId, [
        { unitId: units[2]!, completedAt: at("2026-12-02"), priceCents: 3333, tierOrdinal: 2, priceSource: "OVERRIDE" },
      ]),
      // Dec 7 is in week 50, still running on Dec 9: it waits.
      insertCompletedRepairs(db, customer.id, admin.userId, [
        { unitId: units[3]!, completedAt: at("2026-12-07"), priceCents: 4000 },
      ]),
    ]);
    await setDrafts(db, false);
    const first = await runInvoicing(db, { customerId: customer.id, now: NOW });
    expect(first).toMatchObject({ invoices: 2, issued: 2, drafts: 0 });
    const invoices = await db.invoice.findMany({
      where: { customerId: customer.id },
      include: { lines: { orderBy: { position: "asc" } } },
      orderBy: { periodStart: "asc" },
    });
    expect(invoices.map((i) => [i.groupKey, i.status, i.totalCents, i.dueOn?.toISOString().slice(0, 10)])).toEqual([
      ["week:2026-W48", "ISSUED", 7125, "2027-01-08"],
      ["week:2026-W49", "ISSUED", 3333, "2027-01-08"],
    ]);
    expect(invoices[0]!.lines.map((l) => [l.unitNumber, l.amountCents, l.tierOrdinal, l.priceSource])).toEqual([
      ["W-1", 5000, 1, "DEFAULT_TIER"],
      ["W-2", 2125, 5, "VOLUME_DISCOUNT"],
    ]);
    expect(invoices[1]!.lines[0]!.description).toContain("price override");
    expect(await statuses(db, [...a!, ...b!, ...c!])).toEqual(["INVOICED", "INVOICED", "INVOICED"]);
    expect(await statuses(db, d!)).toEqual(["COMPLETED"]);
    const events = await db.domainEvent.findMany({ where: { customerId: customer.id }, select: { type: true } });
    expect(events.map((e) => e.type).sort()).toEqual([
      "INVOICE_ISSUED",
      "INVOICE_ISSUED",
      "REPAIR_INVOICED",
      "REPAIR_INVOICED",
    ]);

    expect(await runInvoicing(db, { customerId: customer.id, now: NOW })).toMatchObject({ invoices: 0 });
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(2);
    await expectGapless(db);
  });

  it("per repair, per walk and monthly cadences", async () => {
    const { db, admin, tina } = world;
    await setDrafts(db, false);
    const perRepair = await customerWith(db, "OnCall", { serviceMode: "ON_CALL", paymentTerms: "PREPAID" });
    const [u1, u2] = await insertUnits(db, perRepair.id, ["P-1", "P-2"]);
    await insertCompletedRepairs(db, perRepair.id, admin.userId, [
      { unitId: u1!, completedAt: at("2026-12-09", 16) },
      { unitId: u2!, completedAt: at("2026-12-08") },
    ]);
    const perWalk = await customerWith(db, "Walks", { serviceMode: "SCHEDULED", invoicingCadence: "PER_WALK" });
    const [w1, w2, w3] = await insertUnits(db, perWalk.id, ["L-1", "L-2", "L-3"]);
    const done = await db.lotWalk.create({
      data: { id: randomUUID(), customerId: perWalk.id, technicianId: tina.technicianId, status: "COMPLETED" },
    });
    const open = await db.lotWalk.create({
      data: { id: randomUUID(), customerId: perWalk.id, technicianId: tina.technicianId, status: "IN_PROGRESS" },
    });
    await insertCompletedRepairs(db, perWalk.id, admin.userId, [
      { unitId: w1!, completedAt: at("2026-12-01"), walkId: done.id },
      { unitId: w2!, completedAt: at("2026-12-01"), walkId: done.id },
      { unitId: w3!, completedAt: at("2026-12-09", 16), walkId: open.id },
    ]);
    const monthly = await customerWith(db, "Monthly", { serviceMode: "HYBRID" });
    const [m1, m2] = await insertUnits(db, monthly.id, ["M-1", "M-2"]);
    await insertCompletedRepairs(db, monthly.id, admin.userId, [
      { unitId: m1!, completedAt: at("2026-11-03") },
      { unitId: m2!, completedAt: at("2026-12-01") },
    ]);
    await runInvoicing(db, { now: NOW });
    const keys = async (customerId: string) =>
      (
        await db.invoice.findMany({ where: { customerId }, orderBy: { groupKey: "asc" }, include: { lines: true } })
      ).map((i) => [i.groupKey!.split(":")[0], i.lines.length, i.walkId, i.dueOn?.toISOString().slice(0, 10)]);
    expect(await keys(perRepair.id)).toEqual([
      ["repair", 1, null, "2026-12-09"],
      ["repair", 1, null, "2026-12-09"],
    ]);
    expect(await keys(perWalk.id)).toEqual([["walk", 2, done.id, "2027-01-08"]]);
    expect(await keys(monthly.id)).toEqual([["month", 1, null, "2027-01-08"]]);
    await expectGapless(db);
  });

  it("drafts: reviewed, given a discount line, then issued; an empty or edited-after-issue invoice is refused", async () => {
    const { db, admin } = world;
    const ctx = contextFor(admin);
    const customer = await customerWith(db, "Drafts", { invoicingCadence: "PER_REPAIR" });
    const [u] = await insertUnits(db, customer.id, ["D-1"]);
    const [repairId] = await insertCompletedRepairs(db, customer.id, admin.userId, [
      { unitId: u!, completedAt: at("2026-12-01"), priceCents: 5000 },
    ]);
    await setDrafts(db, true);
    try {
      expect(await runInvoicing(db, { customerId: customer.id, now: NOW, ctx })).toMatchObject({
        drafts: 1,
        issued: 0,
      });
    } finally {
      await setDrafts(db, false);
    }
    const draft = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(draft).toMatchObject({ status: "DRAFT", number: null });
    expect(await statuses(db, [repairId!])).toEqual(["COMPLETED"]);
    await expect(
      addDiscountLine(db, ctx, { invoiceId: draft.id, description: "Goodwill", amountCents: 6000 }),
    ).rejects.toMatchObject({ code: "INVALID_INVOICE" });
    await addDiscountLine(db, ctx, { invoiceId: draft.id, description: "Goodwill", amountCents: 750 });
    const issued = await issueInvoice(db, ctx, { invoiceId: draft.id });
    expect(issued.totalCents).toBe(4250);
    expect(await statuses(db, [repairId!])).toEqual(["INVOICED"]);
    const doc = await getInvoice(db, ctx, { invoiceId: draft.id });
    expect(doc.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ["REPAIR", 5000],
      ["DISCOUNT", -750],
    ]);
    await expect(issueInvoice(db, ctx, { invoiceId: draft.id })).rejects.toMatchObject({ code: "INVOICE_NOT_DRAFT" });
    await expect(
      addDiscountLine(db, ctx, { invoiceId: draft.id, description: "x", amountCents: 1 }),
    ).rejects.toMatchObject({
      code: "INVOICE_NOT_DRAFT",
    });
    // A draft with no repair line (its repair gone to another document) is refused, nothing written.
    const empty = await db.invoice.create({
      data: {
        customerId: customer.id,
        status: "DRAFT",
        periodStart: at("2026-12-01"),
        periodEnd: at("2026-12-01"),
        paymentTerms: "NET_30",
        subtotalCents: 0,
        totalCents: 0,
      },
    });
    const before = await db.invoiceNumberCounter.findMany();
    await expect(issueInvoice(db, ctx, { invoiceId: empty.id })).rejects.toMatchObject({ code: "INVOICE_EMPTY" });
    expect(await db.invoiceNumberCounter.findMany()).toEqual(before);
    await db.invoice.delete({ where: { id: empty.id } });
    await expectGapless(db);
  });

  it("payments: refusals, two parts, paid in full closes the repairs", async () => {
    const { db, admin } = world;
    const ctx = contextFor(admin);
    await setDrafts(db, false);
    const customer = await customerWith(db, "Payer", { invoicingCadence: "MONTHLY" });
    const units = await insertUnits(db, customer.id, ["Y-1", "Y-2"]);
    const ids = await insertCompletedRepairs(db, customer.id, admin.userId, [
      { unitId: units[0]!, completedAt: at("2026-11-05"), priceCents: 5000 },
      { unitId: units[1]!, completedAt: at("2026-11-06"), priceCents: 4000 },
    ]);
    await runInvoicing(db, { customerId: customer.id, now: NOW });
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    for (const amountCents of [0, -100, 9001])
      await expect(
        recordPayment(db, ctx, { invoiceId: invoice.id, amountCents, method: "CHECK" }),
      ).rejects.toMatchObject({
        code: "PAYMENT_REFUSED",
      });
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
    const part = await recordPayment(db, ctx, {
      invoiceId: invoice.id,
      amountCents: 4000,
      method: "CHECK",
      reference: "#1001",
    });
    expect(part).toMatchObject({ paidCents: 4000, balanceCents: 5000, paidInFull: false });
    expect((await getInvoice(db, ctx, { invoiceId: invoice.id })).state).toBe("PARTLY_PAID");
    expect(await statuses(db, ids)).toEqual(["INVOICED", "INVOICED"]);
    await expect(voidInvoice(db, ctx, { invoiceId: invoice.id, reason: "wrong" })).rejects.toMatchObject({
      code: "INVOICE_HAS_PAYMENTS",
    });
    const rest = await recordPayment(db, ctx, { invoiceId: invoice.id, amountCents: 5000, method: "ACH" });
    expect(rest.paidInFull).toBe(true);
    expect(await statuses(db, ids)).toEqual(["CLOSED", "CLOSED"]);
    expect((await getInvoice(db, ctx, { invoiceId: invoice.id })).state).toBe("PAID");
    await expect(
      recordPayment(db, ctx, { invoiceId: invoice.id, amountCents: 1, method: "ACH" }),
    ).rejects.toMatchObject({
      code: "PAYMENT_REFUSED",
    });
    expect(await db.domainEvent.count({ where: { invoiceId: invoice.id, type: "PAYMENT_RECEIVED" } })).toBe(2);
  });

  it("void: a numbered credit note cancels the invoice, its repairs are billed again, no payment on a void invoice", async () => {
    const { db, admin } = world;
    const ctx = contextFor(admin);
    await setDrafts(db, false);
    const customer = await customerWith(db, "Voided", { invoicingCadence: "PER_REPAIR" });
    const [u] = await insertUnits(db, customer.id, ["V-1"]);
    const [repairId] = await insertCompletedRepairs(db, customer.id, admin.userId, [
      { unitId: u!, completedAt: at("2026-12-01"), priceCents: 4500 },
    ]);
    await runInvoicing(db, { customerId: customer.id, now: NOW });
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    const result = await voidInvoice(db, ctx, { invoiceId: invoice.id, reason: "wrong unit" });
    const credit = await db.invoice.findUniqueOrThrow({
      where: { id: result.creditNoteId! },
      include: { lines: true },
    });
    expect(credit).toMatchObject({ kind: "CREDIT_NOTE", creditsInvoiceId: invoice.id, totalCents: -4500 });
    expect(credit.lines.map((l) => [l.kind, l.repairId, l.amountCents])).toEqual([["CREDIT", repairId, -4500]]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("VOID");
    expect(await statuses(db, [repairId!])).toEqual(["COMPLETED"]);
    await expect(
      recordPayment(db, ctx, { invoiceId: invoice.id, amountCents: 100, method: "CASH" }),
    ).rejects.toMatchObject({
      code: "PAYMENT_REFUSED",
    });
    await runInvoicing(db, { customerId: customer.id, now: NOW });
    const all = await db.invoice.findMany({ where: { customerId: customer.id } });
    expect(all).toHaveLength(3);
    // Whatever was invoiced, credited and invoiced again, the customer owes the repair once.
    expect(all.reduce((sum, i) => sum + i.totalCents, 0)).toBe(4500);
    expect(await statuses(db, [repairId!])).toEqual(["INVOICED"]);
    await expectGapless(db);
  });

  it("reward redemptions: a line on the next invoice (the repairs' prices untouched), released when it is voided", async () => {
    const { db, admin } = world;
    const ctx = contextFor(admin);
    await setDrafts(db, false);
    const customer = await customerWith(db, "Rewarded", { invoicingCadence: "PER_REPAIR" });
    const [u] = await insertUnits(db, customer.id, ["RW-1"]);
    const [repairId] = await insertCompletedRepairs(db, customer.id, admin.userId, [
      { unitId: u!, completedAt: at("2026-12-01"), priceCents: 5000 },
    ]);
    await db.pointsEntry.create({ data: { customerId: customer.id, kind: "ADJUSTMENT", points: 1000, note: "test" } });
    await redeemPoints(db, ctx, { customerId: customer.id, points: 500 });
    await runInvoicing(db, { customerId: customer.id, now: NOW });
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id }, include: { lines: true } });
    const redemption = invoice.lines.find((l) => l.kind === "REWARD_REDEMPTION");
    expect(redemption?.amountCents).toBeLessThan(0);
    expect(invoice.totalCents).toBe(5000 + redemption!.amountCents);
    expect((await db.repair.findUniqueOrThrow({ where: { id: repairId! } })).priceCents).toBe(5000);
    expect(
      await db.pointsEntry.count({ where: { customerId: customer.id, kind: "REDEMPTION", invoiceId: invoice.id } }),
    ).toBe(1);
    await voidInvoice(db, ctx, { invoiceId: invoice.id, reason: "re-issue" });
    expect(
      await db.pointsEntry.count({ where: { customerId: customer.id, kind: "REDEMPTION", invoiceId: null } }),
    ).toBe(1);
  });

  it("a customer reads their own company's invoices only: another's is not found", async () => {
    const { db, admin, acme, globex, carla } = world;
    await setDrafts(db, false);
    const [u] = await insertUnits(db, globex.id, ["G-1"]);
    await insertCompletedRepairs(db, globex.id, admin.userId, [{ unitId: u!, completedAt: at("2026-12-01") }]);
    const [ua] = await insertUnits(db, acme.id, ["ACME-1"]);
    await insertCompletedRepairs(db, acme.id, admin.userId, [{ unitId: ua!, completedAt: at("2026-12-01") }]);
    await db.customer.updateMany({
      where: { id: { in: [globex.id, acme.id] } },
      data: { invoicingCadence: "PER_REPAIR" },
    });
    await runInvoicing(db, { now: NOW });
    const theirs = await db.invoice.findFirstOrThrow({ where: { customerId: globex.id } });
    await expect(getInvoice(db, contextFor(carla), { invoiceId: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const mine = await listInvoices(db, contextFor(carla), { customerId: globex.id });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.customerId === acme.id)).toBe(true);
    await expect(receivables(db, contextFor(carla))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("overdue reminders: once per step", async () => {
    const { db } = world;
    const later = new Date("2027-01-20T19:00:00Z");
    const first = await sendPaymentReminders(db, later);
    expect(first.reminders).toBeGreaterThan(0);
    expect(await sendPaymentReminders(db, later)).toEqual({ reminders: 0 });
    const events = await db.domainEvent.count({ where: { type: "PAYMENT_REMINDER" } });
    expect(events).toBe(first.reminders);
  });

  it("invoice now: a second click joins the running run", async () => {
    const { db, admin } = world;
    const ctx = contextFor(admin);
    const customer = await customerWith(db, "Now", { invoicingCadence: "PER_REPAIR" });
    const [u] = await insertUnits(db, customer.id, ["N-1"]);
    await insertCompletedRepairs(db, customer.id, admin.userId, [{ unitId: u!, completedAt: at("2026-12-01") }]);
    const [one, two] = await Promise.all([startInvoiceRun(db, ctx, {}), startInvoiceRun(db, ctx, {})]);
    expect(two!.runId).toBe(one!.runId);
    expect([one!.joined, two!.joined].sort()).toEqual([false, true]);
    for (let i = 0; i < 100; i++) {
      const run = await db.invoiceRun.findUniqueOrThrow({ where: { id: one!.runId } });
      if (run.status !== "RUNNING") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await db.invoiceRun.findUniqueOrThrow({ where: { id: one!.runId } })).toMatchObject({ status: "DONE" });
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("concurrency: 20 issuers never leave a gap or a duplicate, a rolled-back issue gives its number back, no repair on two invoices", async () => {
    const { db, admin } = world;
    const ctx = contextFor(admin);
    const customer = await customerWith(db, "Race", { invoicingCadence: "PER_REPAIR" });
    const units = await insertUnits(
      db,
      customer.id,
      Array.from({ length: 20 }, (_, i) => `R-${i}`),
    );
    const repairIds = await insertCompletedRepairs(
      db,
      customer.id,
      admin.userId,
      units.map((unitId) => ({ unitId, completedAt: at("2026-12-01") })),
    );
    await setDrafts(db, true);
    // 20 runs at once for the same repairs: each repair lands on exactly one draft.
    const runs = await Promise.allSettled(
      Array.from({ length: 20 }, () => runInvoicing(db, { customerId: customer.id, now: NOW })),
    );
    await setDrafts(db, false);
    expect(runs.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    const drafts = await db.invoice.findMany({ where: { customerId: customer.id }, include: { lines: true } });
    expect(drafts).toHaveLength(20);
    expect(new Set(drafts.flatMap((d) => d.lines.map((l) => l.repairId))).size).toBe(20);

    // A transaction that takes a number and then fails gives it back.
    const year = 2026;
    await expect(
      db.$transaction(async (tx) => {
        await nextInvoiceNumber(tx, year);
        throw new Error("printer on fire");
      }),
    ).rejects.toThrow("printer on fire");

    const issued = await Promise.all(drafts.map((d) => issueInvoice(db, ctx, { invoiceId: d.id })));
    const numbers = issued.map((i) => i.number);
    expect(new Set(numbers).size).toBe(20);
    await expectGapless(db);
    expect(await statuses(db, repairIds)).toEqual(repairIds.map(() => "INVOICED"));

    // The database itself refuses a second live line for a repair.
    await expect(
      db.invoice.create({
        data: {
          customerId: customer.id,
          status: "DRAFT",
          periodStart: at("2026-12-01"),
          periodEnd: at("2026-12-01"),
          paymentTerms: "NET_30",
          subtotalCents: 0,
          totalCents: 0,
          lines: {
            create: [{ position: 0, kind: "REPAIR", repairId: repairIds[0], description: "again", amountCents: 1 }],
          },
        },
      }),
    ).rejects.toThrow();
    expect(invoiceNumber(year, 1)).toBe("RS-2026-000001");
  });
});
