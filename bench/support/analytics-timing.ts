// Times the analytics dashboard's queries on a database holding a generated history: each
// dashboard (and the at-risk list) for the business, a manager's team and one customer, over
// month, quarter, year and three years; p95 of the server time per call.
import { performance } from "node:perf_hooks";
import type { Db } from "../../src/server/db";
import { loadActor } from "../../src/server/auth/actor";
import { getDashboard } from "../../src/server/services/analytics/get-dashboard";
import { listAtRisk } from "../../src/server/services/analytics/list-at-risk";
import type { PeriodInput } from "../../src/domain/analytics";

const ORIGIN = { ip: "127.0.0.1", userAgent: "bench" };
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

export type DashboardTimings = {
  p95Ms: number;
  maxMs: number;
  calls: number;
  atRiskP95Ms: number;
  slowest: string;
  perQueryP95: Record<string, number>;
};

export async function timeDashboards(db: Db, rounds = 3): Promise<DashboardTimings> {
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN", email: { endsWith: "@generated.test" } } });
  const manager = await db.technician.findFirstOrThrow({ where: { isManager: true }, include: { user: true } });
  const customer = await db.customer.findFirstOrThrow({ orderBy: { name: "asc" } });
  const actors = [
    { name: "business", actor: (await loadActor(db, admin.id))!, customerId: undefined as string | undefined },
    { name: "team", actor: (await loadActor(db, manager.userId))!, customerId: undefined },
    { name: "customer", actor: (await loadActor(db, admin.id))!, customerId: customer.id },
  ];
  const periods: PeriodInput[] = [
    { kind: "month" },
    { kind: "quarter" },
    { kind: "year" },
    { kind: "custom", from: "2024-01-01", to: "2026-12-31" },
  ];
  const times: number[] = [];
  const perQuery = new Map<string, number[]>();
  let slowest = { ms: 0, what: "" };
  for (let r = 0; r < rounds; r++)
    for (const a of actors)
      for (const period of periods) {
        const start = performance.now();
        const answer = await getDashboard(db, { actor: a.actor, origin: ORIGIN }, { period, customerId: a.customerId });
        const ms = performance.now() - start;
        times.push(ms);
        if (ms > slowest.ms) slowest = { ms, what: `${a.name} ${period.kind}` };
        for (const [query, t] of Object.entries(answer.timings))
          perQuery.set(query, [...(perQuery.get(query) ?? []), t]);
      }
  const risk: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const a of actors) {
      const start = performance.now();
      await listAtRisk(db, { actor: a.actor, origin: ORIGIN }, { customerId: a.customerId });
      risk.push(performance.now() - start);
    }
  return {
    p95Ms: Math.round(p95(times)),
    maxMs: Math.round(Math.max(...times)),
    calls: times.length,
    atRiskP95Ms: Math.round(p95(risk)),
    slowest: slowest.what,
    perQueryP95: Object.fromEntries([...perQuery].map(([q, t]) => [q, Math.round(p95(t))])),
  };
}
