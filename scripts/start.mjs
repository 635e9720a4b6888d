// `npm start` on a fresh machine: install what is missing, build if the sources changed since
// the last build, then run scripts/serve.ts (migrations, demo data, `next start`).
// Plain Node with no dependencies, because it runs before `npm ci`.
import { ensureInstalled, ensureBuilt, run } from "./lib/setup.mjs";

ensureInstalled();
ensureBuilt();
run(
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/serve.ts", ...process.argv.slice(2)],
  {
    exitWithChild: true,
  },
);
