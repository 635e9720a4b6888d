// A technician passing a customer's lot (or called there) starts a walk nobody scheduled, offline,
// from what the device prepared; the server takes it on sync like a scheduled one.
import { expect, test } from "@playwright/test";
import { technicianWithWalkAt } from "../support/own-walk";
import { signIn } from "../support/sign-in";
import { LOT, captureUnit, prepareForOffline, syncSummary, waitForServiceWorkerControl } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation", "microphone"], geolocation: LOT });

test("a walk nobody scheduled is started offline at any prepared customer and syncs like a scheduled one", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, null);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/walk$/);
  await prepareForOffline(page);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);

  const form = page.getByRole("form", { name: "Walk a lot without a schedule" });
  await expect(form.getByRole("button", { name: "Start unscheduled walk" })).toBeDisabled();
  await form.getByLabel("Customer").selectOption({ label: "Interstate Freight Lines" });
  await form.getByRole("button", { name: "Start unscheduled walk" }).click();
  await expect(page.getByRole("heading", { name: "Walk at Interstate Freight Lines" })).toBeVisible();
  await captureUnit(page, { type: "TRK-101", expected: "TRK-101", damage: "Chip", position: "center" });

  await context.setOffline(false);
  await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
  await expect(page.getByRole("article", { name: "Repair on unit TRK-101: Chip, center" })).toContainText("Server: ");
});
