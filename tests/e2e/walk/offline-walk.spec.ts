// The offline lot walk, end to end against the production build: prepare online, walk a lot
// with no connection (3 units, photos, GPS, a voice note, a signature), close and reopen the
// app offline, then come back online and check what the server holds — once, and again after a
// replayed sync. A persistent profile keeps IndexedDB on disk, as on a phone.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type BrowserContext, expect, test } from "@playwright/test";
import superjson from "superjson";
import { signIn } from "../support/sign-in";
import { trpcQuery } from "../support/trpc";
import {
  type DeviceFile,
  readQueuedMutations,
  PHOTO,
  captureUnit,
  drawSignature,
  prepareForOffline,
  readDevice,
  syncSummary,
  waitForServiceWorkerControl,
} from "../support/walk-device";
import { openPhone } from "../support/phone";

const CUSTOMER = "Summit Car Rentals";

type ServerRepair = {
  id: string;
  status: string;
  estimateCents: number;
  deviceEstimateCents: number | null;
  flaggedReason: string | null;
};
type RepairDetail = ServerRepair & { attachments: { id: string; uploadedAt: string | null }[] };

test("a lot walk captured offline survives a restart and syncs exactly once", async ({
  request: _unused,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const context: BrowserContext = await openPhone(testInfo, baseURL, { microphone: true });
  try {
    let page = context.pages()[0] ?? (await context.newPage());

    await test.step("online: sign in and prepare for offline", async () => {
      await signIn(page, "tech@demo.test");
      await expect(page).toHaveURL(/\/walk$/);
      await prepareForOffline(page);
      const stored = page.getByRole("definition").first();
      await expect(stored).toHaveText("1");
      await waitForServiceWorkerControl(page);
    });

    await context.setOffline(true);

    await test.step("offline: start the walk and capture 3 units", async () => {
      await page.getByRole("button", { name: `Start walk at ${CUSTOMER}` }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Walk at ${CUSTOMER}` })).toBeVisible();
      await captureUnit(page, {
        type: "e2e-701",
        expected: "E2E-701",
        damage: "Star break",
        position: "driver side, lower",
        voice: true,
      });
      await captureUnit(page, { pick: "SR-101", expected: "SR-101", damage: "Chip", position: "center, upper" });
      await captureUnit(page, {
        type: "E2E-703",
        expected: "E2E-703",
        damage: "Bull's eye",
        position: "passenger side",
      });
      await expect(page.getByRole("article")).toHaveCount(3);
    });

    await test.step("offline: end the walk with the site contact's signature", async () => {
      await page.getByRole("button", { name: "End walk" }).click();
      const summary = page.getByRole("table", { name: "Walk summary" });
      await expect(summary.getByRole("row")).toHaveCount(5); // header, 3 repairs, total
      await page.getByLabel("Site contact name").fill("Pat Lotmanager");
      await drawSignature(page);
      await page.getByRole("button", { name: "Confirm and finish walk" }).click();
      await expect(page.getByRole("region", { name: `Finished walk at ${CUSTOMER}` })).toBeVisible();
    });

    const files = await readDevice<DeviceFile>(page, "blobs");
    const outbox = await readQueuedMutations(page);
    expect(files.map((f) => f.kind).sort()).toEqual(["PHOTO", "PHOTO", "PHOTO", "SIGNATURE", "VOICE"]);
    expect(outbox.map((e) => e.type)).toEqual([
      "walk.start",
      "repair.capture",
      "repair.capture",
      "repair.capture",
      "walk.finish",
    ]);

    await test.step("offline: close the app and open it again; all 3 repairs are there", async () => {
      await page.close();
      page = await context.newPage();
      const reopened = await page.goto("/walk");
      expect(reopened?.fromServiceWorker()).toBe(true);
      const walk = page.getByRole("region", { name: `Finished walk at ${CUSTOMER}` });
      await expect(walk.getByRole("article")).toHaveCount(3);
      await expect(walk.getByText("Saved on this device, waiting to sync")).toHaveCount(3);
      await expect(syncSummary(page)).toContainText(`${outbox.length + files.length} unsynced items`);
    });

    await test.step("online: everything syncs by itself", async () => {
      await context.setOffline(false);
      await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
      const walk = page.getByRole("region", { name: `Finished walk at ${CUSTOMER}` });
      await expect(walk.getByText("Synced", { exact: true })).toHaveCount(3);
      await expect(walk.getByText(/^Server: Approved · \$\d+\.\d\d$/)).toHaveCount(3);
      await expect(walk.getByText("Walk end and signature: synced")).toBeVisible();
    });

    const walkId = (outbox[0]!.payload as { id: string }).id;
    const serverRepairs = async () => {
      const list = await trpcQuery<{ items: ServerRepair[] }>(page.request, "repair.list", { walkId, limit: 100 });
      expect(list.ok).toBe(true);
      return list.ok ? list.data.items : [];
    };

    await test.step("the server holds exactly the 3 repairs, priced and approved, with every file intact", async () => {
      const repairs = await serverRepairs();
      expect(repairs).toHaveLength(3);
      for (const repair of repairs) {
        expect(repair.status).toBe("APPROVED");
        expect(repair.estimateCents).toBe(repair.deviceEstimateCents);
        expect(repair.flaggedReason).toBeNull();
        const detail = await trpcQuery<RepairDetail>(page.request, "repair.byId", { id: repair.id });
        expect(detail.ok).toBe(true);
        if (!detail.ok) continue;
        for (const attachment of detail.data.attachments) {
          expect(attachment.uploadedAt).not.toBeNull();
          expect(attachment).not.toHaveProperty("sha256"); // content addressing stays inside the server
          expect(files.some((f) => f.id === attachment.id)).toBe(true);
        }
      }
      for (const file of files) {
        const status = await page.request.get(`/api/uploads/${file.id}`);
        expect(status.status()).toBe(200);
        expect(await status.json()).toMatchObject({ sizeBytes: file.size, complete: true });
        const content = await page.request.get(`/api/attachments/${file.id}/content`);
        expect(content.status()).toBe(200);
        expect(
          createHash("sha256")
            .update(await content.body())
            .digest("hex"),
        ).toBe(file.sha256);
      }
      // The photos stored are the compressed ones, not the 1600x1200 original.
      const photo = files.find((f) => f.kind === "PHOTO")!;
      expect(photo.size).toBeLessThan(readFileSync(PHOTO).length * 2);
    });

    await test.step("sync again, and replay the whole batch: still exactly 3", async () => {
      await page.getByRole("button", { name: "Sync now" }).click();
      await expect(page.getByRole("button", { name: "Sync now" })).toBeEnabled();
      const replay = await page.request.post("/api/trpc/sync.push", {
        data: superjson.serialize({
          deviceId: crypto.randomUUID(),
          mutations: outbox.map(({ id, type, payload }) => ({ id, type, payload })),
        }),
      });
      expect(replay.status()).toBe(200);
      const body = (await replay.json()) as { result: { data: { json: { results: { ok: boolean }[] } } } };
      expect(body.result.data.json.results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
      expect(await serverRepairs()).toHaveLength(3);
    });
  } finally {
    await context.close();
  }
});
