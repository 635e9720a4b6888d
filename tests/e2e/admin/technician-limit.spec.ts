// Acceptance (4): an admin changes a manager's approval limit (blank = no limit); the
// manager's own session sees the new limit at once.
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { trpcMutation } from "../support/trpc";
import { query, signInAsAdmin } from "./admin-screen";

type Technician = { technicianId: string; email: string; approvalLimitCents: number | null };
type Me = { technician: { approvalLimitCents: number | null } | null };

test("a manager's approval limit goes from $150 to $200, then to no limit", async ({ page, playwright, baseURL }) => {
  await signInAsAdmin(page);
  const manager = await signedInApi(playwright, baseURL!, "manager@demo.test");
  const limitOf = async () =>
    (await query<Technician[]>(page.request, "admin.technicians")).find((t) => t.email === "manager@demo.test")!;

  // Tabs by keyboard; the open tab is in the address, so a reload comes back to it.
  await page.getByRole("tab", { name: "Customers" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Technicians" })).toBeFocused();
  await expect(page).toHaveURL(/\?tab=technicians$/);
  await page.reload();
  await expect(page.getByRole("tab", { name: "Technicians" })).toHaveAttribute("aria-selected", "true");
  await page.locator("summary", { hasText: "Morgan Manager" }).click();
  const form = page.getByRole("form", { name: "Rights of Morgan Manager" });
  const limit = form.getByLabel("Approval limit ($)");
  await expect(limit).toHaveValue("150.00");

  // The server's own rule, word for word: a team needs a manager.
  await form.getByLabel("Manager", { exact: true }).uncheck();
  await form.getByRole("button", { name: "Save Morgan Manager" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Only a manager manages technicians: make them a manager or empty their team.",
  );
  await form.getByLabel("Manager", { exact: true }).check();

  await limit.fill("200");
  await form.getByRole("button", { name: "Save Morgan Manager" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");
  await expect(limit).toHaveValue("200.00");
  await expect(page.getByText("Manager · up to $200.00")).toBeVisible();
  expect((await limitOf()).approvalLimitCents).toBe(20000);
  expect((await query<Me>(manager, "session.me")).technician?.approvalLimitCents).toBe(20000);

  await limit.fill("");
  await form.getByRole("button", { name: "Save Morgan Manager" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");
  await expect(page.getByText("Manager · no limit")).toBeVisible();
  expect((await limitOf()).approvalLimitCents).toBeNull();

  // Leave the demo manager as the seed has them, for other specs.
  const { technicianId } = await limitOf();
  expect(
    await trpcMutation(page.request, "admin.updateTechnician", { technicianId, approvalLimitCents: 15000 }),
  ).toMatchObject({ ok: true });
  await manager.dispose();
});
