// Planning, the whole story: an admin gives a customer of this spec's own a site and Tuesday/
// Thursday lot walks (and today's weekday, so the story can end today); saving generates the walks,
// which appear unassigned in the manager's week view; the manager assigns today's to Jordan Rivera
// (tech2@demo.test) through the recommendation; Jordan prepares, goes offline and finds it first in
// the day's driving order. The site is put where Jordan's day starts (the base, or where the phone
// was last seen today), so the shortest order visits it first whatever else Jordan has today.
import { randomUUID } from "node:crypto";
import { type BrowserContext, expect, test } from "@playwright/test";
import { openCustomer, signInAsAdmin } from "../admin/admin-screen";
import { ok } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn, signInAndLand } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { prepareForOffline, waitForServiceWorkerControl } from "../support/walk-device";
import { openPhone } from "../support/phone";

test.use({ viewport: { width: 1280, height: 1000 } });

type Week = { today: string; days: string[]; technicians: { id: string; name: string }[] };
type Day = { start: { latitude: number; longitude: number } | null };

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

test("admin turns on Tuesday/Thursday walks, the manager assigns today's to tech2 as recommended, tech2 finds it first in the driving order offline", async ({
  browser,
  playwright,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const name = `Planning Fleet ${randomUUID().slice(0, 8)}`;
  const api = await signedInApi(playwright, baseURL, "admin@demo.test");
  const week = await ok(trpcQuery<Week>(api, "schedule.week", {}));
  const jordan = week.technicians.find((t) => t.name === "Jordan Rivera")!;
  const { start } = await ok(trpcQuery<Day>(api, "route.day", { technicianId: jordan.id }));
  expect(start).not.toBeNull();
  const todayName = WEEKDAYS[new Date(`${week.today}T12:00:00Z`).getUTCDay()]!;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  expect((await trpcMutation(admin.request, "admin.createCustomer", { name })).ok).toBe(true);
  await openCustomer(admin, name);

  // A site: a click on the map picks a position (no tiles needed); typed coordinates take over.
  const site = admin.getByRole("form", { name: "Add a site" });
  await site.getByLabel("Site name").fill("North lot");
  await site.getByLabel("Address").fill("5000 N Washington St, Denver, CO");
  await site.getByTestId("site-map").click({ position: { x: 200, y: 120 } });
  await expect(site.getByLabel("Latitude")).toHaveValue(/^39\.\d+$/);
  await expect(site.getByLabel("Longitude")).toHaveValue(/^-10[45]\.\d+$/);
  await site.getByLabel("Latitude").fill(String(start!.latitude));
  await site.getByLabel("Longitude").fill(String(start!.longitude));
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
  const chosen = [...new Set(["Tuesday", "Thursday", todayName])];
  for (const day of chosen) await days.getByLabel(day).check();
  // Jordan's other walks today are at 06:00 and 10:00: 13:00 overlaps neither.
  await form.getByLabel("Time (optional)").fill("13:00");
  await form.getByRole("button", { name: "Save fleet settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");
  await adminContext.close();

  const managerContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const manager = await managerContext.newPage();
  await signInAndLand(manager, "manager@demo.test", "/manager");
  await manager.getByRole("link", { name: "Walk planning" }).click();
  await expect(manager.getByRole("heading", { name: "Walk planning" })).toBeVisible();
  const unassigned = manager.getByTestId("week-row-Unassigned");
  const walksOf = (row: typeof unassigned) =>
    row.getByRole("button", { name: new RegExp(`13:00 ${name} · North lot`) });
  // Next week lies within the four-week horizon and holds one walk a chosen weekday.
  await manager.getByRole("button", { name: "Next week →" }).click();
  await expect(walksOf(unassigned)).toHaveCount(chosen.length);
  await manager.getByRole("button", { name: "This week" }).click();
  await expect(manager.getByTestId("week-of")).toHaveText(/Week of/);

  await walksOf(unassigned.getByRole("cell").nth(week.days.indexOf(week.today))).click();
  const card = manager.getByRole("article", { name: `Walk at ${name} on ${week.today}` });
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
    const option = card.getByLabel("Technician").locator("option", { hasText: "Jordan Rivera" });
    await card.getByLabel("Technician").selectOption((await option.getAttribute("value"))!);
    await card.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(card).toContainText(`Over the recommendation: ${recommended}`);
  }
  await expect(card.getByTestId("walk-technician")).toHaveText("Jordan Rivera");
  await expect(card).toContainText("Chosen: Jordan Rivera, score");
  await expect(walksOf(manager.getByTestId("week-row-Jordan Rivera"))).toHaveCount(1);
  await managerContext.close();

  await test.step("Jordan prepares, goes offline and finds the walk first in today's driving order", async () => {
    const context: BrowserContext = await openPhone(testInfo, baseURL);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await signIn(page, "tech2@demo.test");
      await expect(page).toHaveURL(/\/walk$/);
      await prepareForOffline(page);
      await waitForServiceWorkerControl(page);
      await context.setOffline(true);
      await page.reload();
      const stops = page.getByRole("region", { name: "Today's driving order" }).getByRole("listitem");
      await expect(stops.first()).toHaveAccessibleName(`Stop 1: ${name}`);
      await expect(stops.first()).toContainText("planned 13:00");
    } finally {
      await context.close();
    }
  });
  await api.dispose();
});
