// The office's warranty claim from /manager/quality, for a customer who called in: a repair
// completed today is claimed and becomes a $0 follow-up linked to it (source WARRANTY); one
// completed 400 days ago (a chip's warranty is 12 months) is refused with the day it ended.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { warrantyEndsOn } from "~/domain/warranty";
import { assignStartComplete, ok, technicianIdOf, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";

const DAY_MS = 24 * 60 * 60 * 1000;

type Listed = {
  id: string;
  followUpOfId: string | null;
  warrantyOfId: string | null;
  estimateCents: number | null;
  estimateSource: string | null;
  status: string;
};

async function requestedChip(admin: APIRequestContext, customerId: string) {
  const unitNumber = uniqueUnit("WC");
  const unit = await ok(trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId, unitNumber }));
  const repair = await ok(
    trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
  );
  return { unitNumber, repairId: repair.id };
}

test("the office opens a warranty claim from /manager/quality: $0 linked follow-up; an expired one is refused with its end date", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const manager = await signedInApi(playwright, baseURL!, "manager@demo.test");
  const taylor = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const technicianId = await technicianIdOf(admin, "Taylor Tech");
  const customer = await ok(
    trpcMutation<{ id: string; name: string }>(admin, "admin.createCustomer", {
      name: `Warranty Fleet ${randomUUID().slice(0, 6)}`,
    }),
  );
  const customerId = customer.id;

  const recent = await requestedChip(admin, customerId);
  await assignStartComplete(manager, taylor, recent.repairId, technicianId);
  // Noon in the business's zone, so its day is the same in UTC.
  const longAgo = new Date(Date.now() - 400 * DAY_MS);
  longAgo.setUTCHours(19, 0, 0, 0);
  const old = await requestedChip(admin, customerId);
  await assignStartComplete(manager, taylor, old.repairId, technicianId, longAgo);
  await taylor.dispose();

  await signIn(page, "manager@demo.test");
  await expect(page).toHaveURL(/\/manager$/);
  await page.goto("/manager/quality");
  const completed = page.getByRole("region", { name: "Completed repairs" });

  await test.step("a claim within the warranty makes a $0 follow-up linked to the original", async () => {
    const what = `unit ${recent.unitNumber} (${customer.name})`;
    await completed.getByRole("button", { name: `Warranty claim for ${what}` }).click();
    const form = completed.getByRole("form", { name: `Warranty claim for ${what}` });
    await form.getByLabel("What went wrong").fill("The chip spread after a cold night");
    await form.getByRole("button", { name: "Open warranty claim" }).click();
    await expect(completed.getByRole("status").filter({ hasText: `Warranty repair opened for ${what}` })).toContainText(
      "$0",
    );
    const listed = await ok(trpcQuery<{ items: Listed[] }>(admin, "repair.list", { customerId }));
    const followUp = listed.items.find((r) => r.followUpOfId === recent.repairId);
    expect(followUp).toMatchObject({ estimateCents: 0, estimateSource: "WARRANTY", warrantyOfId: recent.repairId });
  });

  await test.step("a claim after the warranty ended is refused with the day it ended, and nothing is made", async () => {
    const what = `unit ${old.unitNumber} (${customer.name})`;
    await completed.getByRole("button", { name: `Warranty claim for ${what}` }).click();
    const form = completed.getByRole("form", { name: `Warranty claim for ${what}` });
    await form.getByLabel("What went wrong").fill("It cracked again");
    await form.getByRole("button", { name: "Open warranty claim" }).click();
    const endedOn = warrantyEndsOn(longAgo.toISOString().slice(0, 10), 12);
    await expect(form.getByRole("alert")).toHaveText(`The warranty of this repair ended on ${endedOn}.`);
    const listed = await ok(trpcQuery<{ items: Listed[] }>(admin, "repair.list", { customerId }));
    expect(listed.items.filter((r) => r.followUpOfId === old.repairId)).toEqual([]);
  });
});
