// `npm test` on a fresh machine: install what is missing (npm packages, Debian's chromium), then
// type-check, lint, unit tests, integration tests (embedded PostgreSQL, or TEST_DATABASE_URL),
// the production build and the Playwright end-to-end tests in real Chromium.
import { ensureBuilt, ensureChromium, ensureInstalled, run } from "./lib/setup.mjs";

ensureInstalled();
ensureChromium();
const node = process.execPath;
const step = (title) => console.log(`\n━━ ${title}`);
step("Type-check");
run(node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
step("Lint");
run(node, ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."]);
run(node, ["node_modules/prettier/bin/prettier.cjs", "--check", "--log-level=warn", "."]);
step("Unit tests");
run(node, ["node_modules/vitest/vitest.mjs", "run", "--project", "unit"]);
step(`Integration tests (${process.env.TEST_DATABASE_URL ? "PostgreSQL server" : "embedded PostgreSQL"})`);
run(node, ["node_modules/vitest/vitest.mjs", "run", "--project", "integration"]);
step("Production build");
ensureBuilt();
step("End-to-end tests (Chromium)");
run(node, ["node_modules/@playwright/test/cli.js", "test"]);
console.log("\n✓ All tests passed.");
