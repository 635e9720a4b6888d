// Figures a2 and c measured in-process, without HTTP or the Next server, so that a loaded
// machine shows the server's own share: sync.push's server time (serverMs) for batches of 50
// queued captures, written together ("bulk", what the server does) and one by one (each capture
// in its own transaction, the fallback), and for one capture per push. Runs on a fresh embedded
// database, or on TEST_DATABASE_URL (a PostgreSQL server). Usage:
//   node --import tsx --import ./scripts/lib/server-only-hook.mjs bench/sync-push-in-process.ts [rounds]
import { randomUUID } from "node:crypto";
import type { Db } from "../src/server/db";
import { type PushMode, pushMutations } from "../src/server/services/sync/push-mutations";
import { type World, contextFor, createUnit, createWalk, createWorld } from "../tests/support/fixtures";
import { capture, finish } from "../tests/support/repair-flows";
import { startTestDatabase } from "../tests/support/test-database";

const CAPTURES = 500;
const BATCH = 50;
const SINGLES = 100;
const FLEET = 24;
const rounds = Number(process.argv[2] ?? 3);

type Mutation = { id: string; type: "repair.capture"; payload: Record<string, unknown> };

/** As the HTTP bench sends them: every other capture on a unit of the fleet, the rest on new units; records only. */
function captures(world: World, walkId: string, label: string, count: number): Mutation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: "repair.capture",
    payload: {
      id: randomUUID(),
      walkId,
      customerId: world.acme.id,
      unitNumber: i % 2 === 0 ? `FLEET-${(i / 2) % FLEET}` : `${label}-${i}`,
      damageType: "CHIP",
      capturedAt: new Date(),
      latitude: 39.74,
      longitude: -104.99,
      gpsAccuracyM: 8,
      attachments: [],
      deviceEstimateCents: 5000,
      deviceAutoApproved: false,
    },
  }));
}

async function pushAll(db: Db, world: World, mutations: Mutation[], size: number, mode: PushMode): Promise<number[]> {
  const serverMs: number[] = [];
  for (let i = 0; i < mutations.length; i += size) {
    const answer = await pushMutations(
      db,
      contextFor(world.tina),
      { deviceId: randomUUID(), mutations: mutations.slice(i, i + size) },
      mode,
    );
    const failed = answer.results.find((r) => !r.ok);
    if (failed) throw new Error(`capture refused: ${JSON.stringify(failed)}`);
    serverMs.push(answer.serverMs);
  }
  return serverMs;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round1 = (n: number) => Math.round(n * 10) / 10;

const database = await startTestDatabase();
try {
  const { db } = database;
  const world = await createWorld(db);
  for (let u = 0; u < FLEET; u++) await createUnit(db, world.acme.id, `FLEET-${u}`);
  // Some history, so that captures are priced from counts that are not all zero.
  for (let u = 0; u < FLEET; u += 2)
    await finish(db, world.tina, (await capture(db, world, { unitNumber: `FLEET-${u}` })).id);

  console.log(
    `${database.kind} database; ${rounds} rounds of ${CAPTURES} captures in batches of ${BATCH}, and ${SINGLES} one per push\n`,
  );
  const all: Record<PushMode | "single", number[]> = { bulk: [], "one-by-one": [], single: [] };
  for (let r = 0; r < rounds; r++) {
    for (const mode of ["bulk", "one-by-one"] as const) {
      const walk = await createWalk(db, world.acme.id, world.tina.technicianId);
      const batches = await pushAll(db, world, captures(world, walk.id, `R${r}-${mode}`, CAPTURES), BATCH, mode);
      all[mode].push(...batches);
      console.log(
        `round ${r + 1} ${mode.padEnd(10)} per batch of ${BATCH}: mean ${round1(mean(batches))} ms, median ${median(batches)} ms  [${batches.join(", ")}]`,
      );
    }
    const walk = await createWalk(db, world.acme.id, world.tina.technicianId);
    const singles = await pushAll(db, world, captures(world, walk.id, `R${r}-single`, SINGLES), 1, "bulk");
    all.single.push(...singles);
    console.log(
      `round ${r + 1} single     per push of 1: mean ${round1(mean(singles))} ms, median ${median(singles)} ms`,
    );
  }
  const bulk = mean(all.bulk);
  const oneByOne = mean(all["one-by-one"]);
  const single = mean(all.single);
  console.log(
    `\nserver time per batch of ${BATCH} (a2): bulk ${round1(bulk)} ms (median ${median(all.bulk)}), one by one ${round1(oneByOne)} ms (median ${median(all["one-by-one"])})`,
  );
  console.log(`bulk vs one by one, per batch: ${round1(oneByOne / bulk)}x`);
  console.log(
    `${CAPTURES} captures one per push vs in batches of ${BATCH}, server time only (c): ${round1((single * CAPTURES) / (bulk * (CAPTURES / BATCH)))}x`,
  );
} finally {
  await database.stop();
}
