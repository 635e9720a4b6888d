// Many instances share nothing but PostgreSQL. Two production instances (scripts/serve.ts, the
// built app) are started together on one empty database of a real server, on two ports, each in
// its own process group. 20 simulated phones alternate their requests between them (sync.push,
// chunked photo uploads) and one instance is killed with SIGKILL mid-storm; the phones send
// whatever got no answer again, unchanged, to the survivor. Afterwards every acknowledged repair
// and photo is in the database exactly once, with the photo's bytes intact. Before the storm:
// the sign-in throttle and the upload quota count across both instances.
//
// Needs TEST_DATABASE_URL (CI's PostgreSQL pass): the embedded PGlite is one process's database
// and cannot be shared by two instances.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_UPLOAD_BYTES_PER_USER, UPLOAD_CHUNK_BYTES } from "~/domain";
import { EMAIL_FREE_FAILURES } from "~/server/auth/sign-in-throttle";
import { WRONG_CREDENTIALS } from "~/server/auth/options";
import { DEMO_PASSWORD } from "~/server/seed/demo-business";
import { ensureBuilt } from "../../../scripts/lib/setup.mjs";
import { type AppInstance, startInstance } from "../../support/app-instances";
import { type Device, emptyStats, runStorm, startDevice } from "../../support/device-storm";
import { signIn } from "../../support/http-sign-in";
import { type TestS3Server, s3Environment, startS3Server } from "../../support/s3-server";

const serverUrl = process.env.TEST_DATABASE_URL;
const PORTS = [3341, 3342] as const;
const DEVICES = 20;
const TECHNICIANS = ["tech@demo.test", "tech2@demo.test"];

