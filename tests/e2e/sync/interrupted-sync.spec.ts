// Syncs that are cut off halfway: the server stops after committing a batch whose answer never
// reaches the device, and again in the middle of the uploads; the network drops in the middle
// of a photo's upload. The device must finish each sync by itself once the server or the
// network is back, with no duplicate on the server and nothing lost on the way.
// These tests stop and start a server of their own (own port, own embedded database).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { UPLOAD_CHUNK_BYTES } from "../../../src/domain/attachment-rules";
import { trpcQuery } from "../support/trpc";
import {
  type DeviceFile,
  type DeviceOutboxEntry,
  LOT,
  captureUnit,
  drawSignature,
  noisyPhoto,
  readDevice,
  startWalkOffline,
  syncSummary,
} from "../support/walk-device";
import { type OwnServer, ownServer } from "../support/own-server";

type ServerRepair = { id: string; status: string; estimateCents: number; deviceEstimateCents: number | null };
type RepairDetail = ServerRepair & { attachments: { id: string; uploadedAt: string | null }[] };

test.describe.configure({ mode: "serial" });

let server: OwnServer;
let dataDir: string;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "rs-interrupted-sync-"));
  server = ownServer(Number(process.env.E2E_PORT ?? 3217) + 11, dataDir);
  await server.start();
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function deviceContext(browser: Browser): Promise<BrowserContext> {
  // The service worker never answers /api requests, so the test's routes see every one of them.
  return browser.newContext({
    baseURL: server.baseURL,
    viewport: { width: 412, height: 915 },
    permissions: ["geolocation", "microphone"],
    geolocation: LOT,
  });
}

async function walkIdOf(page: Page): Promise<string> {
  const outbox = await readDevice<DeviceOutboxEntry>(page, "outbox");
  return (outbox.find((e) => e.type === "walk.start")!.payload as { id: string }).id;
}

/** What the server holds for the walk: its repairs, and each attachment's stored bytes checked against the device's sha256. */
async function expectServerHolds(page: Page, walkId: string, files: DeviceFile[], repairCount: number) {
  const list = await trpcQuery<{ items: ServerRepair[] }>(page.request, "repair.list", { walkId, limit: 100 });
  if (!list.ok) throw new Error(list.message);
  expect(list.data.items).toHaveLength(repairCount);
  for (const repair of list.data.items) {
    expect(repair.status).toBe("APPROVED");
    expect(repair.estimateCents).toBe(repair.deviceEstimateCents);
    const detail = await trpcQuery<RepairDetail>(page.request, "repair.byId", { id: repair.id });
    if (!detail.ok) throw new Error(detail.message);
    for (const attachment of detail.data.attachments) expect(attachment.uploadedAt).not.toBeNull();
  }
  for (const file of files) {
    const content = await page.request.get(`/api/attachments/${file.id}/content`);
    expect(content.status(), `${file.kind} ${file.id}`).toBe(200);
    expect(
      createHash("sha256")
        .update(await content.body())
        .digest("hex"),
    ).toBe(file.sha256);
  }
}

