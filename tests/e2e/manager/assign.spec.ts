// Work without a technician: a customer's request is given to someone in the manager's team,
// then handed to another before it starts.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";
import { newCustomer, ok, repairById, technicianIdOf, uniqueUnit } from "./setup";

test("a customer request is assigned to a team technician, then reassigned", async ({ page, playwright, baseURL }) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const unitNumber = uniqueUnit("REQ");
  const unit = await ok(trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId, unitNumber }));
  const request = await ok(
    trpcMutation<{ id: string }>(admin, "repair.request", {
      id: randomUUID(),
      unitId: unit.id,
      damageType: "STAR_BREAK",
      customerNotes: "Driver saw it this morning",
    }),
  );
  const [jordan, taylor] = [await technicianIdOf(admin, "Jordan Rivera"), await technicianIdOf(admin, "Taylor Tech")];

  await signInAndLand(page, "manager@demo.test", "/manager");
  const requests = page.getByRole("region", { name: "Waiting for a technician" });
  const card = requests.getByRole("article", { name: `Unit ${unitNumber}` });
  await expect(card).toContainText("Driver saw it this morning");
  await expect(card).toContainText("Not assigned");
  await card.getByRole("button", { name: "Assign…" }).click();
  const picker = card.getByRole("group", { name: `Technician for unit ${unitNumber}` });
  await expect(picker.getByRole("radio", { name: /Jordan Rivera/ })).toHaveCount(1);
  await expect(picker.getByRole("radio", { name: /Sam Okafor/ })).toHaveCount(0); // not in this manager's team
  await picker.getByRole("radio", { name: /Jordan Rivera/ }).check();
  await card.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(card).toHaveCount(0);
  expect(await repairById(admin, request.id)).toMatchObject({ status: "ASSIGNED", technicianId: jordan });

  await requests.getByText(/Assigned, not started/).click();
  const row = requests.getByRole("listitem").filter({ hasText: `Unit ${unitNumber}` });
  await expect(row).toContainText("with Jordan Rivera");
  await row.getByRole("button", { name: "Reassign…" }).click();
  await row
    .getByRole("group", { name: `Technician for unit ${unitNumber}` })
    .getByRole("radio", { name: /Taylor Tech/ })
    .check();
  await row.getByRole("button", { name: "Reassign", exact: true }).click();
  await expect(row).toContainText("with Taylor Tech");
  expect(await repairById(admin, request.id)).toMatchObject({ status: "ASSIGNED", technicianId: taylor });
});
