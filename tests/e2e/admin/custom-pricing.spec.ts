// Acceptance (1): an admin sets a customer's custom tiers on the screen; the technician's
// device gets the new price list at its next sync.prepare, and the next repair captured for
// that customer is priced by it.
import { createHash, randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import superjson from "superjson";
import { signedInApi } from "../support/api-session";
import { trpcMutation } from "../support/trpc";
import { VALLEY, customerIdOf, openCustomer, query, signInAsAdmin } from "./admin-screen";

type Prepared = {
  customers: { id: string; pricing: { version: number; useCustomPricing: boolean; tiersCents: (number | null)[] } }[];
  walks: { id: string }[];
};

test("custom tiers $60/$50/$45 (4th and 5th default) price Valley's next repair and reach the device at its next prepare", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAsAdmin(page);
  const valleyId = await customerIdOf(page.request, VALLEY);

  // The seed has no open walk at Valley: the technician starts one (walk.write allows their own).
  const device = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const walkId = randomUUID();
  expect(await trpcMutation(device, "walk.start", { id: walkId, customerId: valleyId })).toMatchObject({ ok: true });
  const pricingOnDevice = async () =>
    (await query<Prepared>(device, "sync.prepare")).customers.find((c) => c.id === valleyId)!.pricing;
  const before = await pricingOnDevice();
  expect(before.useCustomPricing).toBe(false);

  await openCustomer(page, VALLEY);
  const form = page.getByRole("form", { name: "Pricing" });
  await form.getByLabel("Use custom pricing").check();
  await form.getByLabel("1st repair").fill("60");
  await form.getByLabel("2nd repair").fill("50");
  await form.getByLabel("3rd repair").fill("45");
  await expect(form.getByLabel("4th repair")).toHaveValue("");
  await expect(form.getByLabel("4th repair")).toHaveAttribute("placeholder", "Default $30.00");
  await form.getByRole("button", { name: "Save prices" }).click();
  // Not the only status: the form also says which technicians' offline copies the change makes stale.
  await expect(form.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(form.getByLabel("1st repair")).toHaveValue("60.00");

  const prices = page.getByRole("table", { name: "Effective price list" }).locator("tbody tr");
  await expect(prices).toHaveText([
    /1st repair\s*\$60\.00\s*Custom/,
    /2nd repair\s*\$50\.00\s*Custom/,
    /3rd repair\s*\$45\.00\s*Custom/,
    /4th repair\s*\$30\.00\s*Default/,
    /5th and later\s*\$25\.00\s*Default/,
  ]);
  const latest = page.getByRole("list", { name: "Price list changes" }).getByRole("listitem").first();
  await expect(latest).toContainText("Alex Admin");
  await expect(latest.locator(".admin-change", { hasText: "repair1Cents" })).toHaveText(
    /repair1Cents\s*—\s*→\s*\$60\.00/,
  );
  await expect(latest.locator(".admin-change", { hasText: "useCustomPricing" })).toHaveText(/no\s*→\s*yes/);

  const after = await pricingOnDevice();
  expect(after).toMatchObject({ useCustomPricing: true, tiersCents: [6000, 5000, 4500, null, null] });
  expect(after.version).toBeGreaterThan(before.version);

  const unitNumber = `VA-NEW-${Date.now()}`;
  const repair = await trpcMutation<{ id: string }>(device, "repair.capture", {
    id: randomUUID(),
    walkId,
    customerId: valleyId,
    unitNumber,
    damageType: "CHIP",
  });
  expect(repair).toMatchObject({
    ok: true,
    data: { estimateCents: 6000, estimateSource: "CUSTOM_TIER", estimateOrdinal: 1 },
  });

  // The walk ends signed, so the technician's walks are the seeded ones again for other specs.
  await finishWalk(device, walkId, {
    unitNumber,
    repairs: [{ id: repair.ok ? repair.data.id : "", damageType: "CHIP", estimateCents: 6000 }],
  });
  expect((await query<Prepared>(device, "sync.prepare")).walks.map((w) => w.id)).not.toContain(walkId);
  await device.dispose();
});

/** The site contact signs the walk's summary on the device: sync.push walk.finish, then the signature's bytes. */
async function finishWalk(
  device: APIRequestContext,
  walkId: string,
  unit: { unitNumber: string; repairs: { id: string; damageType: string; estimateCents: number }[] },
) {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const signature = {
    id: randomUUID(),
    kind: "SIGNATURE",
    mimeType: "image/svg+xml",
    sizeBytes: svg.length,
    sha256: createHash("sha256").update(svg).digest("hex"),
  };
  const totalCents = unit.repairs.reduce((sum, r) => sum + r.estimateCents, 0);
  const payload = {
    walkId,
    endedAt: new Date(),
    siteContactName: "Lot supervisor",
    signedSummary: { units: [unit], totalCents },
    signature,
  };
  // Serialized as the app's client does, so endedAt arrives as a Date.
  const pushed = await device.post("/api/trpc/sync.push", {
    data: superjson.serialize({
      deviceId: randomUUID(),
      mutations: [{ id: randomUUID(), type: "walk.finish", payload }],
    }),
  });
  expect(await pushed.json()).toMatchObject({ result: { data: { json: { results: [{ ok: true }] } } } });
  expect(
    (
      await device.put(`/api/uploads/${signature.id}?offset=0`, {
        data: svg,
        headers: { "Content-Type": "application/octet-stream" },
      })
    ).status(),
  ).toBe(200);
}

test("a price that is not an amount is named before anything is sent", async ({ page }) => {
  await signInAsAdmin(page);
  await openCustomer(page, VALLEY);
  const form = page.getByRole("form", { name: "Pricing" });
  await form.getByLabel("2nd repair").fill("forty");
  await form.getByRole("button", { name: "Save prices" }).click();
  await expect(form.getByRole("alert")).toHaveText('2nd repair: dollars: "forty" is not a decimal number');
});
