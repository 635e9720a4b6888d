// The completion checklist on a phone: Valley Auto Dealers (demo data) requires three items
// confirmed on every completion. The technician prepares, goes offline, starts the assigned
// repair, ticks the items (48px boxes) and completes once all are ticked and the after photo
// taken; back online the server holds the repair completed with the confirmed items.
import { expect, test } from "@playwright/test";
import { ok, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { COMPLETED, PHOTO, syncSummary } from "../support/walk-device";
import { repairAssignedToTaylor, technicianOfflineWithCard } from "../support/assigned-repair";

const CHECKLIST = ["Resin cured under UV", "Pit filled and polished", "Customer shown the result"];

type Repair = {
  id: string;
  status: string;
  completionChecklist: { item: string; confirmedAt: string }[] | null;
};

test("a customer's checklist is ticked offline before completing, and reaches the server with the completion", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const [valley] = await ok(
    trpcQuery<{ id: string; name: string }[]>(admin, "admin.customers", { search: "Valley Auto Dealers" }),
  );
  const unitNumber = uniqueUnit("CL");
  const unit = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: valley!.id, unitNumber }),
  );
  const { serverRepair } = await repairAssignedToTaylor<Repair>(playwright, baseURL, admin, {
    unitId: unit.id,
    damageType: "CHIP",
  });

  const { context, page, card } = await technicianOfflineWithCard(testInfo, baseURL, unitNumber);
  try {
    await test.step("offline: the checklist gates the completion", async () => {
      await card.click();
      const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
      await expect(work.getByRole("group", { name: "Completion checklist" })).toHaveCount(0);
      await work.getByRole("button", { name: "Start repair" }).click();
      const checklist = work.getByRole("group", { name: "Completion checklist" });
      await expect(checklist.getByRole("checkbox")).toHaveCount(3);
      const box = await checklist.getByRole("checkbox", { name: CHECKLIST[0] }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48);
      expect(box!.width).toBeGreaterThanOrEqual(48);

      const complete = work.getByRole("button", { name: "Complete repair" });
      await work.getByLabel("Add after photo").setInputFiles(PHOTO);
      await expect(work.getByRole("img", { name: /After photo/ })).toBeVisible();
      await expect(complete).toBeDisabled();
      await expect(work.getByText("Confirm every checklist item to complete the repair.")).toBeVisible();
      // A tick is saved on the device first, then shown: click, then wait for it to show.
      const tick = async (item: string) => {
        await checklist.getByRole("checkbox", { name: item }).click();
        await expect(checklist.getByRole("checkbox", { name: item })).toBeChecked();
      };
      for (const item of CHECKLIST.slice(0, 2)) await tick(item);
      await expect(complete).toBeDisabled();
      await tick(CHECKLIST[2]!);
      await expect(complete).toBeEnabled();
      await complete.click();
      await expect(work.getByRole("status").first()).toHaveText(COMPLETED);
      await expect(checklist.getByRole("checkbox", { name: CHECKLIST[0] })).toBeDisabled();
      await work.getByRole("button", { name: "Back" }).click();
    });
    expect((await serverRepair()).status).toBe("ASSIGNED");

    await test.step("online: the server holds the confirmed items with the completion", async () => {
      await context.setOffline(false);
      await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
      const done = await serverRepair();
      expect(done.status).toBe("COMPLETED");
      expect(done.completionChecklist!.map((c) => c.item)).toEqual(CHECKLIST);
    });
  } finally {
    await context.close();
  }
});
