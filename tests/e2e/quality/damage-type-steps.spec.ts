// Completion steps per damage type (the admin's Quality rules), offline on the phone: a half-moon
// repair at Valley Auto Dealers must confirm the customer's three items AND the half-moon step;
// "Complete repair" stays refused offline until the step is ticked too, then the completion
// reaches the server with all four. The admin's rules are put back at the end.
import { expect, test } from "@playwright/test";
import { ok, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { COMPLETED, PHOTO, syncSummary } from "../support/walk-device";
import { repairAssignedToTaylor, technicianOfflineWithCard } from "../support/assigned-repair";

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
    const { serverRepair } = await repairAssignedToTaylor<Repair>(playwright, baseURL, admin, {
      unitId: unit.id,
      damageType: "HALF_MOON",
    });

    const { context, page, card } = await technicianOfflineWithCard(testInfo, baseURL, unitNumber);
    try {
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
