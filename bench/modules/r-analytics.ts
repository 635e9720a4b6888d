// Figures q: analytics at scale. (q) the dashboards (business, a manager's team, one customer;
// month, quarter, year, three years) and the units-at-risk list on a generated 3-year history
// (scripts/lib/history-generator.ts: 200 customers, 20,000 units, known season): p95 server ms
// per dashboard, target ≤ 1 s, on the embedded database at 100,000 repairs and, when PostgreSQL is
// installed, on a real server at BENCH_ANALYTICS_REPAIRS (default 1,000,000). (q2) the rollup
// refresh after a 500-repair sync: ms. (q3) the full rollup build after loading, ms (details).
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createDb } from "../../src/server/db";
import { insertRows } from "../../src/server/db/insert-rows";
import { startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { applyMigrations } from "../../src/server/db/migrations";
import { refreshAnalyticsRollups } from "../../src/server/data/analytics/rollups";
import { checkRiskAlerts } from "../../src/server/services/analytics/check-risk-alerts";
import { DEFAULT_HISTORY, generateHistory } from "../../scripts/lib/history-generator";
import { timeDashboards } from "../support/analytics-timing";
import { postgresBin, startThrowawayPostgres } from "../support/throwaway-postgres";
import type { BenchFigure, BenchModule } from "../types";

const TZ = process.env.BUSINESS_TIME_ZONE ?? "America/Denver";
const TARGET_MS = 1000;

async function measure(url: string, repairs: number, label: string): Promise<BenchFigure[]> {
  await applyMigrations(url, "prisma/migrations");
  const db = createDb(url, 1);
  try {
    const end = new Date().toISOString().slice(0, 7);
    const loaded = await generateHistory(db, { ...DEFAULT_HISTORY, repairs, end: `${end}-01` });
    const build = await refreshAnalyticsRollups(db, TZ);
    const risk = await checkRiskAlerts(db);
    const timings = await timeDashboards(db, 2);
    // A sync of 500 completions today, then the refresh the job runs after it.
    const unit = await db.unit.findFirstOrThrow();
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const now = Date.now();
    await insertRows(
      db,
      "Repair",
      Array.from({ length: 500 }, (_, i) => ({
        id: randomUUID(),
        customerId: unit.customerId,
        unitId: unit.id,
        windshieldSeq: 1,
        origin: "LOT_WALK",
        status: "COMPLETED",
        damageType: "CHIP",
        priceCents: 2500,
        priceSource: "DEFAULT_TIER",
        tierOrdinal: 100_000 + i,
        createdById: admin.id,
        startedAt: new Date(now - 3_600_000).toISOString(),
        completedAt: new Date(now - i * 1000).toISOString(),
        createdAt: new Date(now - 4_000_000).toISOString(),
        updatedAt: new Date(now).toISOString(),
      })),
    );
    const start = performance.now();
    const refresh = await refreshAnalyticsRollups(db, TZ, new Date(now + 5 * 60_000));
    const refreshMs = Math.round(performance.now() - start);
    return [
      {
        id: label === "embedded" ? "r" : "r-pg",
        label: `analytics dashboards, p95 server time (${label}, ${loaded.repairs} repairs)`,
        value: timings.p95Ms,
        unit: "ms",
        target: `<= ${TARGET_MS} ms`,
        pass: timings.p95Ms <= TARGET_MS && timings.atRiskP95Ms <= TARGET_MS,
        details: {
          calls: timings.calls,
          maxMs: timings.maxMs,
          slowest: timings.slowest,
          atRiskP95Ms: timings.atRiskP95Ms,
          loadMs: loaded.ms,
          rollupBuildMs: build.ms,
          riskComputeMs: risk.ms,
          ...Object.fromEntries(Object.entries(timings.perQueryP95).map(([k, v]) => [`p95_${k}`, v])),
        },
      },
      {
        id: label === "embedded" ? "r2" : "r2-pg",
        label: `rollup refresh after a 500-repair sync (${label})`,
        value: refreshMs,
        unit: "ms",
        target: "<= 5000 ms",
        pass: refreshMs <= 5000,
        details: { days: refresh.days },
      },
    ];
  } finally {
    await db.$disconnect();
  }
}

const analytics: BenchModule = {
  name: "analytics dashboards on a generated history",
  run: async () => {
    const figures: BenchFigure[] = [];
    const embedded = await startEmbeddedPostgres();
    try {
      figures.push(...(await measure(embedded.url, 100_000, "embedded")));
    } finally {
      await embedded.stop();
    }
    const bin = postgresBin();
    if (bin) {
      const server = await startThrowawayPostgres(bin);
      try {
        const repairs = Number(process.env.BENCH_ANALYTICS_REPAIRS ?? 1_000_000);
        figures.push(...(await measure(server.url, repairs, `PostgreSQL ${server.version}`)));
      } finally {
        server.stop();
      }
    }
    return figures;
  },
};

export default analytics;
