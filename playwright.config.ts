// End-to-end tests in Debian's Chromium against the production build, on a fresh embedded
// database with the demo business (scripts/serve.ts). `npm test` builds first.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3217);
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI: a red CI discards the whole change, and a retried pass is still reported
  // as "flaky" in the list output, so a flake is seen and fixed rather than hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -rf test-results/e2e-data && node --import tsx --import ./scripts/lib/server-only-hook.mjs scripts/serve.ts`,
    url: `http://localhost:${port}/login`,
    env: {
      PORT: String(port),
      RS_DATA_DIR: "test-results/e2e-data",
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://localhost:${port}`,
      // Webhook specs start their receiver on loopback, refused in production by default.
      WEBHOOK_ALLOW_PRIVATE: "true",
      // One JSON line per request would bury the test report; warnings and errors still show.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
