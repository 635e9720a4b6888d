// The invoice PDF draws "Where the damage is": a windshield outline per marked photo with the
// technician's circles and arrows in red, captioned with the unit; repairs without marks add none.
// Checked on the page as rendered (pdftoppm), not only its text.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { invoicePdfResponse } from "~/server/http/invoice-pdf-response";
import { issueInvoice } from "~/server/services/billing/issue-invoice";
import { runInvoicing } from "~/server/services/billing/run-invoicing";
import { insertCompletedRepairs, insertUnits } from "../../support/billing";
import { contextFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

function pdfFile(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "rs-pdf-")), "invoice.pdf");
  writeFileSync(file, bytes);
  return file;
}

const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });

/** Pixels of the marks' red on the PDF's pages, rendered at 50 dpi. */
async function redPixels(file: string): Promise<number> {
  execFileSync("pdftoppm", ["-png", "-r", "50", file, path.join(path.dirname(file), "page")]);
  let count = 0;
  for (const page of ["page-1.png", "page-2.png"]) {
    let png: Buffer;
    try {
      png = readFileSync(path.join(path.dirname(file), page));
    } catch {
      continue;
    }
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    for (let i = 0; i < data.length; i += info.channels)
      if (data[i]! > 200 && data[i + 1]! < 90 && data[i + 2]! < 120) count += 1;
  }
  return count;
}

describe("invoice PDF damage marks", () => {
  const world = useWorld();

  it("draws each marked photo's circles and arrows on a windshield outline, and nothing for unmarked repairs", async () => {
    const { db, admin, acme, carla } = world;
    await db.customer.update({ where: { id: acme.id }, data: { invoicingCadence: "MONTHLY" } });
    const units = await insertUnits(db, acme.id, ["MK-1", "MK-2"]);
    const [marked, plain] = await insertCompletedRepairs(db, acme.id, admin.userId, [
      { unitId: units[0]!, completedAt: new Date("2026-11-03T18:00:00Z"), priceCents: 5000 },
      { unitId: units[1]!, completedAt: new Date("2026-11-04T18:00:00Z"), priceCents: 4000 },
    ]);
    const photo = (repairId: string, damageMarks?: unknown) => ({
      id: randomUUID(),
      repairId,
      kind: "PHOTO" as const,
      photoStage: "DAMAGE" as const,
      mimeType: "image/jpeg",
      sizeBytes: 1000,
      sha256: "0".repeat(64),
      createdById: admin.userId,
      ...(damageMarks ? { damageMarks } : {}),
    });
    await db.attachment.createMany({
      data: [
        photo(marked!, [
          { kind: "circle", cx: 0.4, cy: 0.5, r: 0.12 },
          { kind: "arrow", x1: 0.9, y1: 0.1, x2: 0.6, y2: 0.4 },
        ]),
        photo(plain!),
      ],
    });
    await db.businessSettings.upsert({
      where: { id: 1 },
      create: { id: 1, invoiceDrafts: true },
      update: { invoiceDrafts: true },
    });
    await runInvoicing(db, { customerId: acme.id, now: new Date("2026-12-09T19:00:00Z") });
    const draft = await db.invoice.findFirstOrThrow({ where: { customerId: acme.id } });
    await issueInvoice(db, contextFor(admin), { invoiceId: draft.id });

    const withMarks = pdfFile(
      new Uint8Array(await (await invoicePdfResponse(db, carla.actor, draft.id)).arrayBuffer()),
    );
    const text = pdfText(withMarks);
    expect(text).toContain("Where the damage is");
    expect(text).toContain("Unit MK-1");
    expect(text).not.toContain("Unit MK-2");
    const red = await redPixels(withMarks);
    expect(red).toBeGreaterThan(40);

    // The same invoice once the marks are gone: no diagram, no red.
    await db.$executeRaw`UPDATE "Attachment" SET "damageMarks" = NULL WHERE "repairId" = ${marked!}::uuid`;
    const without = pdfFile(new Uint8Array(await (await invoicePdfResponse(db, carla.actor, draft.id)).arrayBuffer()));
    expect(pdfText(without)).not.toContain("Where the damage is");
    expect(await redPixels(without)).toBe(0);
  });
});
