// Smart assignment on the manager's screen: the ranked technicians with their reasons for one
// request, then five requests given out in one action, each to its best candidate.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";
import { newCustomer, ok, repairById, uniqueUnit } from "./setup";

test("a manager sees why a technician is recommended, then bulk-assigns 5 requests in one action", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const requests: { id: string; unitNumber: string }[] = [];
  for (let i = 0; i < 5; i++) {
    const unitNumber = uniqueUnit(`BULK${i}`);
    const unit = await ok(trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId, unitNumber }));
    const request = await ok(
      trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
    );
    requests.push({ id: request.id, unitNumber });
  }

  await signInAndLand(page, "manager@demo.test", "/manager");
  const waiting = page.getByRole("region", { name: "Waiting for a technician" });
  const first = waiting.getByRole("article", { name: `Unit ${requests[0]!.unitNumber}` });
  await first.getByRole("button", { name: "Assign…" }).click();
  const picker = first.getByRole("group", { name: `Technician for unit ${requests[0]!.unitNumber}` });
  const recommended = picker.getByRole("listitem").filter({ hasText: "Recommended" });
  await expect(recommended).toHaveCount(1);
  const reasons = recommended.getByRole("list", { name: /^Reasons for / });
  await expect(reasons.getByRole("listitem")).toHaveCount(5);
  await expect(reasons).toContainText(/open repairs? \((fewest|most)? ?of \d+\): \+0\.\d\d/);
  await expect(reasons).toContainText(/chip: \+0\.\d\d/);
  await first.getByRole("button", { name: "Cancel" }).click();

  for (const r of requests) await waiting.getByRole("checkbox", { name: `Select unit ${r.unitNumber}` }).check();
  await waiting.getByRole("button", { name: "Assign 5 selected" }).click();
  const result = waiting.getByRole("status").filter({ hasText: "Assigned 5 repairs" });
  await expect(result).toBeVisible();
  for (const r of requests) {
    await expect(result).toContainText(`Unit ${r.unitNumber} → `);
    await expect(waiting.getByRole("article", { name: `Unit ${r.unitNumber}` })).toHaveCount(0);
  }
  for (const r of requests) {
    expect(await repairById(admin, r.id)).toMatchObject({ status: "ASSIGNED", technicianId: expect.any(String) });
  }
});
