// Figure t: /manager's server time at scale. A production instance of its own on a fresh embedded
// database (the demo business, then 50 lot walks of 10 finds each, all waiting for approval,
// pushed through sync.push as a technician's phone sends them) is asked for /manager by the
// signed-in demo manager: time to the first byte and to the whole HTML, median of 5 after one
// warm-up. The issue names no target: 500 ms to the whole HTML is the one used here.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startInstance } from "../../tests/support/app-instances";
import { signInOverHttp } from "../support/http-session";
import type { BenchFigure, BenchModule } from "../types";

const WALKS = 50;
const PER_WALK = 10;
const RUNS = 5;
const TARGET_MS = 500;
const PASSWORD = "demo1234";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

type Timing = { firstByteMs: number; htmlMs: number; bytes: number; html: string };

async function timeManager(baseUrl: string, cookie: string): Promise<Timing> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/manager`, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`/manager answered ${response.status}`);
  const reader = response.body!.getReader();
  const first = await reader.read();
  const firstByteMs = performance.now() - started;
  const chunks: Uint8Array[] = first.value ? [first.value] : [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  const htmlMs = performance.now() - started;
  const html = Buffer.concat(chunks).toString("utf8");
  return { firstByteMs, htmlMs, bytes: html.length, html };
}

/** 50 walks of 10 finds at a customer that approves nothing by itself: 500 repairs waiting. */
async function seedWaitingWalks(baseUrl: string) {
  const admin = await signInOverHttp(baseUrl, "admin@demo.test", PASSWORD);
  const tech = await signInOverHttp(baseUrl, "tech@demo.test", PASSWORD);
  const customer = await admin.trpc.admin.createCustomer.mutate({ name: "Bench fleet (all waiting)" });
  await admin.trpc.admin.updateFleetSettings.mutate({ customerId: customer.id, autoApproveLotRepairs: false });
  for (let w = 0; w < WALKS; w++) {
    const walkId = randomUUID();
    const units = Array.from({ length: PER_WALK }, (_, i) => `BT-${String(w).padStart(2, "0")}-${i}`);
    const mutations = [
      { type: "walk.start", payload: { id: walkId, customerId: customer.id } },
      ...units.map((unitNumber, i) => ({
        type: "repair.capture",
        payload: {
          id: randomUUID(),
          walkId,
          customerId: customer.id,
          unitNumber,
          damageType: i % 3 === 0 ? "STAR_BREAK" : "CHIP",
          capturedAt: new Date(),
          latitude: 39.74 + w / 1000,
          longitude: -104.99 - i / 1000,
          gpsAccuracyM: 8,
          attachments: [],
          deviceAutoApproved: false,
        },
      })),
      {
        type: "walk.finish",
        payload: {
          walkId,
          endedAt: new Date(),
          siteContactName: "Lot supervisor",
          signedSummary: { units: units.map((unitNumber) => ({ unitNumber, repairs: [] })), totalCents: 0 },
          signature: {
            id: randomUUID(),
            kind: "SIGNATURE",
            mimeType: "image/png",
            sizeBytes: 4_000,
            sha256: "0".repeat(64),
          },
        },
      },
    ].map((m) => ({ id: randomUUID(), ...m }));
    // Sent again after a retryable refusal (a busy embedded database), as the phone does: every
    // mutation is idempotent on its id, so what went through the first time is not made twice.
    const deviceId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const answer = await tech.trpc.sync.push.mutate({ deviceId, mutations } as never);
      const refused = answer.results.find((r) => !r.ok);
      if (!refused) break;
      if (attempt === 5 || !("retryable" in refused && refused.retryable))
        throw new Error(`sync.push refused: ${JSON.stringify(refused)}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  return customer.id;
}

const managerServerTime: BenchModule = {
  name: "/manager server time with 500 waiting repairs in 50 walks",
  async run(env) {
    const port = Number(new URL(env.baseUrl).port) + 7;
    const instance = await startInstance("bench-t", port, "", {
      RS_DATA_DIR: mkdtempSync(path.join(env.tmpDir, "t-data-")),
      SEED_DEMO: "true",
    });
    try {
      await seedWaitingWalks(instance.baseUrl);
      const manager = await signInOverHttp(instance.baseUrl, "manager@demo.test", PASSWORD);
      const queue = await manager.trpc.manager.queue.query({});
      await timeManager(instance.baseUrl, manager.cookie);
      const runs: Timing[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeManager(instance.baseUrl, manager.cookie));
      const html = median(runs.map((r) => r.htmlMs));
      const last = runs.at(-1)!;
      const figure: BenchFigure = {
        id: "t",
        label: `/manager server time, whole HTML, 500 repairs waiting in 50 walks (median of ${RUNS})`,
        value: round(html),
        unit: "ms",
        target: `<= ${TARGET_MS} ms`,
        pass: html <= TARGET_MS,
        details: {
          firstByteMs: round(median(runs.map((r) => r.firstByteMs))),
          htmlRunsMs: runs.map((r) => Math.round(r.htmlMs)).join(" "),
          htmlKB: Math.round(last.bytes / 1024),
          waitingInQueue: queue.matching.repairs,
          walksInQueue: queue.matching.groups,
          unitsInFirstHtml: new Set(last.html.match(/BT-\d\d-\d/g) ?? []).size,
        },
      };
      return [figure];
    } catch (error) {
      console.error(`  bench-t printed:\n${instance.output().slice(-2000)}`);
      throw error;
    } finally {
      await instance.stop();
    }
  },
};

export default managerServerTime;
