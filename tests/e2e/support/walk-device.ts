// Steps a technician takes on /walk, and reads of the device database, shared by the walk and
// sync specs.
import path from "node:path";
import { type BrowserContext, type Page, expect } from "@playwright/test";
import { signIn } from "./sign-in";

export const PHOTO = path.join(import.meta.dirname, "../fixtures/windshield-chip.jpg");
/** The work screen's status of a completed repair: "Completed", then "Completed at $50.00" once a sync
 *  brings the server's frozen price (a fast sync lands before the assertion reads it). */
export const COMPLETED = /^Completed( at \$[\d,]+\.\d{2})?$/;
export const LOT = { latitude: 39.8561, longitude: -104.6737, accuracy: 12 };

export type DeviceFile = { id: string; sha256: string; size: number; kind: string; ownerId: string };
/** A queued change; a capture's payload is its repair's (`DeviceRepair.payload`), not copied here. */
export type DeviceOutboxEntry = { id: string; type: string; recordId: string; payload?: unknown };
export type DeviceRepair = { id: string; payload: Record<string, unknown> };
export type QueuedMutation = { id: string; type: string; payload: unknown };

/** Reads the device database (IndexedDB "rs-field") from inside the page. */
export function readDevice<T>(
  page: Page,
  table: "blobs" | "outbox" | "localRepairs" | "drafts" | "draftFiles",
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open("rs-field");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            // Blobs do not cross into the test; their metadata does.
            resolve((request.result as Record<string, unknown>[]).map(({ blob: _blob, ...rest }) => rest as T));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** The outbox as sync.push would receive it, oldest first: each capture with its repair's payload. */
export async function readQueuedMutations(page: Page): Promise<QueuedMutation[]> {
  const [outbox, repairs] = await Promise.all([
    readDevice<DeviceOutboxEntry & { seq: number }>(page, "outbox"),
    readDevice<DeviceRepair>(page, "localRepairs"),
  ]);
  const payloads = new Map(repairs.map((r) => [r.id, r.payload]));
  return outbox
    .sort((a, b) => a.seq - b.seq)
    .map(({ id, type, recordId, payload }) => ({
      id,
      type,
      payload: type === "repair.capture" ? payloads.get(recordId) : payload,
    }));
}

export const syncSummary = (page: Page) => page.getByRole("region", { name: "Sync status" }).getByRole("status");

/** Offline use needs the service worker (public/sw.js, built by `npm run build`) in control. */
export async function waitForServiceWorkerControl(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), {
      message: "the service worker never took control of /walk",
      timeout: 30_000,
    })
    .toBe(true);
}

/** Signed in already: stores the technician's walks, units and prices on the device. */
export async function prepareForOffline(page: Page) {
  await page.getByRole("button", { name: "Prepare for offline" }).click();
  await expect(page.getByText(/Ready for offline/)).toBeVisible();
}

export type UnitCapture = {
  /** Typed as a new unit number… */
  type?: string;
  /** …or picked from the prepared units. */
  pick?: string;
  expected: string;
  damage: string;
  position: string;
  voice?: boolean;
  /** A photo file or in-memory image; the committed fixture when absent. */
  photo?: string | { name: string; mimeType: string; buffer: Buffer };
};

export async function captureUnit(page: Page, unit: UnitCapture) {
  const unitNumber = page.getByLabel("Unit number");
  if (unit.pick) {
    await unitNumber.fill(unit.pick.slice(0, -1));
    await page.getByRole("group", { name: "Matching units" }).getByRole("button", { name: unit.pick }).click();
  } else {
    await unitNumber.fill(unit.type!);
    await unitNumber.press("Enter");
  }
  await expect(page.getByRole("heading", { name: `Unit ${unit.expected}`, exact: true })).toBeVisible();
  await page.getByLabel("Damage type").selectOption({ label: unit.damage });
  await page.getByLabel("Position").fill(unit.position);
  await page.getByLabel("Add damage photo").setInputFiles(unit.photo ?? PHOTO);
  await expect(page.getByText("1 damage photo", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Location 39\.85610, -104\.67370 \(±12 m\)/)).toBeVisible();
  // The estimate and decision appear at once, from the prepared price list.
  await expect(page.getByRole("region", { name: "Estimate" })).toContainText(/Estimate \$\d+\.\d\d/);
  await expect(page.getByRole("region", { name: "Estimate" })).toContainText("Auto-approved");
  // Voice and notes are folded under "More details": a plain unit does not scroll past them.
  await page.getByText("More details", { exact: true }).click();
  if (unit.voice) {
    await page.getByRole("button", { name: "Record voice note" }).click();
    await expect(page.getByText("Recording…")).toBeVisible();
    await page.waitForTimeout(1_500);
    await page.getByRole("button", { name: "Stop recording" }).click();
    await expect(page.getByLabel("Voice note playback")).toBeVisible();
  }
  await page.getByLabel("Technician notes").fill(`e2e: ${unit.damage.toLowerCase()} at ${unit.position}`);
  const started = Date.now();
  await page.getByRole("button", { name: "Save repair" }).click();
  await expect(page.getByText(`Repair 1 on unit ${unit.expected} saved on this device`)).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5_000);
  // Back on the unit field, ready for the next number.
  await expect(unitNumber).toBeFocused();
}

export async function drawSignature(page: Page) {
  const pad = page.getByRole("img", { name: "Signature" });
  const box = (await pad.boundingBox())!;
  const strokes = [
    [0.1, 0.6, 0.3, 0.3, 0.45, 0.7],
    [0.5, 0.5, 0.7, 0.35, 0.9, 0.65],
  ];
  for (const [x1, y1, x2, y2, x3, y3] of strokes) {
    await page.mouse.move(box.x + box.width * x1!, box.y + box.height * y1!);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * x2!, box.y + box.height * y2!, { steps: 8 });
    await page.mouse.move(box.x + box.width * x3!, box.y + box.height * y3!, { steps: 8 });
    await page.mouse.up();
  }
}

/** A photo of camera-like noise: JPEG keeps it large, so its upload takes several chunks. */
export async function noisyPhoto(
  page: Page,
  width = 1600,
  height = 1200,
): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w!, h!);
      const context = canvas.getContext("2d")!;
      const image = context.createImageData(w!, h!);
      let seed = 42;
      for (let i = 0; i < image.data.length; i += 1) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        image.data[i] = i % 4 === 3 ? 255 : seed & 0xff;
      }
      context.putImageData(image, 0, 0);
      const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.95 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    [width, height],
  );
  return { name: "lot-photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from(base64, "base64") };
}

/** Signs the technician in on the device, prepares for offline, cuts the network and starts the walk. */
export async function startWalkOffline(context: BrowserContext, page: Page, email: string, customer: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/walk$/);
  await prepareForOffline(page);
  await waitForServiceWorkerControl(page); // lazily loaded parts (photo compression, screens) come from its cache offline
  await context.setOffline(true);
  await page.getByRole("button", { name: `Start walk at ${customer}` }).click();
}
