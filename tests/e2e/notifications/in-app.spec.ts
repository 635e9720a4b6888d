// In-app notifications, end to end: a walk's two repairs needing approval reach the customer's
// user as ONE notification on /portal's bell (the finished walk is another); the customer approves them there, and the manager's
// bell says so. A fleet, a customer user and finds of the spec's own.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newCustomer, ok, technicianIdOf, uniqueUnit, walkWithFinds } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";

// The fan-out runs every 3 s and the bell counts every 15 s.
const TOLD = { timeout: 30_000 };

test("a walk's repairs needing approval notify the customer once; the customer's approval notifies the manager", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false, requirePhotoForApproval: false });
  const email = `notified.${randomUUID().slice(0, 8)}@demo.test`;
  await ok(
    trpcMutation(admin, "admin.createUser", {
      role: "CUSTOMER",
      customerId,
      email,
      name: "Nora Notified",
      password: "demo1234",
    }),
  );
  const units = [uniqueUnit("NT"), uniqueUnit("NT")];
  await walkWithFinds(
    admin,
    customerId,
    units.map((unitNumber) => ({ unitNumber })),
    await technicianIdOf(admin, "Taylor Tech"),
  );

  const customer = await (await browser.newContext()).newPage();
  await signInAndLand(customer, email, "/portal");
  const bell = customer.getByRole("button", { name: /^Notifications/ });
  // The walk's two finds are one notification; the finished walk another. The survey of the
  // finished walk (sent by the quality job once a minute) may be a third by then.
  await expect(bell).toHaveText(/^Notifications \([23] unread\)$/, TOLD);
  await bell.click();
  const panel = customer.getByRole("region", { name: "Notifications" });
  await expect(panel.getByRole("listitem").filter({ hasNotText: "How did our work go?" })).toHaveCount(2);
  await expect(panel.getByRole("link", { name: "● 2 repairs need your approval" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "● A lot walk was completed" })).toBeVisible();

  const card = customer.locator(".card", { has: customer.getByRole("heading", { name: "Waiting for your approval" }) });
  for (const unit of units) await card.getByLabel(`Select unit ${unit}`).check();
  await card.getByRole("button", { name: "Approve 2 selected" }).click();
  await expect(card.getByText("Nothing waits for your approval.")).toBeVisible();
  await panel.getByRole("button", { name: "Mark all read" }).click();
  // Read: the mark is gone (a survey arriving just now may still be unread).
  await expect(panel.getByRole("link", { name: "2 repairs need your approval", exact: true })).toBeVisible();

  const manager = await (await browser.newContext()).newPage();
  await signInAndLand(manager, "manager@demo.test", "/manager");
  const officeBell = manager.getByRole("button", { name: /^Notifications/ });
  await expect(officeBell).toHaveText(/Notifications \(\d+ unread\)/, TOLD);
  await officeBell.click();
  await expect(
    manager
      .getByRole("region", { name: "Notifications" })
      .getByRole("link", { name: "● 2 repairs were approved" })
      .first(),
  ).toBeVisible(TOLD);
  await admin.dispose();
});
