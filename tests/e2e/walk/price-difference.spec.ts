// The device estimates from the price list it prepared; the server prices with the list in force
// when the repair arrives. Here the office raises Summit's first-repair price while the
// technician walks offline: after sync the device shows the server's price and decision, and
// flags what differs from its own estimate and decision.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { LOT, captureUnit, startWalkOffline, syncSummary } from "../support/walk-device";

type Pricing = {
  useCustomPricing: boolean;
  tiersCents: (number | null)[];
  volumeDiscountThreshold: number;
  volumeDiscountBasisPoints: number;
};

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

test("a capture priced differently by the server shows the server's price and decision, flagged against the device's estimate", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const ok = async <T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>) => {
    const r = await result;
    if (!r.ok) throw new Error(r.message);
    return r.data;
  };
  const [summit] = await ok(
    trpcQuery<{ id: string; name: string }[]>(admin, "admin.customers", { search: "Summit Car Rentals" }),
  );
  const sam = (await ok(trpcQuery<{ technicianId: string; email: string }[]>(admin, "admin.technicians"))).find(
    (t) => t.email === "tech3@demo.test",
  )!;
  const before = (await ok(trpcQuery<{ pricing: Pricing }>(admin, "admin.customer", { customerId: summit!.id })))
    .pricing;
  // The office sends Sam Okafor to Summit's lot today.
  await ok(
    trpcMutation(admin, "walk.start", { id: randomUUID(), customerId: summit!.id, technicianId: sam.technicianId }),
  );

  try {
    await startWalkOffline(context, page, "tech3@demo.test", "Summit Car Rentals");
    // A new unit's first repair: $50 on the prepared list, within Summit's $50 auto-approval.
    await captureUnit(page, { type: "SR-950", expected: "SR-950", damage: "Chip", position: "center" });
    const card = page.getByRole("article", { name: "Repair on unit SR-950: Chip, center" });
    await expect(card).toContainText("Device estimate $50.00");

    await ok(
      trpcMutation(admin, "admin.updatePricing", {
        customerId: summit!.id,
        useCustomPricing: true,
        tiersCents: [6500, null, null, null, null],
      }),
    );
    await context.setOffline(false);
    await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
    await expect(card.getByText("Server: Waiting for approval · $65.00")).toBeVisible();
    await expect(card.getByRole("note")).toHaveText(
      "⚑ Price and decision differ: $15.00 more than the device estimate; approved on the device, waiting for approval on the server. The office will review it.",
    );
  } finally {
    const { useCustomPricing, tiersCents, volumeDiscountThreshold, volumeDiscountBasisPoints } = before;
    await ok(
      trpcMutation(admin, "admin.updatePricing", {
        customerId: summit!.id,
        useCustomPricing,
        tiersCents,
        volumeDiscountThreshold,
        volumeDiscountBasisPoints,
      }),
    );
    await admin.dispose();
  }
});
