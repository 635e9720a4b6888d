// Figures a, a2, c: how fast a technician's queued lot-walk captures reach the server.
// Signed in over HTTP as the demo technician, the module prepares (sync.prepare), starts the
// day's walk, then (a) pushes 500 captures in batches of 50 (records only, unit numbers spread
// over the fleet and new units), timing the whole and reading each batch's serverMs; (c) pushes
// 500 other captures one per request, and compares.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { priceRepair } from "../../src/domain";
import type { PrepareSnapshot } from "../../src/server/services/sync/sync-output";
import { type HttpSession, signInOverHttp } from "../support/http-session";
import type { BenchFigure, BenchModule } from "../types";

const CAPTURES = 500;
const BATCH = 50;
const DAMAGE = ["CHIP", "STAR_BREAK", "BULLS_EYE", "CRACK"] as const;
const round = (n: number) => Math.round(n * 100) / 100;

type Walk = { id: string; customerId: string };
type Mutation = { id: string; type: "repair.capture"; payload: Record<string, unknown> };

/** The i-th capture: every other one on an existing unit of the fleet, the rest on new units. */
function captures(snapshot: PrepareSnapshot, walk: Walk, label: string): Mutation[] {
  const units = snapshot.units.filter((u) => u.customerId === walk.customerId);
  const customer = snapshot.customers.find((c) => c.id === walk.customerId)!;
  return Array.from({ length: CAPTURES }, (_, i) => {
    const unit = i % 2 === 0 ? units[(i / 2) % units.length] : undefined;
    const estimate = priceRepair({
      completedOnWindshield: unit?.completedOnWindshield ?? 0,
      customerCompletedThisMonth: customer.completedThisMonth,
      rules: customer.pricing,
    });
    return {
      id: randomUUID(),
      type: "repair.capture",
      payload: {
        id: randomUUID(),
        walkId: walk.id,
        customerId: walk.customerId,
        unitNumber: unit?.unitNumber ?? `${label}-${i}`,
        damageType: DAMAGE[i % DAMAGE.length],
        capturedAt: new Date(),
        latitude: 39.74,
        longitude: -104.99,
        gpsAccuracyM: 8,
        attachments: [],
        deviceEstimateCents: estimate.cents,
        deviceAutoApproved: false,
      },
    };
  });
}

async function pushAll(session: HttpSession, mutations: Mutation[], batchSize: number) {
  const serverMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < mutations.length; i += batchSize) {
    const answer = await session.trpc.sync.push.mutate({
      deviceId: DEVICE_ID,
      mutations: mutations.slice(i, i + batchSize),
    });
    const failed = answer.results.find((r) => !r.ok);
    if (failed) throw new Error(`capture refused: ${JSON.stringify(failed)}`);
    serverMs.push(answer.serverMs);
  }
  return { seconds: (performance.now() - started) / 1000, serverMs };
}

const DEVICE_ID = randomUUID();

const syncThroughput: BenchModule = {
  name: "sync throughput of queued captures",
  async run(env) {
    const session = await signInOverHttp(env.baseUrl, "tech@demo.test", "demo1234");
    const snapshot = (await session.trpc.sync.prepare.query()) as PrepareSnapshot;
    const walk = snapshot.walks[0];
    if (!walk) throw new Error("The demo technician has no walk to start in the prepared snapshot.");
    const start = {
      id: randomUUID(),
      type: "walk.start" as const,
      payload: { id: walk.id, customerId: walk.customerId, startedAt: new Date() },
    };
    const started = await session.trpc.sync.push.mutate({ deviceId: DEVICE_ID, mutations: [start] });
    if (!started.results[0]?.ok) throw new Error(`walk.start refused: ${JSON.stringify(started.results[0])}`);

    const batched = await pushAll(session, captures(snapshot, walk, "BENCH-A"), BATCH);
    const oneByOne = await pushAll(session, captures(snapshot, walk, "BENCH-C"), 1);
    const meanServerMs = batched.serverMs.reduce((a, b) => a + b, 0) / batched.serverMs.length;
    const ratio = oneByOne.seconds / batched.seconds;
    const figures: BenchFigure[] = [
      {
        id: "a",
        label: `${CAPTURES} queued captures pushed in batches of ${BATCH}`,
        value: round(batched.seconds),
        unit: "s",
        target: "<= 2 s",
        pass: batched.seconds <= 2,
        details: {
          units: snapshot.units.filter((u) => u.customerId === walk.customerId).length,
          captures: CAPTURES,
          batches: batched.serverMs.length,
        },
      },
      {
        id: "a2",
        label: `server time per batch of ${BATCH} (mean of serverMs)`,
        value: round(meanServerMs),
        unit: "ms",
        target: "<= 50 ms",
        pass: meanServerMs <= 50,
        details: {
          perBatchMs: batched.serverMs.join(", "),
          maxMs: Math.max(...batched.serverMs),
          perCaptureMs: round(meanServerMs / BATCH),
          // The server was just started: its first batch also pays for compiling the code path.
          meanAfterFirstBatchMs: round(
            batched.serverMs.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, batched.serverMs.length - 1),
          ),
        },
      },
      {
        id: "c",
        label: `${CAPTURES} captures one per request vs in batches of ${BATCH}`,
        value: round(ratio),
        unit: "x",
        target: ">= 5x",
        pass: ratio >= 5,
        details: {
          oneByOneSeconds: round(oneByOne.seconds),
          batchedSeconds: round(batched.seconds),
          meanServerMsPerSingle: round(oneByOne.serverMs.reduce((a, b) => a + b, 0) / CAPTURES),
        },
      },
    ];
    return figures;
  },
};

export default syncThroughput;
