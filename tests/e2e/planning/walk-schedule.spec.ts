// Walks from schedules, on the screens: an admin gives a customer of its own a site (picked on
// the map, whether or not its tiles load) and Tuesday/Thursday lot walks; saving generates the
// walks, which appear unassigned in the manager's week view; the manager assigns one to
// Jordan Rivera (tech2@demo.test). The customer is this spec's own, so no other spec sees it.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { openCustomer, signInAsAdmin } from "../admin/admin-screen";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";

test.use({ viewport: { width: 1280, height: 1000 } });

test("admin turns on Tuesday/Thursday walks, the manager sees them in the week and assigns one to tech2", async ({
  browser,
}) => {
  const name = `Planning Fleet ${randomUUID().slice(0, 8)}`;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  expect((await trpcMutation(admin.request, "admin.createCustomer", { name })).ok).toBe(true);
  await openCustomer(admin, name);

  // A site: its position is picked with a click on the map (no tiles needed).
  const site = admin.getByRole("form", { name: "Add a site" });
  await site.getByLabel("Site name").fill("North lot");
  await site.getByLabel("Address").fill("5000 N Washington St, Denver, CO");
  await site.getByTestId("site-map").click({ position: { x: 200, y: 120 } });
  await expect(site.getByLabel("Latitude")).toHaveValue(/^39\.\d+$/);
  await expect(site.getByLabel("Longitude")).toHaveValue(/^-10[45]\.\d+$/);
  await site.getByRole("button", { name: "Add site" }).click();
  await expect(admin.getByRole("list").filter({ hasText: "North lot" })).toContainText("Primary");

  // A coordinate out of range is refused before anything is sent.
  await site.getByLabel("Site name").fill("Nowhere");
  await site.getByLabel("Latitude").fill("95");
  await site.getByLabel("Longitude").fill("-104.9");
  await site.getByRole("button", { name: "Add site" }).click();
  await expect(site.getByRole("alert")).toHaveText("The latitude must be a number from -90 to 90.");

  const form = admin.getByRole("form", { name: "Fleet settings" });
  await form.getByLabel("Service mode").selectOption({ label: "Scheduled lot walking" });
  await form.getByLabel("Lot walking", { exact: true }).check();
  const days = form.getByRole("group", { name: "Lot-walking days" });
  await days.getByLabel("Tuesday").check();
  await days.getByLabel("Thursday").check();
  await form.getByLabel("Time (optional)").fill("10:00");
  await form.getByRole("button", { name: "Save fleet settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");
  await adminContext.close();

  const managerContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const manager = await managerContext.newPage();
  await signInAndLand(manager, "manager@demo.test", "/manager");
  await manager.getByRole("link", { name: "Walk planning" }).click();
  await expect(manager.getByRole("heading", { name: "Walk planning" })).toBeVisible();
  // Next week always lies within the four-week horizon and holds a Tuesday and a Thursday.
  await manager.getByRole("button", { name: "Next week →" }).click();
  const unassigned = manager.getByTestId("week-row-Unassigned");
  const walks = unassigned.getByRole("button", { name: new RegExp(`10:00 ${name} · North lot`) });
  await expect(walks).toHaveCount(2);

  await walks.first().click();
  const card = manager.getByRole("article", { name: new RegExp(`Walk at ${name}`) });
  await expect(card.getByTestId("walk-technician")).toHaveText("Unassigned");
  // Smart assignment ranks the team for this walk: its first choice is one tap, with its reasons.
  const recommend = card.getByRole("button", { name: /\(recommended\)$/ });
  await expect(recommend).toBeVisible();
  const recommended = (await recommend.textContent())!.replace(/^Assign to /, "").replace(/ \(recommended\)$/, "");
  await expect(card.getByText(`Why ${recommended} is recommended`)).toBeVisible();
  if (recommended === "Jordan Rivera") {
    await recommend.click();
  } else {
    // Jordan is chosen over the recommendation: allowed, and the reasons say so.
    const jordan = card.getByLabel("Technician").locator("option", { hasText: "Jordan Rivera" });
    await card.getByLabel("Technician").selectOption((await jordan.getAttribute("value"))!);
    await card.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(card).toContainText(`Over the recommendation: ${recommended}`);
  }
  await expect(card.getByTestId("walk-technician")).toHaveText("Jordan Rivera");
  await expect(card).toContainText("Chosen: Jordan Rivera, score");
  await expect(
    manager.getByTestId("week-row-Jordan Rivera").getByRole("button", { name: new RegExp(name) }),
  ).toHaveCount(1);
  await expect(walks).toHaveCount(1);
  await managerContext.close();
});
