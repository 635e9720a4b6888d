// A technician asks for parts from a repair (Request Parts); the office sees the request on its
// parts screen, acknowledges and fulfils it, and the technician's repair shows the answer.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { newCustomer, ok, technicianIdOf, uniqueUnit } from "./setup";

test("the office acknowledges and fulfils a technician's parts request; the status goes back to the phone", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const unitNumber = uniqueUnit("PARTS");
  const unit = await ok(trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId, unitNumber }));
  const repair = await ok(
    trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CRACK" }),
  );
  // Jordan is in the demo manager's team.
  await ok(
    trpcMutation(admin, "repair.assign", {
      repairId: repair.id,
      technicianId: await technicianIdOf(admin, "Jordan Rivera"),
    }),
  );
  const jordan = await signedInApi(playwright, baseURL!, "tech2@demo.test");
  const item = `Bridge resin ${randomUUID().slice(0, 4)}`;
  await ok(trpcMutation(jordan, "parts.request", { repairId: repair.id, item, quantity: 3, urgency: "URGENT" }));

  await signInAndLand(page, "manager@demo.test", "/manager");
  await page.getByRole("navigation", { name: "Manager screens" }).getByRole("link", { name: "Parts requests" }).click();
  const card = page.getByRole("article", { name: `Parts for unit ${unitNumber}: ${item}` });
  await expect(card).toContainText(`3 × ${item}`);
  await expect(card).toContainText("Urgent");
  await expect(card.getByTestId("parts-status")).toHaveText("Requested");
  await card.getByRole("button", { name: "Acknowledge" }).click();
  await expect(card.getByTestId("parts-status")).toHaveText("Acknowledged by the office");
  await card.getByRole("button", { name: "Fulfil" }).click();
  await expect(card).toHaveCount(0);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("article", { name: `Parts for unit ${unitNumber}: ${item}` })).toContainText("Fulfilled");

  const onPhone = await ok(trpcQuery<{ status: string }[]>(jordan, "parts.forRepair", { repairId: repair.id }));
  expect(onPhone.map((r) => r.status)).toEqual(["FULFILLED"]);
  await jordan.dispose();
  await admin.dispose();
});
