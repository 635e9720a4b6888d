// A technician's phone: a persistent Chromium profile (IndexedDB, the service worker and its
// cache survive a reload or a restart, as on a real phone), a phone-sized screen and the lot's GPS.
import { type BrowserContext, chromium } from "@playwright/test";
import { chromiumArgs } from "../../../playwright.config";
import { LOT } from "./walk-device";

export function openPhone(
  testInfo: { outputPath: (name: string) => string },
  baseURL: string,
  options: { microphone?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(testInfo.outputPath("profile"), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: chromiumArgs,
    baseURL,
    viewport: { width: 412, height: 915 },
    permissions: options.microphone ? ["geolocation", "microphone"] : ["geolocation"],
    geolocation: LOT,
  });
}
