// Marking the damage on a photo with a finger, offline: a circle drawn over the damage photo is
// kept beside the photo (which stays as taken) and queued with it for the server; after sync the
// marks are on the manager's card and on the customer's view of the repair in the portal.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { technicianWithWalkAt } from "../support/own-walk";
import { DEMO_PASSWORD, signIn, signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";
import { LOT, PHOTO, readQueuedMutations, startWalkOffline, syncSummary } from "../support/walk-device";

const ok = async <T>(result: Promise<{ ok: true; data: T } | { ok: false; message: string }>) => {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT, hasTouch: true });

test("a circle drawn on the damage photo travels with it", async ({ page, context, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, "Summit Car Rentals");
  await startWalkOffline(context, page, email, "Summit Car Rentals");
  const unitNumber = page.getByLabel("Unit number");
  await unitNumber.fill("MARK-1");
  await unitNumber.press("Enter");
  await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("button", { name: "Mark damage on photo 1" }).click();
  const area = page.getByTestId("mark-area");
  await expect(area.getByRole("img", { name: "damage photo 1" })).toBeVisible();
  await area.scrollIntoViewIfNeeded(); // the mouse only reaches what is on screen
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByText("1 mark: damage marked with 1 circle.")).toBeVisible();
  await page.getByRole("button", { name: "Done marking" }).click();
  await expect(page.getByRole("img", { name: "Damage marked with 1 circle" })).toBeVisible();

  await page.getByRole("button", { name: "Save repair" }).click();
  await expect(page.getByText("Repair 1 on unit MARK-1 saved on this device")).toBeVisible();
  const capture = (await readQueuedMutations(page)).find(
    (m) => m.type === "repair.capture" && (m.payload as { unitNumber: string }).unitNumber === "MARK-1",
  );
  const [attachment] = (capture?.payload as { attachments: { marks?: Array<Record<string, number | string>> }[] })
    .attachments;
  expect(attachment?.marks).toEqual([
    { kind: "circle", cx: expect.closeTo(0.5, 1), cy: expect.closeTo(0.5, 1), r: expect.closeTo(0.1, 1) },
  ]);
});

test("marks drawn offline survive sync and show on the manager's card and in the portal", async ({
  browser,
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // A fleet of the test's own, whose lot finds wait for approval (so the repair is on the manager's queue).
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const suffix = randomUUID().slice(0, 8);
  const customerName = `Marks fleet ${suffix}`;
  const customerEmail = `marks.${suffix}@fleet.example`;
  try {
    const customer = await ok(trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name: customerName }));
    await ok(
      trpcMutation(admin, "admin.updateFleetSettings", { customerId: customer.id, autoApproveLotRepairs: false }),
    );
    await ok(
      trpcMutation(admin, "admin.createUser", {
        role: "CUSTOMER",
        email: customerEmail,
        name: "Mara Marks",
        password: DEMO_PASSWORD,
        customerId: customer.id,
      }),
    );
  } finally {
    await admin.dispose();
  }
  const email = await technicianWithWalkAt(playwright, baseURL!, customerName);
  const unit = `MK-${suffix.slice(0, 4).toUpperCase()}`;

  await test.step("offline: a circle and an arrow drawn on the damage photo, saved on the device", async () => {
    await startWalkOffline(context, page, email, customerName);
    const unitNumber = page.getByLabel("Unit number");
    await unitNumber.fill(unit);
    await unitNumber.press("Enter");
    await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
    await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Mark damage on photo 1" }).click();
    const area = page.getByTestId("mark-area");
    await expect(area.getByRole("img", { name: "damage photo 1" })).toBeVisible();
    await area.scrollIntoViewIfNeeded();
    const box = (await area.boundingBox())!;
    const drag = async (from: [number, number], to: [number, number]) => {
      await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 5 });
      await page.mouse.up();
    };
    await drag([0.5, 0.5], [0.6, 0.5]);
    await page.getByRole("radio", { name: "Arrow" }).click();
    await drag([0.9, 0.1], [0.6, 0.4]);
    await expect(page.getByText("2 marks: damage marked with 1 circle and 1 arrow.")).toBeVisible();
    await page.getByRole("button", { name: "Done marking" }).click();
    await page.getByRole("button", { name: "Save repair" }).click();
    await expect(page.getByText(`Repair 1 on unit ${unit} saved on this device`)).toBeVisible();
  });

  await test.step("back online: the repair, its photo and its marks sync", async () => {
    await context.setOffline(false);
    await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 90_000 });
  });

  const marked = "Damage marked with 1 circle and 1 arrow";
  await test.step("the office's repair card shows the marks over the photo", async () => {
    const office = await browser.newContext();
    try {
      const manager = await office.newPage();
      // The admin: the spec's own technician is on no team, so a team manager would not see the repair.
      await signIn(manager, "admin@demo.test");
      await expect(manager).not.toHaveURL(/\/login/);
      await manager.goto("/manager");
      const queue = manager.getByRole("region", { name: "Waiting for approval" });
      await queue.getByRole("searchbox", { name: "Search unit, customer or technician" }).fill(unit);
      const card = queue.getByRole("article", { name: `Unit ${unit}` });
      await expect(card.getByRole("button", { name: `Open damage photo of unit ${unit}` })).toBeVisible({
        timeout: 30_000,
      });
      // Inside the thumbnail's button (whose content is its name), so found by its label, not its role.
      await expect(card.locator(`svg.damage-marks[aria-label="${marked}"]`)).toBeVisible();
    } finally {
      await office.close();
    }
  });

  await test.step("the customer sees the same marks on the repair in the portal", async () => {
    const portal = await browser.newContext();
    try {
      const customer = await portal.newPage();
      await signInAndLand(customer, customerEmail, "/portal");
      await customer.getByRole("searchbox", { name: "Find a unit" }).fill(unit);
      await customer.locator("summary", { hasText: unit }).click(); // the unit's history, in the Units list
      await expect(customer.getByRole("img", { name: `Damage photo of unit ${unit}` })).toBeVisible();
      await expect(customer.getByRole("img", { name: marked })).toBeVisible();
    } finally {
      await portal.close();
    }
  });
});
