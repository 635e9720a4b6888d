// A manager saves a company-wide repair template and applies it to several open repairs at once;
// the screen answers how many took it, and the repairs carry the template's fields.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";
import { newCustomer, ok, repairById, uniqueUnit } from "./setup";

test("a template is applied to many repairs at once, with a count", async ({ page, playwright, baseURL }) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const units = [uniqueUnit("TPL"), uniqueUnit("TPL")];
  const repairs: string[] = [];
  for (const unitNumber of units) {
    const unit = await ok(trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId, unitNumber }));
    const repair = await ok(
      trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
    );
    repairs.push(repair.id);
  }
  const name = `Star break, driver side ${randomUUID().slice(0, 4)}`;

  await signInAndLand(page, "manager@demo.test", "/manager");
  await page.getByRole("navigation", { name: "Manager screens" }).getByRole("link", { name: "Templates" }).click();
  const form = page.getByRole("form", { name: "New template" });
  await form.getByLabel("Template name").fill(name);
  await form.getByLabel("Damage type").selectOption({ label: "Star break" });
  await form.getByLabel("Position").fill("Driver side");
  await form.getByLabel(/Checklist/).fill("Clean glass\nCure 5 min");
  await form.getByRole("button", { name: "Save template" }).click();

  await page.getByRole("button", { name: `Apply “${name}”` }).click();
  const apply = page.getByRole("region", { name: `Apply “${name}” to repairs` });
  for (const unitNumber of units) await apply.getByRole("checkbox", { name: `Unit ${unitNumber}` }).check();
  await apply.getByRole("button", { name: "Apply to 2 repairs" }).click();
  await expect(apply.getByRole("status")).toContainText("Applied to 2 repairs.");

  for (const id of repairs) {
    expect(await repairById(admin, id)).toMatchObject({
      damageType: "STAR_BREAK",
      damagePosition: "Driver side",
      checklist: [
        { label: "Clean glass", done: false },
        { label: "Cure 5 min", done: false },
      ],
    });
  }
  await admin.dispose();
});
