// A manager's approval limit: what is above it gets no approve button (the server does not
// even list it), the API refuses it, and "approve whole walk" leaves it pending with the reason.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";
import { newCustomer, ok, repairById, uniqueUnit, walkWithFinds } from "./setup";

test("a manager whose limit is below the price sees no approve button for it, and the API refuses it", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const email = `limited-${randomUUID().slice(0, 8)}@demo.test`;
  const password = "limited-manager-1";
  const lee = await ok(
    trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
      role: "TECHNICIAN",
      email,
      name: "Lee Limited",
      password,
    }),
  );
  await ok(
    trpcMutation(admin, "admin.updateTechnician", {
      technicianId: lee.technician.id,
      isManager: true,
      approvalLimitCents: 4500,
    }),
  );

  // Lee walks a lot where nothing is auto-approved: one find at $50 (over the $45 limit), one the office priced at $30.
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const [dear, cheap] = [uniqueUnit("DEAR"), uniqueUnit("CHEAP")];
  const { repairs } = await walkWithFinds(
    admin,
    customerId,
    [{ unitNumber: dear }, { unitNumber: cheap }],
    lee.technician.id,
  );
  await ok(
    trpcMutation(admin, "repair.overridePrice", {
      repairId: repairs[1]!.id,
      amountCents: 3000,
      reason: "small chip, agreed price",
    }),
  );

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/manager$/);
  await page.getByRole("heading", { name: "Waiting for approval" }).waitFor();
  const cheapCard = page.getByRole("article", { name: `Unit ${cheap}` });
  await expect(cheapCard.getByRole("button", { name: `Approve unit ${cheap}` })).toBeVisible();
  await expect(page.getByRole("article", { name: `Unit ${dear}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Approve unit ${dear}` })).toHaveCount(0);
  const group = page.locator("section.mgr-group", { has: cheapCard });
  await expect(group).toContainText("1 more over your approval limit");

  expect(await trpcMutation(page.request, "repair.approve", { ids: [repairs[0]!.id] })).toEqual({
    ok: false,
    code: "FORBIDDEN",
    message: "the repair's price $50.00 is over your $45.00 approval limit",
  });

  await group.getByRole("button", { name: "Approve whole walk" }).click();
  await group.getByRole("button", { name: "Approve 1 repair" }).click();
  const report = page.getByRole("status").filter({ hasText: "Approved 1 repair of" });
  await expect(report).toContainText(
    `Unit ${dear} ($50.00): the repair's price $50.00 is over your $45.00 approval limit`,
  );
  expect(await repairById(admin, repairs[0]!.id)).toMatchObject({ status: "PENDING_APPROVAL" });
  expect(await repairById(admin, repairs[1]!.id)).toMatchObject({ status: "APPROVED", approvalKind: "MANUAL" });
});
