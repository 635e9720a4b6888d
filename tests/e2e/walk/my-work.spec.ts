// My work, end to end on a phone: a customer requests a repair, a manager assigns it, the
// technician prepares, goes offline, starts it, adds a damage and an after photo, completes it,
// and comes back online. The server then holds one COMPLETED repair at the price frozen at
// completion, with both photos; replaying the sync changes nothing.
import { randomUUID } from "node:crypto";
import { type BrowserContext, expect, test } from "@playwright/test";
import superjson from "superjson";
import { ok, technicianIdOf, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import {
  COMPLETED,
  PHOTO,
  prepareForOffline,
  readQueuedMutations,
  syncSummary,
  waitForServiceWorkerControl,
} from "../support/walk-device";
import { openPhone } from "../support/phone";

type Repair = {
  id: string;
  status: string;
  priceCents: number | null;
  estimateCents: number | null;
  tierOrdinal: number | null;
  completedAt: string | null;
  attachments: { id: string; photoStage: string | null; uploadedAt: string | null }[];
};

test("assigned work is started, photographed and completed offline, and syncs exactly once", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const customers = await ok(
    trpcQuery<{ id: string; name: string }[]>(admin, "admin.customers", { search: "Summit Car Rentals" }),
  );
  const unitNumber = uniqueUnit("MW");
  const unit = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: customers[0]!.id, unitNumber }),
  );
  const customer = await signedInApi(playwright, baseURL, "customer@demo.test");
  const requested = await ok(
    trpcMutation<Repair>(customer, "repair.request", {
      id: randomUUID(),
      unitId: unit.id,
      damageType: "CHIP",
      customerNotes: "Chip low on the driver's side",
    }),
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
    const myWork = page.getByRole("region", { name: "My work" });
    const card = myWork.getByRole("button", { name: new RegExp(`Unit ${unitNumber}`) });

    await test.step("online: prepare; the assigned request is in My work", async () => {
      await signIn(page, "tech@demo.test");
      await expect(page).toHaveURL(/\/walk$/);
      await prepareForOffline(page);
      await waitForServiceWorkerControl(page);
      await expect(card).toContainText("Assigned · customer request");
      const box = await card.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48);
    });

    await context.setOffline(true);

    await test.step("offline: start, add a damage and an after photo, complete", async () => {
      await card.click();
      const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
      await expect(work).toContainText("Chip low on the driver's side");
      await expect(work.getByRole("button", { name: "Complete repair" })).toHaveCount(0);
      await work.getByRole("button", { name: "Start repair" }).click();
      await expect(work.getByRole("status").first()).toHaveText("In progress");
      await expect(work.getByRole("button", { name: "Complete repair" })).toBeDisabled();
      await work.getByLabel("Add damage photo").setInputFiles(PHOTO);
      await expect(work.getByRole("img", { name: /Damage photo/ })).toBeVisible();
      await work.getByLabel("Add after photo").setInputFiles(PHOTO);
      await expect(work.getByRole("img", { name: /After photo/ })).toBeVisible();
      await work.getByRole("button", { name: "Complete repair" }).click();
      await expect(work.getByRole("status").first()).toHaveText(COMPLETED);
      await expect(work.getByText("Saved on this device, waiting to sync.")).toBeVisible();
      await work.getByRole("button", { name: "Back" }).click();
      await expect(card).toContainText("Completed");
      await expect(card).toContainText("Waiting to sync");
    });

    const outbox = await readQueuedMutations(page);
    expect(outbox.map((e) => e.type)).toEqual([
      "repair.start",
      "repair.addPhoto",
      "repair.addPhoto",
      "repair.complete",
    ]);
    expect((await serverRepair()).status).toBe("ASSIGNED");

    await test.step("online: it syncs by itself; the server holds it completed at the frozen price", async () => {
      await context.setOffline(false);
      await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
      const done = await serverRepair();
      expect(done).toMatchObject({ status: "COMPLETED", priceCents: requested.estimateCents, tierOrdinal: 1 });
      expect(done.attachments.map((a) => a.photoStage).sort()).toEqual(["AFTER", "DAMAGE"]);
      for (const a of done.attachments) expect(a.uploadedAt).not.toBeNull();
      await expect(card).toContainText(/Completed/);
    });

    await test.step("replaying the whole sync changes nothing", async () => {
      const before = await serverRepair();
      const replay = await page.request.post("/api/trpc/sync.push", {
        data: superjson.serialize({ deviceId: randomUUID(), mutations: outbox }),
      });
      expect(replay.status()).toBe(200);
      const body = (await replay.json()) as { result: { data: { json: { results: { ok: boolean }[] } } } };
      expect(body.result.data.json.results.map((r) => r.ok)).toEqual([true, true, true, true]);
      expect(await serverRepair()).toEqual(before);
    });
  } finally {
    await context.close();
  }
});
