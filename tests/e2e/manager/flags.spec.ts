// A find the device priced differently from the server is flagged for the manager, who
// settles it with a note.
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { newCustomer, repairById, uniqueUnit, walkWithFinds } from "./setup";

test("a flagged repair is resolved with a note", async ({ page, playwright, baseURL }) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const unit = uniqueUnit("FLAG");
  const { repairs } = await walkWithFinds(tech, customerId, [{ unitNumber: unit, deviceEstimateCents: 4000 }]);

  await signInAndLand(page, "manager@demo.test", "/manager");
  const flags = page.getByRole("region", { name: "Flagged by sync" });
  const card = flags.getByRole("article", { name: `Unit ${unit}` });
  await expect(card).toContainText("The device estimated $40.00, the server priced $50.00");
  await card.getByRole("button", { name: "Resolve…" }).click();
  const resolve = card.getByRole("button", { name: "Resolve flag" });
  await expect(resolve).toBeDisabled();
  await card
    .getByLabel(`What was done about unit ${unit}?`)
    .fill("Kept the server's price; told the technician to refresh prices");
  await resolve.click();
  await expect(card).toHaveCount(0);
  expect((await repairById(admin, repairs[0]!.id)).flagResolvedAt).not.toBeNull();
});
