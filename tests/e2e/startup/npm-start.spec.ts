// `PORT=4123 npm start` serves the app on 4123: the README's start command, run for real
// (install and build are already done by `npm test`, so it goes straight to serving).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { buildIsCurrent } from "../../../scripts/lib/setup.mjs";

let server: ChildProcess | undefined;
test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
});

test("PORT=4123 npm start serves /login on port 4123 with the demo logins", async ({ page }) => {
  test.setTimeout(240_000);
  // `npm test` built the app just before; a build's own outputs must not make `npm start` build
  // again (that once rebuilt .next under the other specs' running servers).
  expect(buildIsCurrent(), "npm start would build again right after npm test's build").toBe(true);
  let output = "";
  server = spawn("npm", ["start"], {
    env: {
      ...process.env,
      PORT: "4123",
      RS_DATA_DIR: mkdtempSync(path.join(tmpdir(), "rs-npm-start-")),
      DATABASE_URL: "",
      NEXTAUTH_URL: "",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  await expect
    .poll(async () => (await fetch("http://localhost:4123/login").catch(() => null))?.status ?? 0, {
      timeout: 200_000,
      intervals: [1000],
    })
    .toBe(200)
    .catch((error: Error) => {
      throw new Error(`npm start did not serve /login; it printed:\n${output.slice(-4000)}`, { cause: error });
    });
  expect(output).toContain("Demo logins (password demo1234):");
  for (const email of ["admin@demo.test", "manager@demo.test", "tech@demo.test", "customer@demo.test"])
    expect(output).toContain(email);

  await page.goto("http://localhost:4123/login");
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("http://localhost:4123/admin");
});
