// A made-up 3-year repair history for the analytics dashboards, their bench and the forecast's
// backtest: 200 customers with their own rates (many small fleets, a few large), 20,000 units,
// a winter-heavy season (KNOWN_SEASON), working hours, GPS around each customer's lot, walks'
// technicians, frozen tier prices per windshield. Seeded: one seed and one end month give the
// same rows. Loaded with multi-row inserts (jsonb_populate_recordset, 5,000 rows a statement).
import { KNOWN_SEASON, mulberry32, poisson } from "../../src/domain/fleet-history";
import type { Db } from "../../src/server/db";
import { insertRows } from "../../src/server/db/insert-rows";

export type HistoryOptions = {
  seed: number;
  customers: number;
  units: number;
  technicians: number;
  months: number;
  /** About how many repairs in all (the customers' rates are scaled to it); null: as the rates give. */
  repairs: number | null;
  /** The first day of the month after the history ("yyyy-mm-01"). */
  end: string;
};

export const DEFAULT_HISTORY: Omit<HistoryOptions, "end"> = {
  seed: 15,
  customers: 200,
  units: 20_000,
  technicians: 24,
  months: 36,
  repairs: null,
};

// Deterministic ids from the seed, so a rerun with the same seed makes the same rows.
function idMaker(random: () => number) {
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

const TYPES = [
  "CHIP",
  "CHIP",
  "CHIP",
  "STAR_BREAK",
  "STAR_BREAK",
  "BULLS_EYE",
  "CRACK",
  "COMBINATION_BREAK",
  "HALF_MOON",
];
const TIERS = [5000, 4000, 3500, 3000, 2500];
/** Completion hours on the business's clock, busier mid-morning and early afternoon. */
const HOURS = [7, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 15, 16, 17];
const BATCH = 5000;

export type GeneratedHistory = { customers: number; units: number; technicians: number; repairs: number; ms: number };

export async function generateHistory(
  db: Db,
  options: HistoryOptions,
  log: (line: string) => void = () => {},
): Promise<GeneratedHistory> {
  const started = performance.now();
  const random = mulberry32(options.seed);
  const id = idMaker(mulberry32(options.seed ^ 0x5eed));
  const tag = `g${options.seed}`;
  const now = new Date().toISOString();

  // People: technicians in teams of five under a manager, and one admin who "created" the work.
  const admin = await db.user.create({
    data: { id: id(), email: `${tag}-admin@generated.test`, name: "Generated Admin", role: "ADMIN", passwordHash: "!" },
  });
  const technicianIds: string[] = [];
  for (let i = 0; i < options.technicians; i++) {
    const isManager = i % 6 === 0;
    const user = await db.user.create({
      data: {
        id: id(),
        email: `${tag}-tech${i}@generated.test`,
        name: `${isManager ? "Manager" : "Technician"} ${String(i + 1).padStart(2, "0")}`,
        role: "TECHNICIAN",
        passwordHash: "!",
      },
    });
    const manager = isManager ? [] : [technicianIds[i - (i % 6)]!];
    const technician = await db.technician.create({
      data: {
        id: id(),
        userId: user.id,
        isManager,
        canAssignWork: isManager,
        managers: { connect: manager.map((m) => ({ id: m })) },
      },
    });
    technicianIds.push(technician.id);
  }

  // Customers: log-uniform rates from 1 to 40 repairs a month; units in proportion to the rate.
  const rates = Array.from({ length: options.customers }, () => Math.exp(random() * Math.log(40)));
  const totalRate = rates.reduce((a, b) => a + b, 0);
  const seasonMean = KNOWN_SEASON.reduce((a, b) => a + b, 0) / 12;
  const expected = totalRate * seasonMean * options.months;
  const scale = options.repairs ? options.repairs / expected : 1;
  const customers = rates.map((rate, i) => ({
    id: id(),
    name: `Generated Fleet ${String(i + 1).padStart(3, "0")}`,
    rate: rate * scale,
    latitude: 39.55 + random() * 0.4,
    longitude: -105.15 + random() * 0.4,
    technicians: [0, 1, 2].map(() => technicianIds[Math.floor(random() * technicianIds.length)]!),
  }));
  for (const c of customers)
    await db.customer.create({ data: { id: c.id, name: c.name, fleetSize: 0, lotWalkingEnabled: true } });

  const unitsOf = new Map<string, { id: string; ordinal: number }[]>();
  const unitById = new Map<string, { id: string; ordinal: number }>();
  const unitRows: Record<string, unknown>[] = [];
  let assigned = 0;
  customers.forEach((c, i) => {
    const count =
      i === customers.length - 1
        ? options.units - assigned
        : Math.max(5, Math.round((options.units * rates[i]!) / totalRate));
    assigned += count;
    const units = Array.from({ length: Math.max(1, count) }, (_, n) => {
      const unitId = id();
      unitRows.push({
        id: unitId,
        customerId: c.id,
        unitNumber: `G${String(i + 1).padStart(3, "0")}-${String(n + 1).padStart(5, "0")}`,
        windshieldSeq: 1,
        createdAt: now,
        updatedAt: now,
      });
      const unit = { id: unitId, ordinal: 0 };
      unitById.set(unitId, unit);
      return unit;
    });
    unitsOf.set(c.id, units);
  });
  for (let i = 0; i < unitRows.length; i += BATCH) await insertRows(db, "Unit", unitRows.slice(i, i + BATCH));
  log(`${customers.length} customers, ${unitRows.length} units, ${technicianIds.length} technicians`);

  // Repairs month by month (so each windshield's ordinals follow completion order).
  const [endYear, endMonth] = options.end.split("-").map(Number) as [number, number];
  const firstIndex = endYear * 12 + (endMonth - 1) - options.months;
  const closedBefore = Date.UTC(endYear, endMonth - 3, 1);
  let pending: Record<string, unknown>[] = [];
  let repairs = 0;
  const flush = async () => {
    if (pending.length) await insertRows(db, "Repair", pending);
    repairs += pending.length;
    pending = [];
  };
  for (let m = 0; m < options.months; m++) {
    const index = firstIndex + m;
    const year = Math.floor(index / 12);
    const month = index % 12;
    const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const monthRows: Record<string, unknown>[] = [];
    for (const c of customers) {
      const count = poisson(c.rate * KNOWN_SEASON[month]!, random);
      const units = unitsOf.get(c.id)!;
      for (let k = 0; k < count; k++) {
        const day = 1 + Math.floor(random() * days);
        // Denver is 6–7 hours behind UTC: a local hour h is about h + 7 in UTC.
        const hour = HOURS[Math.floor(random() * HOURS.length)]! + 7;
        const completedAt = new Date(Date.UTC(year, month, day, hour, Math.floor(random() * 60)));
        const workMinutes = 20 + Math.floor(random() * 100);
        const startedAt = new Date(completedAt.getTime() - workMinutes * 60_000);
        const origin = random() < 0.6 ? "LOT_WALK" : random() < 0.7 ? "CUSTOMER_REQUEST" : "STAFF";
        const createdAt = new Date(
          startedAt.getTime() - Math.floor(5 + random() * (origin === "LOT_WALK" ? 10 : 90)) * 60_000,
        );
        monthRows.push({
          id: id(),
          customerId: c.id,
          unitId: units[Math.floor(random() * units.length)]!.id,
          windshieldSeq: 1,
          technicianId: c.technicians[Math.floor(random() * c.technicians.length)]!,
          origin,
          status: completedAt.getTime() < closedBefore ? "CLOSED" : "COMPLETED",
          damageType: TYPES[Math.floor(random() * TYPES.length)]!,
          latitude: c.latitude + random() * 0.02,
          longitude: c.longitude + random() * 0.02,
          capturedAt: createdAt.toISOString(),
          createdById: admin.id,
          createdAt: createdAt.toISOString(),
          startedAt: startedAt.toISOString(),
          completedAt: completedAt.toISOString(),
          updatedAt: completedAt.toISOString(),
        });
      }
    }
    monthRows.sort((a, b) => String(a.completedAt).localeCompare(String(b.completedAt)));
    for (const row of monthRows) {
      const unit = unitById.get(String(row.unitId))!;
      unit.ordinal += 1;
      row.tierOrdinal = unit.ordinal;
      row.priceCents = TIERS[Math.min(unit.ordinal, TIERS.length) - 1]!;
      row.priceSource = "DEFAULT_TIER";
      pending.push(row);
      if (pending.length >= BATCH) await flush();
    }
    log(`${year}-${String(month + 1).padStart(2, "0")}: ${monthRows.length} repairs`);
  }
  await flush();
  // Rows written with past update times: the analytics rollups are rebuilt from scratch next time.
  await db.$executeRaw`DELETE FROM "AnalyticsRollupState"`;
  return {
    customers: customers.length,
    units: unitRows.length,
    technicians: technicianIds.length,
    repairs,
    ms: Math.round(performance.now() - started),
  };
}
