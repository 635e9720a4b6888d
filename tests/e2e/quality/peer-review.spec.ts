// A manager completes a peer review on /manager/quality: with every repair drawn (100% for the
// test, put back after), the queue offers others' completed work with the rubric; a saved review
// leaves the queue. A manager reviews their own team's work only, so the spec has Taylor Tech (on
// manager@'s team) complete a repair first rather than count on other specs' work.
import { createHash, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ok, technicianIdOf, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";

test("a manager reviews a drawn repair with the rubric", async ({ page, playwright, baseURL }) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const before = await ok(trpcQuery<Record<string, unknown>>(admin, "quality.settings"));
  await ok(trpcMutation(admin, "quality.updateSettings", { ...before, peerReviewPercent: 100 }));
  try {
    const customer = await ok(
      trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name: `Review Fleet ${randomUUID().slice(0, 6)}` }),
    );
    const unit = await ok(
      trpcMutation<{ id: string }>(admin, "admin.createUnit", {
        customerId: customer.id,
        unitNumber: uniqueUnit("PR"),
      }),
    );
    const repair = await ok(
      trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
    );
    const taylor = await signedInApi(playwright, baseURL!, "tech@demo.test");
    const technicianId = await technicianIdOf(admin, "Taylor Tech");
    await ok(trpcMutation(admin, "repair.assign", { repairId: repair.id, technicianId }));
    await ok(trpcMutation(taylor, "repair.start", { repairId: repair.id }));
    const after = {
      id: randomUUID(),
      kind: "PHOTO",
      photoStage: "AFTER",
      mimeType: "image/jpeg",
      sizeBytes: 120_000,
      sha256: createHash("sha256").update(repair.id).digest("hex"),
    };
    await ok(trpcMutation(taylor, "repair.complete", { repairId: repair.id, attachments: [after] }));
    await taylor.dispose();

    await signIn(page, "manager@demo.test");
    await expect(page).toHaveURL(/\/manager$/);
    await page.goto("/manager/quality");
    await expect(page.getByText("No machine-learning damage detection runs")).toBeVisible();
    await page.getByRole("button", { name: /Check now/ }).click();
    const review = page.getByRole("form", { name: /^Review of / }).first();
    await expect(review).toBeVisible({ timeout: 20_000 });
    const name = await review.getAttribute("aria-label");
    await review.getByLabel("Photo quality").selectOption("4");
    await review.getByLabel("Repair quality").selectOption("5");
    await review.getByLabel("Notes").fill("Clean fill, sharp after photo");
    await review.getByRole("button", { name: "Save review" }).click();
    await expect(page.getByRole("form", { name: name! })).toHaveCount(0);
  } finally {
    await ok(trpcMutation(admin, "quality.updateSettings", before));
  }
});
