// Rewards end to end, with a fleet, technician and customer user of the spec's own: a repair is
// completed (through the API, as a technician's phone would), the admin sees the 50 points on
// the customer's Rewards section, redeems 30 of them, and the customer's user sees the ledger
// (both entries, in words) and the balance on /portal.
import { createHash, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ok, uniqueUnit } from "../manager/setup";
import { openCustomer, signInAsAdmin } from "../admin/admin-screen";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";

const PASSWORD = "demo1234";

test("an admin sees points for a completed repair and redeems some; the customer sees its ledger on /portal", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const suffix = randomUUID().slice(0, 6);
  const name = `Rewards Fleet ${suffix}`;
  const customer = await ok(trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name }));
  const techEmail = `rewards.tech.${suffix}@demo.test`;
  const { technician } = await ok(
    trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
      role: "TECHNICIAN",
      email: techEmail,
      name: "Robin Rewards",
      password: PASSWORD,
    }),
  );
  const userEmail = `rewards.user.${suffix}@fleet.example`;
  await ok(
    trpcMutation(admin, "admin.createUser", {
      role: "CUSTOMER",
      email: userEmail,
      name: "Riley Rewards",
      password: PASSWORD,
      customerId: customer.id,
    }),
  );
  const unit = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: customer.id, unitNumber: uniqueUnit("RW") }),
  );
  const repair = await ok(
    trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
  );
  await ok(trpcMutation(admin, "repair.assign", { repairId: repair.id, technicianId: technician.id }));
  const tech = await signedInApi(playwright, baseURL!, techEmail);
  await ok(trpcMutation(tech, "repair.start", { repairId: repair.id }));
  const after = {
    id: randomUUID(),
    kind: "PHOTO",
    photoStage: "AFTER",
    mimeType: "image/jpeg",
    sizeBytes: 120_000,
    sha256: createHash("sha256").update(suffix).digest("hex"),
  };
  await ok(trpcMutation(tech, "repair.complete", { repairId: repair.id, attachments: [after] }));

  await signInAsAdmin(page);
  await openCustomer(page, name);
  const rewards = page.getByRole("region", { name: "Rewards" });
  await expect(rewards.getByTestId("points-balance")).toContainText("50 points");
  await expect(rewards.getByRole("table", { name: "Points history" })).toContainText("Completed repair");

  const redeem = rewards.getByRole("form", { name: "Redeem points" });
  await redeem.getByLabel("Points to redeem").fill("80");
  await redeem.getByRole("button", { name: "Redeem points" }).click();
  await expect(redeem.getByRole("alert")).toContainText("Cannot redeem 80 points: the balance is 50.");
  await redeem.getByLabel("Points to redeem").fill("30");
  await expect(redeem).toContainText("worth $0.30");
  await redeem.getByRole("button", { name: "Redeem points" }).click();
  await expect(redeem.getByRole("status")).toHaveText("Points redeemed");
  await expect(rewards.getByTestId("points-balance")).toContainText("20 points");

  const portal = await browser.newPage();
  await signIn(portal, userEmail, PASSWORD);
  await expect(portal).toHaveURL(/\/portal$/);
  const mine = portal.locator("#rewards");
  await expect(mine.getByTestId("points-balance")).toContainText("20 points");
  const rows = mine.getByRole("table", { name: "Points history" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Redeemed for an invoice discount");
  await expect(rows.nth(1)).toContainText("-30");
  await expect(rows.nth(2)).toContainText("Completed repair");
  await expect(rows.nth(2)).toContainText("+50");
  await expect(mine).toContainText("You have not referred anyone yet.");
  await portal.close();
  await admin.dispose();
  await tech.dispose();
});
