// Figures j, j2: the storm of tests/integration/fault/two-instances.test.ts without the kill, on a
// real PostgreSQL server: 20 phones push captures (with a photo each) and upload the photos,
// their requests alternating between two production instances; then the same storm against one
// instance. Repairs per second (records and photos all acknowledged) and p95 round trip of
// sync.push, two instances beside one. Each run starts on a fresh database seeded with the demo
// business. Needs PostgreSQL's server binaries (a throwaway server is started); without them the
// module reports nothing and says why. The embedded server run.ts starts is not used.
import pg from "pg";
import { type AppInstance, startInstance } from "../../tests/support/app-instances";
import { type Device, percentile, runStorm, startDevice } from "../../tests/support/device-storm";
import { s3Environment, startS3Server } from "../../tests/support/s3-server";
import { postgresBin, startThrowawayPostgres } from "../support/throwaway-postgres";
import type { BenchFigure, BenchModule } from "../types";

const DEVICES = 20;
const PLAN = { batches: 3, capturesPerBatch: 5, photoBytes: [30_000, 300_000] as [number, number] };
const PORTS = [3341, 3342];
const TECHNICIANS = ["tech@demo.test", "tech2@demo.test"];
const round = (n: number) => Math.round(n * 100) / 100;

type Run = { repairsPerSecond: number; p95PushMs: number; p50PushMs: number; seconds: number; repairs: number };

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function storm(serverUrl: string, instanceCount: number): Promise<Run> {
  const databaseUrl = await freshDatabase(serverUrl, `rs_bench_j${instanceCount}`);
  // Photos in object storage every instance reaches (as in production), for one instance too.
  const s3 = await startS3Server();
  const instances: AppInstance[] = await Promise.all(
    PORTS.slice(0, instanceCount).map((port, i) =>
      startInstance(`bench-${i}`, port, databaseUrl, { SEED_DEMO: "true", ...s3Environment(s3) }),
    ),
  );
  try {
    const urls = instances.map((i) => i.baseUrl);
    const devices: Device[] = await Promise.all(
      Array.from({ length: DEVICES }, (_, i) => startDevice(urls, TECHNICIANS[i % 2]!, "demo1234", i)),
    );
    const { stats, seconds } = await runStorm(devices, urls, PLAN);
    if (stats.refusals.length) throw new Error(`refused: ${stats.refusals.slice(0, 3).join("; ")}`);
    const repairs = stats.ackedPhotos.length;
    return {
      repairsPerSecond: repairs / seconds,
      p95PushMs: percentile(stats.pushMs, 95),
      p50PushMs: percentile(stats.pushMs, 50),
      seconds,
      repairs,
    };
  } catch (error) {
    for (const i of instances) console.error(`  ${i.name} printed:\n${i.output().slice(-2000)}`);
    throw error;
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await s3.stop();
  }
}

const twoInstances: BenchModule = {
  name: "two-instance storm on PostgreSQL",
  async run() {
    const bin = postgresBin();
    if (!bin) {
      console.log("  skipped: no PostgreSQL server binaries in /usr/lib/postgresql (install Debian's postgresql)");
      return [];
    }
    const server = await startThrowawayPostgres(bin);
    try {
      const two = await storm(server.url, 2);
      const one = await storm(server.url, 1);
      const details = {
        postgres: server.version,
        devices: DEVICES,
        repairsPerRun: two.repairs,
        twoInstancesSeconds: round(two.seconds),
        oneInstanceSeconds: round(one.seconds),
        oneInstanceRepairsPerSecond: round(one.repairsPerSecond),
        oneInstanceP95PushMs: round(one.p95PushMs),
        twoInstancesP50PushMs: round(two.p50PushMs),
        oneInstanceP50PushMs: round(one.p50PushMs),
      };
      const figures: BenchFigure[] = [
        {
          id: "j",
          label: `repairs per second, ${DEVICES} phones alternating between two instances (one: ${round(one.repairsPerSecond)}/s)`,
          value: round(two.repairsPerSecond),
          unit: "/s",
          target: ">= 0.9 × one instance",
          pass: two.repairsPerSecond >= 0.9 * one.repairsPerSecond,
          details,
        },
        {
          id: "j2",
          label: `p95 sync.push round trip, two instances (one: ${round(one.p95PushMs)} ms)`,
          value: round(two.p95PushMs),
          unit: "ms",
          target: "<= 1.5 × one instance",
          pass: two.p95PushMs <= 1.5 * one.p95PushMs,
          details,
        },
      ];
      return figures;
    } finally {
      server.stop();
    }
  },
};

export default twoInstances;
