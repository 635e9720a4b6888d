// Before/after pairs on a phone, with the admin's "Require a before/after pair" on: offline, the
// technician starts an assigned repair and takes a damage photo; "Complete repair" is refused
// with the rule's sentence until the after photo is taken beside that damage photo; back online
// the completion and the pairing sync, and the manager's completed repairs on /manager/quality
// show the pair side by side. The admin's rules are put back at the end.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ok, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { COMPLETED, PHOTO, syncSummary } from "../support/walk-device";
import { repairAssignedToTaylor, technicianOfflineWithCard } from "../support/assigned-repair";

type Quality = Record<string, unknown>;
type Repair = {
  id: string;
  status: string;
  attachments: { id: string; kind: string; photoStage: string | null; pairedWithId: string | null }[];
};

test("with pairs required, a completion waits offline for the paired after photo, syncs, and the office sees the pair", async ({
  playwright,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const before = await ok(trpcQuery<Quality>(admin, "quality.settings"));
  await ok(trpcMutation(admin, "quality.updateSettings", { ...before, requirePhotoPairs: true }));
  try {
    const customer = await ok(
      trpcMutation<{ id: string; name: string }>(admin, "admin.createCustomer", {
        name: `Pair Fleet ${randomUUID().slice(0, 6)}`,
      }),
    );
    const unitNumber = uniqueUnit("PP");
    const unit = await ok(
      trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: customer.id, unitNumber }),
    );
    const { serverRepair } = await repairAssignedToTaylor<Repair>(playwright, baseURL, admin, {
      unitId: unit.id,
      damageType: "CHIP",
    });

    const { context, page, card } = await technicianOfflineWithCard(testInfo, baseURL, unitNumber);
    try {
      await test.step("offline: the completion waits for the after photo paired with the damage photo", async () => {
        await card.click();
        const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
        await work.getByRole("button", { name: "Start repair" }).click();
        await work.getByLabel("Add damage photo").setInputFiles(PHOTO);
        const pairs = work.getByRole("region", { name: "Before/after pairs" });
        await expect(pairs.getByRole("img", { name: "Before: damage photo 1 (Chip)" })).toBeVisible();
        const complete = work.getByRole("button", { name: "Complete repair" });
        await expect(complete).toBeDisabled();
        await expect(
          work.getByText(
            "Take the after photo of the damage photo before completing: the business requires before/after pairs.",
          ),
        ).toBeVisible();
        // An after photo of nothing in particular is not offered: each is taken beside its damage photo.
        await expect(work.getByLabel("Add after photo")).toHaveCount(0);

        await pairs.getByLabel("Take the after photo of damage photo 1 (Chip)").setInputFiles(PHOTO);
        await expect(pairs.getByRole("img", { name: "After: damage photo 1 (Chip)" })).toBeVisible();
        await expect(complete).toBeEnabled();
        await complete.click();
        await expect(work.getByRole("status").first()).toHaveText(COMPLETED);
        await work.getByRole("button", { name: "Back" }).click();
      });
      expect((await serverRepair()).status).toBe("ASSIGNED");

      await test.step("online: the completion and the pairing reach the server", async () => {
        await context.setOffline(false);
        await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
        const done = await serverRepair();
        expect(done.status).toBe("COMPLETED");
        const damage = done.attachments.find((a) => a.photoStage === "DAMAGE");
        const after = done.attachments.find((a) => a.photoStage === "AFTER");
        expect(after?.pairedWithId).toBe(damage!.id);
      });
    } finally {
      await context.close();
    }

    await test.step("the manager's completed repairs show the pair side by side", async () => {
      const office = await browser.newContext({ baseURL });
      try {
        const page = await office.newPage();
        await signIn(page, "manager@demo.test");
        await expect(page).toHaveURL(/\/manager$/);
        await page.goto("/manager/quality");
        const what = `unit ${unitNumber} (${customer.name})`;
        await page.getByRole("button", { name: `Before/after photos of ${what}` }).click();
        const pair = page.getByRole("list", { name: `Before/after photos of ${what}` });
        for (const name of [`Before 1 of ${what}`, `After 1 of ${what}`]) {
          const img = pair.getByRole("img", { name });
          await expect(img).toBeVisible();
          // The bytes arrived: the image decoded.
          await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
        }
      } finally {
        await office.close();
      }
    });
  } finally {
    await ok(trpcMutation(admin, "quality.updateSettings", before));
  }
});

test("a completion the server refuses for its pair (rule turned on after prepare) is reopened on the phone and completes once paired", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const before = await ok(trpcQuery<Quality>(admin, "quality.settings"));
  await ok(trpcMutation(admin, "quality.updateSettings", { ...before, requirePhotoPairs: false }));
  try {
    const customer = await ok(
      trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name: `Pair Fleet ${randomUUID().slice(0, 6)}` }),
    );
    const unitNumber = uniqueUnit("PR");
    const unit = await ok(
      trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: customer.id, unitNumber }),
    );
    const { serverRepair } = await repairAssignedToTaylor<Repair>(playwright, baseURL, admin, {
      unitId: unit.id,
      damageType: "CHIP",
    });

    const { context, page, card } = await technicianOfflineWithCard(testInfo, baseURL, unitNumber);
    try {
      await card.click();
      const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
      await work.getByRole("button", { name: "Start repair" }).click();
      await work.getByLabel("Add damage photo").setInputFiles(PHOTO);
      await work.getByLabel("Add after photo").setInputFiles(PHOTO);
      await expect(work.getByRole("img", { name: /After photo/ })).toBeVisible();
      await work.getByRole("button", { name: "Complete repair" }).click();
      await expect(work.getByRole("status").first()).toHaveText(COMPLETED);

      // The business turns the rule on while the phone is offline.
      await ok(trpcMutation(admin, "quality.updateSettings", { ...before, requirePhotoPairs: true }));
      await context.setOffline(false);
      const refusal = work.getByRole("alert").filter({ hasText: "Completion refused" });
      await expect(refusal).toBeVisible({ timeout: 60_000 });
      await refusal.getByRole("button", { name: "Take the after photos" }).click();
      await expect(work.getByRole("status").first()).toHaveText("In progress");
      // The photos taken stay; the completion now waits for the pair, as the server does.
      await expect(work.getByRole("img", { name: /After photo/ })).toBeVisible();
      await expect(work.getByRole("button", { name: "Complete repair" })).toBeDisabled();
      const pairs = work.getByRole("region", { name: "Before/after pairs" });
      await pairs.getByLabel("Take the after photo of damage photo 1 (Chip)").setInputFiles(PHOTO);
      await expect(pairs.getByRole("img", { name: "After: damage photo 1 (Chip)" })).toBeVisible();
      await work.getByRole("button", { name: "Complete repair" }).click();
      await expect(work.getByRole("status").first()).toHaveText(COMPLETED);
      await work.getByRole("button", { name: "Back" }).click();
      await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });

      const done = await serverRepair();
      expect(done.status).toBe("COMPLETED");
      const damage = done.attachments.find((a) => a.photoStage === "DAMAGE")!;
      const afters = done.attachments.filter((a) => a.photoStage === "AFTER");
      expect(afters.map((a) => a.pairedWithId).sort()).toEqual([damage.id, null].sort());
    } finally {
      await context.close();
    }
  } finally {
    await ok(trpcMutation(admin, "quality.updateSettings", before));
  }
});
