// The invoice PDF as its readers get it: the text (read back with pdftotext) holds the number,
// every unit, the discount and the total; another customer's user gets 404, not 403.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatCents } from "~/domain";
import { invoicePdfResponse } from "~/server/http/invoice-pdf-response";
import { addDiscountLine } from "~/server/services/billing/add-discount-line";
import { issueInvoice } from "~/server/services/billing/issue-invoice";
import { runInvoicing } from "~/server/services/billing/run-invoicing";
import { insertCompletedRepairs, insertUnits } from "../../support/billing";
import { contextFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

const pdfText = (bytes: Uint8Array) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "rs-pdf-")), "invoice.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

describe("invoice PDF", () => {
  const world = useWorld();

  it("holds the number, every unit, the discount and the total; another customer's user gets 404", async () => {
    const { db, admin, acme, carla, gus } = world;
    await db.customer.update({ where: { id: acme.id }, data: { invoicingCadence: "MONTHLY" } });
    const numbers = Array.from({ length: 12 }, (_, i) => `PDF-${i + 1}`);
    const units = await insertUnits(db, acme.id, numbers);
    await insertCompletedRepairs(
      db,
      acme.id,
      admin.userId,
      units.map((unitId, i) => ({
        unitId,
        completedAt: new Date(`2026-11-${String(i + 2).padStart(2, "0")}T18:00:00Z`),
        priceCents: 2500 + i * 100,
      })),
    );
    await db.businessSettings.upsert({
      where: { id: 1 },
      create: { id: 1, invoiceDrafts: true },
      update: { invoiceDrafts: true },
    });
    await runInvoicing(db, { customerId: acme.id, now: new Date("2026-12-09T19:00:00Z") });
    const draft = await db.invoice.findFirstOrThrow({ where: { customerId: acme.id } });
    await addDiscountLine(db, contextFor(admin), {
      invoiceId: draft.id,
      description: "Loyalty discount",
      amountCents: 1000,
    });
    const issued = await issueInvoice(db, contextFor(admin), { invoiceId: draft.id });

    const answer = await invoicePdfResponse(db, carla.actor, draft.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/pdf");
    const text = pdfText(new Uint8Array(await answer.arrayBuffer()));
    expect(text).toContain(issued.number);
    for (const unit of numbers) expect(text).toContain(unit);
    expect(text).toContain("Loyalty discount");
    expect(text).toContain(formatCents(issued.totalCents));

    expect((await invoicePdfResponse(db, gus.actor, draft.id)).status).toBe(404);
    expect((await invoicePdfResponse(db, null, draft.id)).status).toBe(401);
    expect((await invoicePdfResponse(db, admin.actor, "not-an-id")).status).toBe(404);
  });
});
