// A technician's day in driving order. A technician of the spec's own (other specs add work to the
// demo technicians) based in Englewood gets two walks planned today by the office (Interstate
// Freight Lines at 06:00, Valley Auto Dealers at 10:00) and an on-call repair at Summit Car
// Rentals. The shortest order is Valley, Interstate, Summit. They prepare, go offline, and /walk's
// home shows the stops in that order; the office sees the same order as a numbered list and on
// the map (pins and line drawn without map tiles, which the test machine cannot load).
import { randomUUID } from "node:crypto";
import { type BrowserContext, chromium, expect, test } from "@playwright/test";
import { chromiumArgs } from "../../../playwright.config";
import { ok, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn, signInAndLand } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { prepareForOffline, waitForServiceWorkerControl } from "../support/walk-device";
import { openPhone } from "../support/phone";

const ORDER = ["Valley Auto Dealers", "Interstate Freight Lines", "Summit Car Rentals"];

test("a technician prepares, goes offline and sees today's walks and on-call repair in driving order; the manager sees it on the map", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const name = `Rita Route ${randomUUID().slice(0, 6)}`;
  const email = `route.${randomUUID().slice(0, 8)}@demo.test`;
  const { technician } = await ok(
    trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
      role: "TECHNICIAN",
      email,
      name,
      password: "demo1234",
    }),
  );
  await ok(
    trpcMutation(admin, "admin.updateTechnician", {
      technicianId: technician.id,
      baseLatitude: 39.6478,
      baseLongitude: -104.9878,
    }),
  );
  const customerId = async (customerName: string) =>
    (await ok(trpcQuery<{ id: string }[]>(admin, "admin.customers", { search: customerName })))[0]!.id;
  const { today } = await ok(trpcQuery<{ today: string }>(admin, "schedule.week", {}));
  for (const [customerName, time] of [
    ["Interstate Freight Lines", "06:00"],
    ["Valley Auto Dealers", "10:00"],
  ] as const) {
    await ok(
      trpcMutation(admin, "schedule.createWalk", {
        customerId: await customerId(customerName),
        siteId: null,
        date: today,
        time,
        technicianId: technician.id,
      }),
    );
  }
  const unitNumber = uniqueUnit("RT");
  const unit = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createUnit", {
      customerId: await customerId("Summit Car Rentals"),
      unitNumber,
    }),
  );
  const repair = await ok(
    trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
  );
  await ok(trpcMutation(admin, "repair.assign", { repairId: repair.id, technicianId: technician.id }));

  const context: BrowserContext = await openPhone(testInfo, baseURL);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, email);
    await expect(page).toHaveURL(/\/walk$/);
    await prepareForOffline(page);
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    await page.reload();

    const today = page.getByRole("region", { name: "Today's driving order" });
    const stops = today.getByRole("listitem");
    await expect(stops).toHaveCount(3);
    for (const [i, customer] of ORDER.entries()) {
      await expect(stops.nth(i)).toHaveAccessibleName(`Stop ${i + 1}: ${customer}`);
    }
    await expect(stops.nth(0)).toContainText("Lot walk");
    await expect(stops.nth(0)).toContainText("planned 10:00");
    // Planned at 06:00, reached after the day starts: the conflict is said, not hidden.
    await expect(stops.nth(1)).toContainText(/late by \d+ min/);
    await expect(stops.nth(2)).toContainText(`Repair · unit ${unitNumber}`);
    await expect(stops.nth(0)).toContainText(/\d+(\.\d)? km · ETA \d\d:\d\d/);
    // A walk's stop leads to its card, where it is started.
    await stops.nth(0).getByRole("link").click();
    await expect(page.getByRole("button", { name: "Start walk at Valley Auto Dealers" })).toBeInViewport();
  } finally {
    await context.close();
  }

  await test.step("the office's driving order: numbered list and map", async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    });
    try {
      const page = await browser.newPage({ baseURL });
      await signInAndLand(page, "admin@demo.test", "/admin");
      await page.goto("/manager/route");
      await page.getByLabel("Technician").selectOption({ label: name });
      const rows = page.getByRole("table", { name: "Stops in driving order" }).getByRole("row");
      await expect(rows).toHaveCount(1 + 3);
      for (const [i, customer] of ORDER.entries()) {
        await expect(rows.nth(i + 1)).toContainText(`${i + 1}${customer}`);
      }
      const map = page.getByTestId("route-map");
      await expect(map.locator(".mgr-map-pin")).toHaveCount(4); // the start and three stops
      await expect(map.locator(".mgr-map-pin").filter({ hasText: /^3$/ })).toBeVisible();
      await expect(map.locator("path.route-line")).toHaveCount(1);
    } finally {
      await browser.close();
    }
  });
  await admin.dispose();
});
