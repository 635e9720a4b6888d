// Set-up steps shared by `npm start` and `npm test`. Plain Node, no dependencies.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export function run(cmd, args, { env = {}, exitWithChild = false } = {}) {
  const result = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (exitWithChild) process.exit(result.status ?? 1);
  if (result.status !== 0) {
    console.error(`\n✗ ${[cmd, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function hashOf(files) {
  const hash = createHash("sha256");
  for (const file of files) if (existsSync(file)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes("generated") && !e.name.endsWith(".test.ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * npm install (at the lock's versions) when node_modules is missing or was installed from another
 * package-lock.json; then the Prisma client is generated. Not `npm ci`: npm 11 leaves other
 * platforms' optional packages (@next/swc-darwin-*, …) out of the lock and `npm ci` then refuses it.
 */
export function ensureInstalled() {
  const stamp = "node_modules/.rs-installed";
  const lockHash = hashOf(["package-lock.json"]);
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== lockHash) {
    console.log("Installing npm packages…");
    run("npm", ["install", "--no-audit", "--no-fund"]);
    writeFileSync(stamp, hashOf(["package-lock.json"])); // npm may have rewritten the lock
  }
  if (
    !existsSync("src/server/db/generated/client.ts") ||
    statSync("prisma/schema.prisma").mtimeMs > statSync("src/server/db/generated/client.ts").mtimeMs
  ) {
    run(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
      env: { DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://unused@127.0.0.1/unused" },
    });
  }
}

/**
 * What the build writes into public/ (the service worker, the photo checks' and scanner's workers,
 * vendored files): the lines of .gitignore under public/. They are outputs, not inputs: hashing one
 * made the next `npm start` rebuild while the tests' servers were serving from .next.
 */
function isBuildOutput(file) {
  const ignored = readFileSync(".gitignore", "utf8")
    .split("\n")
    .map((line) => line.trim().replace(/^\//, ""))
    .filter((line) => line.startsWith("public/"));
  return ignored.some((entry) => file === entry || file.startsWith(entry.endsWith("/") ? entry : `${entry}.`));
}

/** The files whose content decides whether the last build is still the app's. */
export function buildInputs() {
  return [
    ...filesUnder("src"),
    ...filesUnder("public").filter((f) => !isBuildOutput(f)),
    ...filesUnder("service-worker"),
    "next.config.mjs",
    "scripts/build-service-worker.mjs",
    "scripts/lib/compile-hints.mjs",
    "scripts/lib/build-scan-assets.mjs",
    "package-lock.json",
    "prisma/schema.prisma",
  ];
}

/** next build (and the service worker) when the app's sources differ from the last build. */
export function ensureBuilt() {
  if (buildIsCurrent()) return;
  const hash = hashOf(buildInputs());
  console.log("Building the app…");
  // An empty NEXTAUTH_URL (as `NEXTAUTH_URL= npm start` sets) means "unset" to the server, but
  // next-auth's client module reads it at build time and stops the build with "Invalid URL".
  if (process.env.NEXTAUTH_URL === "") delete process.env.NEXTAUTH_URL;
  run("npm", ["run", "build"]);
  writeFileSync(BUILD_STAMP, hash);
}

const BUILD_STAMP = ".next/.rs-build-hash";

/** True when .next was built from the sources as they are now (so `npm start` will not build). */
export function buildIsCurrent() {
  return (
    BUILD_OUTPUTS.every((file) => existsSync(file)) &&
    existsSync(BUILD_STAMP) &&
    readFileSync(BUILD_STAMP, "utf8") === hashOf(buildInputs())
  );
}

// One file of each step of `npm run build`: a deleted output means building again.
const BUILD_OUTPUTS = [
  ".next/BUILD_ID",
  "public/sw.js",
  "public/office-sw.js",
  "public/photo-checks-worker.js",
  "public/scan/scan-worker.js",
  "public/scan/ocr/eng.traineddata.gz",
];

/** Debian's chromium for the browser tests (Playwright cannot download its own browser here). */
export function ensureChromium() {
  const bin = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(bin)) return;
  console.log("Installing Debian's chromium for the browser tests…");
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ["sudo", "-n"];
  const apt = (args) =>
    run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(asRoot ? [] : ["apt-get"]), ...args], {
      env: { DEBIAN_FRONTEND: "noninteractive" },
    });
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", "chromium"]);
  execFileSync(bin, ["--version"], { stdio: "inherit" });
}
