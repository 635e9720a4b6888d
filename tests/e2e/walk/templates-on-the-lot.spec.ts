// A repair template on the lot: the technician's own template, prepared with the rest, fills the
// damage type, position and notes in one tap, offline; after sync the server's repair names the
// template and carries its checklist, unticked.
import { expect, test } from "@playwright/test";
import { ok } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { technicianWithWalkAt } from "../support/own-walk";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { LOT, PHOTO, readQueuedMutations, startWalkOffline, syncSummary } from "../support/walk-device";

test.use({ viewport: { width: 412, height: 915 }, permissions: ["geolocation"], geolocation: LOT });

test("one tap applies a template offline; the synced repair carries its checklist", async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const email = await technicianWithWalkAt(playwright, baseURL!, "Summit Car Rentals");
  const technician = await signedInApi(playwright, baseURL!, email);
  const template = await ok(
    trpcMutation<{ id: string }>(technician, "template.save", {
      name: "Star, passenger low",
      damageType: "STAR_BREAK",
      damagePosition: "passenger side, low",
      notes: "Cured 5 min under UV.",
      checklist: ["Glass cleaned", "Resin cured"],
    }),
  );
  await startWalkOffline(context, page, email, "Summit Car Rentals");

  await page.getByLabel("Unit number").fill("SR-112");
  await page.getByLabel("Unit number").press("Enter");
  const templates = page.getByRole("group", { name: "Templates" });
  await templates.getByRole("button", { name: "Star, passenger low" }).click();
  await expect(templates.getByRole("button", { name: "✓ Star, passenger low" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByLabel("Damage type")).toHaveValue("STAR_BREAK");
  await expect(page.getByLabel("Position")).toHaveValue("passenger side, low");
  await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Save repair" }).click();
  await expect(page.getByText("Repair 1 on unit SR-112 saved on this device")).toBeVisible();

  const [capture] = (await readQueuedMutations(page)).filter((e) => e.type === "repair.capture");
  const payload = capture!.payload as { id: string; templateId: string; technicianNotes: string };
  expect(payload).toMatchObject({ templateId: template.id, technicianNotes: "Cured 5 min under UV." });

  await context.setOffline(false);
  await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
  const repair = await ok(
    trpcQuery<{ damageType: string; templateId: string | null; checklist: { label: string; done: boolean }[] }>(
      technician,
      "repair.byId",
      { id: payload.id },
    ),
  );
  expect(repair).toMatchObject({
    damageType: "STAR_BREAK",
    templateId: template.id,
    checklist: [
      { label: "Glass cleaned", done: false },
      { label: "Resin cured", done: false },
    ],
  });
});
