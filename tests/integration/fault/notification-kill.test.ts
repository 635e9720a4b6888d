// The app is killed (SIGKILL, no shutdown) while it delivers 1,000 email notifications, and a new
// instance is started on the same database: every delivery ends SENT and reaches the SMTP server,
// and the only mails received twice are those in the window between the server's 250 and the
// database mark (at most the sends in flight when the kill came: 3), each with the same
// X-RS-Delivery, which is how a receiver drops them.
//
// Needs TEST_DATABASE_URL (a PostgreSQL server) and the production build, like two-instances.test.ts.
// The test's own reads go through a pool that replaces a broken connection and asks again: on a
// loaded machine, beside other multi-instance tests, a connection of the test itself may be cut
// (the server restarting its backends, a connection refused at its limit), and that must not
// pass for a lost or doubled delivery. Only reads are retried; what they count is unchanged.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../../../scripts/lib/setup.mjs";
import { type AppInstance, startInstance } from "../../support/app-instances";
import { headerOf, startSmtpPeer, type SmtpPeer } from "../../support/smtp-peer";

const serverUrl = process.env.TEST_DATABASE_URL;
const EVENTS = 1_000;
const PORTS = [3351, 3352] as const;

/** No answer because of the connection, not the query: refused, reset, cut, or the server's limit or restart. */
function connectionFailed(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  if (code && /^(ECONN|EPIPE|ETIMEDOUT|57P0[123]|53300|08)/.test(code)) return true;
  return /Connection terminated|connection (error|refused)|Client has encountered a connection error/i.test(
    message ?? "",
  );
}

describe.skipIf(!serverUrl)("killed while delivering notifications (skipped without TEST_DATABASE_URL)", () => {
  const name = `rs_fault_mail_${randomUUID().replaceAll("-", "")}`;
  let databaseUrl: string;
  let sql: pg.Pool;
  let smtp: SmtpPeer;
  const instances: AppInstance[] = [];
  /** A read of the test's own, asked again (for up to a minute) when its connection failed. */
  async function read<Row extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<Row>> {
    const until = Date.now() + 60_000;
    for (;;) {
      try {
        return await sql.query<Row>(text);
      } catch (error) {
        if (!connectionFailed(error) || Date.now() > until) throw error;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
  const env = () => ({ SEED_DEMO: "true", SMTP_URL: smtp.url, NOTIFICATION_GATHER_SECONDS: "0" });

  beforeAll(async () => {
    ensureBuilt();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    smtp = await startSmtpPeer();
    instances.push(await startInstance("mail-A", PORTS[0], databaseUrl, env()));
    sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // A connection cut while idle: the pool drops it and opens another for the next read.
    sql.on("error", () => {});
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await sql?.end();
    await smtp?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("delivers every one after a restart, none twice but the send window", { timeout: 600_000 }, async () => {
    const { rows } = await read<{ id: string }>(
      `SELECT c.id FROM "Customer" c JOIN "CustomerUser" cu ON cu."customerId" = c.id
       JOIN "User" u ON u.id = cu."userId" WHERE u.email = 'customer@demo.test'`,
    );
    const customerId = rows[0]!.id;
    // 1,000 completions committed at once (one per repair: 1,000 mails per user of the customer).
    await sql.query(
      `INSERT INTO "DomainEvent" (id, type, "customerId", "repairId", "groupKey", payload)
       SELECT gen_random_uuid(), 'REPAIR_COMPLETED', $1::uuid, r, 'REPAIR_COMPLETED:repair:' || r, '{}'::jsonb
       FROM (SELECT gen_random_uuid() AS r FROM generate_series(1, ${EVENTS})) g`,
      [customerId],
    );
    const count = async (where: string) =>
      Number((await read<{ n: string }>(`SELECT count(*) AS n FROM "NotificationDelivery" WHERE ${where}`)).rows[0]!.n);
    // Kill it mid-delivery: some mails out, most not.
    const deadline = Date.now() + 240_000;
    while (smtp.mails.length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.length).toBeGreaterThanOrEqual(100);
    await instances[0]!.kill();
    // The fan-out takes events 200 at a time while earlier batches already send, so the kill may
    // also come before every event has its deliveries: the new instance must finish both.
    expect(await count(`status = 'SENT'`)).toBeLessThan(EVENTS);
    const untold = async () =>
      Number(
        (await read<{ n: string }>(`SELECT count(*) AS n FROM "DomainEvent" WHERE "notifiedAt" IS NULL`)).rows[0]!.n,
      );

    console.log(
      `killed with ${smtp.mails.length} mails received and ${await untold()} of ${EVENTS} events not yet told`,
    );

    instances.push(await startInstance("mail-B", PORTS[1], databaseUrl, env()));
    // Rows leased by the killed instance come back when their lease (120 s) ends.
    const until = Date.now() + 420_000;
    let total = await count(`channel = 'EMAIL'`);
    while (((await untold()) > 0 || (await count(`status = 'SENT'`)) < total) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 1000));
      total = await count(`channel = 'EMAIL'`);
    }
    expect(await untold()).toBe(0);
    total = await count(`channel = 'EMAIL'`);
    expect(total).toBeGreaterThanOrEqual(EVENTS);
    expect(await count(`status = 'SENT'`)).toBe(total);
    expect(await count(`status <> 'SENT'`)).toBe(0);

    const ids = smtp.mails.map((m) => headerOf(m, "X-RS-Delivery"));
    const distinct = new Set(ids);
    expect(distinct.size).toBe(total);
    const twice = ids.length - distinct.size;
    console.log(`${total} deliveries, ${ids.length} mails received, ${twice} received twice (same X-RS-Delivery)`);
    expect(twice).toBeLessThanOrEqual(3);
  });
});