test("the server stops during a sync and starts again: the sync completes with no duplicate and no loss", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await deviceContext(browser);
  try {
    const page = await context.newPage();
    await startWalkOffline(context, page, "tech@demo.test", "Summit Car Rentals");
    await captureUnit(page, {
      type: "RS-801",
      expected: "RS-801",
      damage: "Chip",
      position: "driver side",
      voice: true,
    });
    await captureUnit(page, { pick: "SR-102", expected: "SR-102", damage: "Star break", position: "center" });
    await captureUnit(page, { type: "RS-803", expected: "RS-803", damage: "Bull's eye", position: "passenger side" });
    await page.getByRole("button", { name: "End walk" }).click();
    await page.getByLabel("Site contact name").fill("Robin Yard");
    await drawSignature(page);
    await page.getByRole("button", { name: "Confirm and finish walk" }).click();
    await expect(page.getByRole("region", { name: "Finished walk at Summit Car Rentals" })).toBeVisible();
    const files = await readDevice<DeviceFile>(page, "blobs");
    const outbox = await readDevice<DeviceOutboxEntry>(page, "outbox");
    expect(outbox.map((e) => e.type)).toEqual([
      "walk.start",
      "repair.capture",
      "repair.capture",
      "repair.capture",
      "walk.finish",
    ]);
    expect(files).toHaveLength(5); // 3 photos, a voice note, the signature
    const walkId = await walkIdOf(page);

    await test.step("the server commits the batch and stops before its answer reaches the device", async () => {
      let committed = false;
      await context.route("**/api/trpc/sync.push**", async (route) => {
        const response = await route.fetch();
        committed = response.ok();
        await server.stop();
        await route.abort("connectionreset");
      });
      await context.setOffline(false);
      await expect.poll(() => committed, { timeout: 30_000 }).toBe(true);
      await context.unrouteAll({ behavior: "wait" });
      // The device heard nothing back: everything is still queued, nothing was dropped.
      await expect(syncSummary(page)).toContainText(`${outbox.length + files.length} unsynced items`);
      expect(await readDevice<DeviceOutboxEntry>(page, "outbox")).toHaveLength(outbox.length);
    });

    await test.step("the server starts again and stops again in the middle of the uploads", async () => {
      let uploadsStopped = false;
      await context.route("**/api/uploads/**", async (route) => {
        if (route.request().method() !== "PUT" || uploadsStopped) return route.fallback();
        uploadsStopped = true;
        await route.fetch();
        await server.stop();
        await route.abort("connectionreset");
      });
      await server.start();
      // No tap on "Sync now": the device retries by itself on its backoff timer.
      await expect.poll(() => uploadsStopped, { timeout: 90_000 }).toBe(true);
      await context.unrouteAll({ behavior: "wait" });
      expect(await readDevice<DeviceFile>(page, "blobs")).toHaveLength(files.length);
    });

    await test.step("the server is back: the sync completes by itself", async () => {
      await server.start();
      await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 120_000 });
      const walk = page.getByRole("region", { name: "Finished walk at Summit Car Rentals" });
      await expect(walk.getByText("Synced", { exact: true })).toHaveCount(3);
      await expect(walk.getByText("Walk end and signature: synced")).toBeVisible();
    });

    // The signature is among the files, so the walk's end reached the server too.
    await expectServerHolds(page, walkId, files, 3);
  } finally {
    await context.close();
  }
});

test("the network drops during a photo upload: the upload resumes where the server stopped", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await deviceContext(browser);
  try {
    const page = await context.newPage();
    const photo = await noisyPhoto(page);
    await startWalkOffline(context, page, "tech2@demo.test", "Interstate Freight Lines");
    await captureUnit(page, { type: "IF-901", expected: "IF-901", damage: "Chip", position: "driver side", photo });
    const [file] = await readDevice<DeviceFile>(page, "blobs");
    const walkId = await walkIdOf(page);
    expect(file!.size, "the compressed photo spans several upload chunks").toBeGreaterThan(3 * UPLOAD_CHUNK_BYTES);

    const puts: number[] = [];
    let cutting = false;
    let cut = false;
    await context.route(`**/api/uploads/${file!.id}**`, async (route) => {
      if (route.request().method() !== "PUT") return route.fallback();
      const offset = Number(new URL(route.request().url()).searchParams.get("offset"));
      puts.push(offset);
      if (offset !== UPLOAD_CHUNK_BYTES || cutting) return route.continue();
      // The second chunk reaches the server, then the connection drops before the answer does.
      cutting = true;
      await route.fetch();
      await context.setOffline(true);
      await route.abort("internetdisconnected");
      cut = true;
    });

    await context.setOffline(false);
    await expect.poll(() => cut, { timeout: 60_000 }).toBe(true);
    const status = await page.request.get(`/api/uploads/${file!.id}`);
    expect(await status.json()).toMatchObject({ receivedBytes: 2 * UPLOAD_CHUNK_BYTES, complete: false });
    await expect(syncSummary(page)).toContainText("1 unsynced item");

    await context.setOffline(false);
    await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
    // Resumed at the server's count: the first two chunks went once each, never again.
    expect(puts.slice(0, 2)).toEqual([0, UPLOAD_CHUNK_BYTES]);
    expect(puts.slice(2)[0]).toBe(2 * UPLOAD_CHUNK_BYTES);
    expect(puts.filter((offset) => offset < 2 * UPLOAD_CHUNK_BYTES)).toHaveLength(2);
    expect(puts).toHaveLength(Math.ceil(file!.size / UPLOAD_CHUNK_BYTES));
    await expectServerHolds(page, walkId, [file!], 1);
  } finally {
    await context.close();
  }
});
