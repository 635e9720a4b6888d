// Signing out needs the server. Offline, the technician is told why on a line of its own, the
// header keeps its one line on a phone, and the message can be dismissed.
import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";
import { prepareForOffline, waitForServiceWorkerControl } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 } });

test("offline, sign out explains itself under the header without breaking it onto several lines", async ({
  page,
  context,
}) => {
  await signIn(page, "tech3@demo.test");
  await expect(page).toHaveURL(/\/walk$/);
  await prepareForOffline(page);
  await waitForServiceWorkerControl(page);
  const header = page.getByRole("banner");
  const signOut = header.getByRole("button", { name: "Sign out" });
  const oneLine = (await signOut.boundingBox())!.y;

  await context.setOffline(true);
  await signOut.click();
  const alert = header.getByRole("alert");
  await expect(alert).toContainText("You seem to be offline");
  // The brand, the name and the button stay on the header's first line; the message is below them.
  expect((await signOut.boundingBox())!.y).toBe(oneLine);
  expect((await alert.boundingBox())!.y).toBeGreaterThan(oneLine);
  await alert.getByRole("button", { name: "Dismiss" }).click();
  await expect(alert).toHaveCount(0);
  await expect(page).toHaveURL(/\/walk$/);
});
