// Loads a generated 3-year repair history into the configured database (DATABASE_URL, or the
// embedded one under RS_DATA_DIR): `npm run history:generate -- [--repairs N] [--seed S]
// [--customers C] [--units U] [--end yyyy-mm]`. Seeded and reproducible: the same options make
// the same rows (the end month defaults to the current one; give --end to pin it).
import { parseArgs } from "node:util";
import { openAppDatabase } from "./lib/app-database";
import { DEFAULT_HISTORY, generateHistory } from "./lib/history-generator";
import { settingsOrExit } from "./lib/settings-or-exit";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    repairs: { type: "string" },
    seed: { type: "string" },
    customers: { type: "string" },
    units: { type: "string" },
    end: { type: "string" },
  },
});
const whole = (text: string | undefined, fallback: number | null, name: string) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number above 0`);
    process.exit(1);
  }
  return n;
};
const end = values.end ?? new Date().toISOString().slice(0, 7);
if (!/^\d{4}-\d{2}$/.test(end)) {
  console.error("--end is a month: yyyy-mm");
  process.exit(1);
}
const options = {
  ...DEFAULT_HISTORY,
  seed: whole(values.seed, DEFAULT_HISTORY.seed, "seed")!,
  customers: whole(values.customers, DEFAULT_HISTORY.customers, "customers")!,
  units: whole(values.units, DEFAULT_HISTORY.units, "units")!,
  repairs: whole(values.repairs, null, "repairs"),
  end: `${end}-01`,
};

const settings = settingsOrExit();
const { db, close } = await openAppDatabase(settings);
try {
  const result = await generateHistory(db, options, (line) => console.log(line));
  console.log(
    `Generated ${result.repairs} repairs on ${result.units} units of ${result.customers} customers in ${result.ms} ms.`,
  );
} finally {
  await close();
}
