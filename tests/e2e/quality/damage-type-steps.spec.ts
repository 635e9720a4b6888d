// Completion steps per damage type (the admin's Quality rules), offline on the phone: a half-moon
// repair at Valley Auto Dealers must confirm the customer's three items AND the half-moon step;
// "Complete repair" stays refused offline until the step is ticked too, then the completion
// reaches the server with all four. The admin's rules are put back at the end.
import { randomUUID } from "node:crypto";
import { type BrowserContext, expect, test } from "@playwright/test";
import { ok, technicianIdOf, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { COMPLETED, PHOTO, prepareForOffline, syncSummary, waitForServiceWorkerControl } from "../support/walk-device";
import { openPhone } from "../support/phone";

const CHECKLIST = ["Resin cured under UV", "Pit filled and polished", "Customer shown the result"];
const STEP = "Cure time recorded";

type Repair = { id: string; status: string; completionChecklist: { item: string }[] | null };
type Quality = { completionSteps: Record<string, string[]> } & Record<string, unknown>;

test("a damage type's completion step is required offline before completing, and reaches the server", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const before = await ok(trpcQuery<Quality>(admin, "quality.settings"));
  await ok(
    trpcMutation(admin, "quality.updateSettings", {
      ...before,
      completionSteps: { ...before.completionSteps, HALF_MOON: [STEP] },
    }),
  );
  try {
    const [valley] = await ok(trpcQuery<{ id: string }[]>(admin, "admin.customers", { search: "Valley Auto Dealers" }));
    const unitNumber = uniqueUnit("DT");
    const unit = await ok(
      trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: valley!.id, unitNumber }),
    );
    const requested = await ok(
      trpcMutation<Repair>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "HALF_MOON" }),
    );
    const manager = await signedInApi(playwright, baseURL, "manager@demo.test");
    await ok(
      trpcMutation(manager, "repair.assign", {
        repairId: requested.id,
        technicianId: await technicianIdOf(admin, "Taylor Tech"),
      }),
    );
    const serverRepair = () => ok(trpcQuery<Repair>(admin, "repair.byId", { id: requested.id }));

    const context: BrowserContext = await openPhone(testInfo, baseURL);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const card = page.getByRole("region", { name: "My work" }).getByRole("button", { name: new RegExp(unitNumber) });
      await signIn(page, "tech@demo.test");
      await expect(page).toHaveURL(/\/walk$/);
      await prepareForOffline(page);
      await waitForServiceWorkerControl(page);
      await expect(card).toBeVisible();
      await context.setOffline(true);

      await card.click();
      const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
      await work.getByRole("button", { name: "Start repair" }).click();
      const checklist = work.getByRole("group", { name: "Completion checklist" });
      await expect(checklist.getByRole("checkbox")).toHaveCount(4);
      await work.getByLabel("Add after photo").setInputFiles(PHOTO);
      await expect(work.getByRole("img", { name: /After photo/ })).toBeVisible();
      const complete = work.getByRole("button", { name: "Complete repair" });
      for (const item of CHECKLIST) {
        await checklist.getByRole("checkbox", { name: item }).click();
        await expect(checklist.getByRole("checkbox", { name: item })).toBeChecked();
      }
      // The customer's items alone do not complete a half-moon repair: its step is missing.
      await expect(complete).toBeDisabled();
      await expect(work.getByText("Confirm every checklist item to complete the repair.")).toBeVisible();
      await checklist.getByRole("checkbox", { name: STEP }).click();
      await expect(complete).toBeEnabled();
      await complete.click();
      await expect(work.getByRole("status").first()).toHaveText(COMPLETED);
      await work.getByRole("button", { name: "Back" }).click();

      await context.setOffline(false);
      await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
      const done = await serverRepair();
      expect(done.status).toBe("COMPLETED");
      expect(done.completionChecklist!.map((c) => c.item)).toEqual([...CHECKLIST, STEP]);
    } finally {
      await context.close();
    }
  } finally {
    await ok(trpcMutation(admin, "quality.updateSettings", before));
  }
});