describe.skipIf(!serverUrl)(
  "two instances on one PostgreSQL server (skipped without TEST_DATABASE_URL: PGlite cannot be shared by two processes)",
  () => {
    const name = `rs_fault_${randomUUID().replaceAll("-", "")}`;
    let databaseUrl: string;
    let sql: pg.Client;
    let instances: AppInstance[] = [];
    let urls: string[];
    let s3: TestS3Server;

    beforeAll(async () => {
      ensureBuilt();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      // Photos live in object storage that every instance reaches, as in production: a file store
      // on one machine's disk is not shared.
      s3 = await startS3Server();
      // Both start at once on the empty database: each migrates and seeds only if no one did.
      instances = await Promise.all(
        PORTS.map((port, i) =>
          startInstance(`instance-${"AB"[i]}`, port, databaseUrl, { SEED_DEMO: "true", ...s3Environment(s3) }),
        ),
      );
      urls = instances.map((i) => i.baseUrl);
      sql = new pg.Client({ connectionString: databaseUrl });
      await sql.connect();
    }, 240_000);

    afterAll(async () => {
      await Promise.all(instances.map((i) => i.stop()));
      await sql?.end();
      await s3?.stop();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });

    it("was migrated and seeded once by the two instances started together", async () => {
      const { rows } = await sql.query<{ email: string; n: number }>(
        `SELECT email, count(*)::int AS n FROM "User" GROUP BY email HAVING count(*) > 1`,
      );
      expect(rows).toEqual([]);
      const { rows: customers } = await sql.query<{ n: number }>(
        `SELECT count(DISTINCT name)::int - count(*)::int AS n FROM "Customer"`,
      );
      expect(customers[0]!.n).toBe(0);
    });

    it("throttles wrong passwords sent alternately to both instances as one", async () => {
      // An account never signed into from this address: its own wait applies (sign-in-throttle.ts).
      const email = "admin@demo.test";
      const answers: string[] = [];
      for (let i = 0; i < EMAIL_FREE_FAILURES + 2; i++)
        answers.push((await signIn(urls[i % 2]!, email, "wrong password")).error ?? "signed in");
      expect(answers.slice(0, EMAIL_FREE_FAILURES)).toEqual(Array(EMAIL_FREE_FAILURES).fill(WRONG_CREDENTIALS));
      // The next attempts wait, whichever instance receives them: even the right password.
      for (const error of answers.slice(EMAIL_FREE_FAILURES)) expect(error).toMatch(/^Too many failed sign-ins/);
      for (const url of urls)
        expect((await signIn(url, email, DEMO_PASSWORD)).error).toMatch(/^Too many failed sign-ins/);
    });

    it("counts one upload quota across both instances", async () => {
      // Open uploads (first chunk sent) of one account, alternately on each instance, up to the quota.
      const device = await startDevice(urls, "tech3@demo.test", DEMO_PASSWORD, 0);
      const { cookie, walk } = device;
      const customerId = walk.customerId;
      const voiceBytes = 10 * 1024 * 1024;
      const count = OPEN_UPLOAD_BYTES_PER_USER / voiceBytes + 1;
      const voices = Array.from({ length: count }, () => randomUUID());
      const walkId = randomUUID();
      const mutations = [
        { id: randomUUID(), type: "walk.start" as const, payload: { id: walkId, customerId, startedAt: new Date() } },
        ...Array.from({ length: Math.ceil(count / 4) }, (_, r) => ({
          id: randomUUID(),
          type: "repair.capture" as const,
          payload: {
            id: randomUUID(),
            walkId,
            customerId,
            unitNumber: `QUOTA-${r}`,
            damageType: "CHIP",
            capturedAt: new Date(),
            attachments: voices.slice(r * 4, r * 4 + 4).map((id) => ({
              id,
              kind: "VOICE",
              mimeType: "audio/webm",
              sizeBytes: voiceBytes,
              sha256: randomBytes(32).toString("hex"),
            })),
          },
        })),
      ];
      const pushed = await device.clients[1]!.sync.push.mutate({ deviceId: device.deviceId, mutations });
      expect(pushed.results.filter((r) => !r.ok)).toEqual([]);

      const chunk = randomBytes(UPLOAD_CHUNK_BYTES);
      chunk.set([0x1a, 0x45, 0xdf, 0xa3]); // WebM's first bytes
      const statuses: number[] = [];
      for (const [i, id] of voices.entries()) {
        const res = await fetch(`${urls[i % 2]}/api/uploads/${id}?offset=0`, {
          method: "PUT",
          headers: { "Content-Type": "application/octet-stream", cookie },
          body: chunk,
        });
        const body = (await res.json()) as { code?: string };
        statuses.push(res.status);
        if (res.status === 429) expect(body.code).toBe("UPLOAD_QUOTA_EXCEEDED");
      }
      // Ten files of 10 MiB fill the 100 MiB quota, half opened on each instance; the eleventh is refused.
      expect(statuses).toEqual([...Array(count - 1).fill(200), 429]);
    });

    it("loses and duplicates nothing when one instance is killed mid-storm", async () => {
      const devices: Device[] = await Promise.all(
        Array.from({ length: DEVICES }, (_, i) => startDevice(urls, TECHNICIANS[i % 2]!, DEMO_PASSWORD, i)),
      );
      const plan = { batches: 3, capturesPerBatch: 4, photoBytes: [30_000, 300_000] as [number, number] };
      const total = DEVICES * plan.batches * plan.capturesPerBatch;
      let killedAt: string | null = null;
      let answeredByB = 0;
      let killing: Promise<void> | undefined;
      const stats = emptyStats();
      const { seconds } = await runStorm(
        devices,
        urls,
        {
          ...plan,
          onAck: (s) => {
            // A third of the photos in: pushes and chunk uploads are in flight on both instances.
            if (killedAt === null && s.ackedPhotos.length >= total / 3) {
              killedAt = `${s.ackedRepairs.length} repairs and ${s.ackedPhotos.length} photos acknowledged`;
              answeredByB = s.answeredBy[urls[1]!] ?? 0;
              killing = instances[1]!.kill();
            }
          },
        },
        stats,
      );
      await killing;
      console.log(
        `storm: ${total} repairs with photos in ${seconds.toFixed(1)} s; instance B killed after ${killedAt}, ` +
          `having answered ${answeredByB} requests; ${stats.lostRequests} requests unanswered and sent again; ` +
          `answered: ${JSON.stringify(stats.answeredBy)}`,
      );
      expect(stats.refusals).toEqual([]);
      expect(killedAt).not.toBeNull();
      expect(stats.lostRequests).toBeGreaterThan(0);
      expect(answeredByB).toBeGreaterThan(DEVICES);

      // Each acknowledged repair once; nothing else captured on the storm's walks.
      const acked = stats.ackedRepairs;
      expect(new Set(acked).size).toBe(total);
      const walks = devices.map((d) => d.walk.id);
      const repairs = await sql.query<{ id: string; n: number }>(
        `SELECT id, count(*)::int AS n FROM "Repair" WHERE "walkId" = ANY($1::uuid[]) GROUP BY id`,
        [walks],
      );
      expect(repairs.rows.length).toBe(total);
      expect(repairs.rows.every((r) => r.n === 1)).toBe(true);
      expect(new Set(repairs.rows.map((r) => r.id))).toEqual(new Set(acked));

      // Each acknowledged photo once, on its repair, complete, its bytes as sent (read back from the survivor).
      const photos = stats.ackedPhotos;
      expect(new Set(photos.map((p) => p.id)).size).toBe(total);
      const rows = await sql.query<{ id: string; sha256: string; uploaded: boolean }>(
        `SELECT a.id, a.sha256, a."uploadedAt" IS NOT NULL AS uploaded
         FROM "Attachment" a JOIN "Repair" r ON r.id = a."repairId" WHERE r."walkId" = ANY($1::uuid[])`,
        [walks],
      );
      expect(rows.rows.length).toBe(total);
      const byId = new Map(rows.rows.map((r) => [r.id, r]));
      for (const photo of photos) {
        expect(byId.get(photo.id)).toEqual({ id: photo.id, sha256: photo.sha256, uploaded: true });
      }
      for (const photo of photos) {
        const res = await fetch(`${urls[0]}/api/attachments/${photo.id}/content`, {
          headers: { cookie: photo.cookie },
        });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(photo.bytes)).toBe(true);
      }
      const partials = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "PartialUpload" p JOIN "Attachment" a ON a.id = p."attachmentId"
         JOIN "Repair" r ON r.id = a."repairId" WHERE r."walkId" = ANY($1::uuid[])`,
        [walks],
      );
      expect(partials.rows[0]!.n).toBe(0);
    }, 300_000);
  },
);
