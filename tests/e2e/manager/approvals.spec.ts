// The manager's approval queue: new finds arrive without a reload, one is approved with the
// fact recorded, several are denied together with one reason.
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcQuery } from "../support/trpc";
import { newCustomer, ok, repairById, uniqueUnit, walkWithFinds } from "./setup";

test("a find over the customer's auto-approve limit appears within 5 s without a reload; approving it records who and when", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const customerId = await newCustomer(admin, {
    autoApproveLotRepairs: true,
    maxAutoApproveCents: 3000,
    requirePhotoForApproval: false,
  });
  await signInAndLand(page, "manager@demo.test", "/manager");
  const manager = await ok(trpcQuery<{ userId: string }>(page.request, "session.me"));
  await expect(page.getByRole("status").filter({ hasText: "Live · checked" })).toBeVisible();

  const unit = uniqueUnit("LIVE");
  const { repairs } = await walkWithFinds(tech, customerId, [{ unitNumber: unit }]);
  expect(repairs[0]).toMatchObject({ status: "PENDING_APPROVAL", approvalRule: "OVER_LIMIT", estimateCents: 5000 });

  const card = page.getByRole("article", { name: `Unit ${unit}` });
  await expect(card).toBeVisible({ timeout: 5_000 });
  await expect(card.getByTestId("approval-reason")).toHaveText(
    "Needs approval: $50.00 is over the $30.00 auto-approve limit",
  );
  await expect(card.getByTestId("repair-price")).toHaveText("$50.00");
  await expect(card).toContainText("Taylor Tech");

  const before = Date.now();
  await card.getByRole("button", { name: `Approve unit ${unit}` }).click();
  await expect(card).toHaveCount(0);
  const approved = await repairById(admin, repairs[0]!.id);
  expect(approved).toMatchObject({
    status: "APPROVED",
    approvalKind: "MANUAL",
    approvalRule: "BY_MANAGER",
    approvedById: manager.userId,
  });
  expect(new Date(approved.approvedAt!).getTime()).toBeGreaterThanOrEqual(before - 2_000);
  expect(new Date(approved.approvedAt!).getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
});

test("several finds are denied together, with one reason required first", async ({ page, playwright, baseURL }) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const units = [uniqueUnit("DENY"), uniqueUnit("DENY"), uniqueUnit("KEEP")];
  const { repairs } = await walkWithFinds(
    tech,
    customerId,
    units.map((unitNumber) => ({ unitNumber })),
  );

  await signInAndLand(page, "manager@demo.test", "/manager");
  // Found by the repair that stays, so the locator outlives the denied ones.
  const group = page.locator("section.mgr-group", { has: page.getByRole("article", { name: `Unit ${units[2]}` }) });
  await expect(group.getByRole("article")).toHaveCount(3);
  await group.getByLabel(`Select unit ${units[0]}`).check();
  await group.getByLabel(`Select unit ${units[1]}`).check();
  await group.getByRole("button", { name: "Deny 2 selected…" }).click();
  const deny = group.getByRole("button", { name: "Deny 2 repairs" });
  await expect(deny).toBeDisabled();
  await group.getByLabel("Why deny the 2 selected?").fill("Fleet is replacing these windshields");
  await deny.click();

  await expect(group.getByRole("article")).toHaveCount(1);
  await expect(group.getByRole("article", { name: `Unit ${units[2]}` })).toBeVisible();
  for (const repair of repairs.slice(0, 2)) {
    expect(await repairById(admin, repair.id)).toMatchObject({
      status: "DENIED",
      denialReason: "Fleet is replacing these windshields",
    });
  }
  expect(await repairById(admin, repairs[2]!.id)).toMatchObject({ status: "PENDING_APPROVAL" });
});
