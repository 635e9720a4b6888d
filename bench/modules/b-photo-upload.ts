// Figure b: how close the device's uploader gets to the link's limit. 20 photos of ~200 KB
// (random bytes, so no two share content) are captured through the store and their records
// pushed at full speed; then, under emulated Slow 4G (CDP Network.emulateNetworkConditions:
// 750 Kbit/s up, ~1.6 Mbit/s down, 150 ms latency), src/client/sync/upload-attachments.ts
// uploads their bytes (GET to resume, PUT chunks, 3 at a time). The figure is the time taken
// over the bandwidth floor (total bytes / 93,750 B/s).
import type { BenchModule } from "../types";
import { withBenchPage } from "../support/bench-page";

const PHOTOS = 20;
const PHOTO_BYTES = 200_000;
const UPLOAD_BYTES_PER_SECOND = 93_750; // 750 Kbit/s
const TARGET_RATIO = 1.15;
const round = (n: number) => Math.round(n * 100) / 100;

const photoUpload: BenchModule = {
  name: "upload 20 photos under Slow 4G",
  run: (env) =>
    withBenchPage(env, "b-profile", async (page, context) => {
      const { totalBytes } = (await page.evaluate(`window.__rsBench.queueUploads(${PHOTOS}, ${PHOTO_BYTES})`)) as {
        totalBytes: number;
      };
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: 200_000, // 1.6 Mbit/s
        uploadThroughput: UPLOAD_BYTES_PER_SECOND,
      });
      const upload = (await page.evaluate("window.__rsBench.uploadAll()")) as {
        ms: number;
        confirmed: number;
        retry: number;
      };
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      if (upload.confirmed !== PHOTOS)
        throw new Error(`only ${upload.confirmed} of ${PHOTOS} photos were confirmed (${upload.retry} to retry)`);
      const seconds = upload.ms / 1000;
      const floorSeconds = totalBytes / UPLOAD_BYTES_PER_SECOND;
      const ratio = seconds / floorSeconds;
      return [
        {
          id: "b",
          label: "20 photos (~200 KB) uploaded under Slow 4G, time over the bandwidth floor",
          value: round(ratio),
          unit: "x",
          target: `<= ${TARGET_RATIO}x`,
          pass: ratio <= TARGET_RATIO,
          details: {
            seconds: round(seconds),
            floorSeconds: round(floorSeconds),
            totalBytes,
            photos: PHOTOS,
            parallel: 3,
          },
        },
      ];
    }),
};

export default photoUpload;
