// Billing from end to end, on a customer, technician and customer user of the spec's own (the
// demo data stays untouched): three repairs completed last week -> the admin runs weekly
// invoicing for that customer -> the customer downloads the PDF from /portal (pdftotext: the
// number, every unit, the total) -> the admin records the payment in two parts -> the invoice is
// paid and its repairs CLOSED.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import superjson from "superjson";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";

type Result<T> = Promise<{ ok: true; data: T } | { ok: false; message: string }>;
const ok = async <T>(result: Result<T>) => {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const photo = (stage: "DAMAGE" | "AFTER") => ({
  id: randomUUID(),
  kind: "PHOTO",
  photoStage: stage,
  mimeType: "image/jpeg",
  sizeBytes: 120_000,
  sha256: randomUUID().replaceAll("-", "").padEnd(64, "0"),
});

test("weekly invoicing -> the customer's PDF -> a payment in two parts closes the repairs", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 6);
  const customerName = `Billing Fleet ${tag}`;
  const units = [`BIL-${tag}-1`, `BIL-${tag}-2`, `BIL-${tag}-3`].map((u) => u.toUpperCase());
  const customerEmail = `payer.${tag}@demo.test`;
  const techEmail = `biller.${tag}@demo.test`;
  const repairIds: string[] = [];
  let admin: APIRequestContext | undefined;
  let tech: APIRequestContext | undefined;

  await test.step("set-up through the API: a weekly-invoiced customer with three repairs completed last week", async () => {
    admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
    const customer = await ok(trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name: customerName }));
    await ok(
      trpcMutation(admin, "admin.updateFleetSettings", {
        customerId: customer.id,
        invoicingCadence: "WEEKLY",
        paymentTerms: "NET_30",
        autoApproveLotRepairs: true,
        maxAutoApproveCents: 100_000,
        requirePhotoForApproval: false,
      }),
    );
    await ok(
      trpcMutation(admin, "admin.createUser", {
        role: "CUSTOMER",
        customerId: customer.id,
        email: customerEmail,
        name: "Pat Payer",
        password: "demo1234",
      }),
    );
    const { technician } = await ok(
      trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
        role: "TECHNICIAN",
        email: techEmail,
        name: "Bill Biller",
        password: "demo1234",
      }),
    );
    const walkId = randomUUID();
    await ok(trpcMutation(admin, "walk.start", { id: walkId, customerId: customer.id, technicianId: technician.id }));
    tech = await signedInApi(playwright, baseURL!, techEmail);
    const lastWeek = new Date(Date.now() - 8 * 86_400_000);
    for (const unitNumber of units) {
      const repair = await ok(
        trpcMutation<{ id: string; status: string }>(tech, "repair.capture", {
          id: randomUUID(),
          walkId,
          customerId: customer.id,
          unitNumber,
          damageType: "CHIP",
          attachments: [photo("DAMAGE")],
        }),
      );
      repairIds.push(repair.id);
      await ok(trpcMutation(tech, "repair.start", { repairId: repair.id }));
      // A date travels in superjson's envelope with its type, as the app's clients send it.
      const completed = await tech.post("/api/trpc/repair.complete", {
        data: superjson.serialize({ repairId: repair.id, completedAt: lastWeek, attachments: [photo("AFTER")] }),
      });
      expect(completed.status(), await completed.text()).toBe(200);
    }
  });

  let number = "";
  let totalText = "";
  await test.step("the admin invoices the customer: one weekly invoice, issued", async () => {
    await signInAndLand(page, "admin@demo.test", "/admin");
    await page.goto("/admin?tab=billing");
    await page.getByLabel("Customer").selectOption({ label: customerName });
    await page.getByRole("button", { name: "Invoice the chosen customer" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Done:" })).toContainText("1 invoices made", {
      timeout: 60_000,
    });
    const row = page.getByRole("table", { name: "Invoices" }).getByRole("row").filter({ hasText: customerName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Issued");
    number = ((await row.getByRole("cell").first().textContent()) ?? "").trim();
    expect(number).toMatch(/^RS-\d{4}-\d{6}$/);
    totalText = ((await row.getByRole("cell").nth(4).textContent()) ?? "").trim();
    expect(totalText).toMatch(/^\$\d/);
  });

  await test.step("the customer downloads the PDF from /portal: number, every unit, the total", async () => {
    const context = await browser.newContext();
    const portal = await context.newPage();
    try {
      await signInAndLand(portal, customerEmail, "/portal");
      const invoices = portal.locator("#invoices");
      await expect(invoices).toContainText(number);
      const [download] = await Promise.all([
        portal.waitForEvent("download"),
        invoices.getByRole("link", { name: `Download PDF of ${number}` }).click(),
      ]);
      const file = await download.path();
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain(number);
      for (const unit of units) expect(text).toContain(unit);
      expect(text).toContain(totalText);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await context.close();
    }
  });

  await test.step("the admin records the payment in two parts: paid, repairs CLOSED", async () => {
    const row = page.getByRole("table", { name: "Invoices" }).getByRole("row").filter({ hasText: number });
    await row.getByRole("button", { name: /^Open/ }).click();
    const cents = Number(totalText.replace(/[$,]/g, "")) * 100;
    const first = Math.floor(cents / 3);
    const dollars = (c: number) => (c / 100).toFixed(2);
    await page.getByLabel("Amount ($)").fill(dollars(first));
    await page.getByLabel("Reference").fill("CHK-1");
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByRole("list", { name: "Payments" })).toContainText(`$${dollars(first)}`);
    await expect(page.getByTestId("invoice-balance")).toHaveText(`$${dollars(cents - first)}`);
    await page.getByLabel("Amount ($)").fill(dollars(cents - first));
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByTestId("invoice-balance")).toHaveText("$0.00");
    await expect(row).toContainText("Paid");
    for (const repairId of repairIds) {
      const repair = await ok(trpcQuery<{ status: string }>(admin!, "repair.byId", { id: repairId }));
      expect(repair.status).toBe("CLOSED");
    }
  });

  await admin?.dispose();
  await tech?.dispose();
});
