// Figure h: a lot walk of 100 units on a phone. The technician's own steps on /walk (type the
// unit number, Enter, take a photo, Save) with the CPU slowed 4x, timing each Save from the tap
// to its confirmation on screen. Saving the 100th unit should cost what the 1st did: the ratio
// of units 91-100 to units 1-10 (mean). Also counts the page's DOM nodes at the end.
// h2: the phone's storage after those 100 photos synced: IndexedDB bytes (Chromium's own
// estimate) over the photos' bytes. Upload progress must not store a photo again.
import path from "node:path";
import type { BenchFigure, BenchModule } from "../types";
import { signedInContext, withChromium } from "../support/browser";

const UNITS = 100;
const TARGET_RATIO = 1.2;
const TARGET_STORAGE_RATIO = 1.3;
const PHOTO = path.resolve("tests/e2e/fixtures/windshield-chip.jpg");
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

const hundredUnits: BenchModule = {
  name: "100 units on one walk, Save time of the last 10 over the first 10 (4x CPU slowdown)",
  run: (env) =>
    withChromium(env, async (browser) => {
      const context = await signedInContext(browser, env);
      await context.grantPermissions(["geolocation"]);
      await context.setGeolocation({ latitude: 39.8561, longitude: -104.6737, accuracy: 12 });
      const page = await context.newPage();
      await page.goto("/walk");
      await page.getByRole("button", { name: "Prepare for offline" }).click();
      await page.getByText(/Ready for offline/).waitFor();
      // Offline on the lot, as a technician is: nothing uploads while they capture.
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 60_000 });
      await context.setOffline(true);
      await page.getByRole("button", { name: "Start walk at Summit Car Rentals" }).click();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

      const saveMs: number[] = [];
      const unitNumber = page.getByLabel("Unit number");
      for (let i = 1; i <= UNITS; i++) {
        await unitNumber.fill(`BENCH-${1000 + i}`);
        await unitNumber.press("Enter");
        await page.getByLabel("Add damage photo").setInputFiles(PHOTO);
        await page.getByText("1 damage photo", { exact: true }).waitFor({ timeout: 60_000 });
        const save = page.getByRole("button", { name: "Save repair" });
        await save.waitFor();
        const started = performance.now();
        await save.click();
        await page.getByText(`Repair 1 on unit BENCH-${1000 + i} saved on this device.`).waitFor();
        saveMs.push(performance.now() - started);
      }
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);

      await context.setOffline(false);
      await page
        .getByRole("region", { name: "Sync status" })
        .getByText("Everything is synced")
        .waitFor({ timeout: 300_000 });
      const storage = await page.evaluate(async () => {
        const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
          usageDetails?: { indexedDB?: number };
        };
        const photoBytes = await new Promise<number>((resolve, reject) => {
          const open = indexedDB.open("rs-field");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction("blobs").objectStore("blobs").getAll();
            request.onsuccess = () => {
              resolve((request.result as { size: number }[]).reduce((sum, row) => sum + row.size, 0));
              open.result.close();
            };
            request.onerror = () => reject(request.error);
          };
        });
        return { indexedDB: estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0, photoBytes };
      });
      const storageRatio = storage.indexedDB / storage.photoBytes;
      const first = mean(saveMs.slice(0, 10));
      const last = mean(saveMs.slice(-10));
      const ratio = last / first;
      const figures: BenchFigure[] = [
        {
          id: "h",
          label: "100 units on one walk: Save time of units 91-100 over units 1-10 (4x CPU slowdown)",
          value: round(ratio),
          unit: "x",
          target: `<= ${TARGET_RATIO}`,
          pass: ratio <= TARGET_RATIO,
          details: {
            units1to10Ms: Math.round(first),
            units91to100Ms: Math.round(last),
            domNodesAt100: domNodes,
          },
        },
        {
          id: "h2",
          label: "IndexedDB bytes after 100 photos synced, over the photos' bytes",
          value: round(storageRatio),
          unit: "x",
          target: `<= ${TARGET_STORAGE_RATIO}`,
          pass: storageRatio <= TARGET_STORAGE_RATIO,
          details: {
            indexedDBKB: Math.round(storage.indexedDB / 1024),
            photosKB: Math.round(storage.photoBytes / 1024),
          },
        },
      ];
      return figures;
    }),
};

export default hundredUnits;
