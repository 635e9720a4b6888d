// A process doing what every app instance does for webhooks (the 2 s runner of
// src/server/jobs/webhook-jobs.ts), on DATABASE_URL, with a short interval, receiver timeout and
// lease so a test can kill it and see another take over in seconds. Prints "ready" once running.
import { createDb } from "~/server/db";
import { startWebhookRunner } from "~/server/jobs/webhook-jobs";

const db = createDb(process.env.DATABASE_URL!, 4);
startWebhookRunner(db, { intervalMs: 200, timeoutMs: 2_000, leaseMs: 4_000 });
process.stdout.write("ready\n");
setInterval(() => {}, 60_000);
