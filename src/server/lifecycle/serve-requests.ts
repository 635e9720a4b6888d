// What the Next server process does around each request, and how it stops. Loaded into that
// process before Next by scripts/serve.ts (NODE_OPTIONS --import), because `next start` gives no
// hook around a whole request. Each request gets an id (a proxy's own X-Request-Id when safe,
// else a new one), sent back in X-Request-Id and kept for the code serving it
// (request-context.ts); one line is logged when it ends. On SIGTERM or SIGINT the server stops
// accepting connections, lets the requests it is serving finish within SHUTDOWN_GRACE_MS, then
// exits (0 when none had to be cut); scripts/serve.ts then closes the database.
// Once the server listens, the job queue starts on the app's pool (src/server/jobs/job-queue.ts);
// it stops after the requests in flight, before the process exits.
import "server-only";
import http from "node:http";
import { config } from "../config";
import { appPool, clientOnPool } from "../db";
import { type JobQueue, startJobQueue } from "../jobs/job-queue";
import { logger } from "../logging/logger";
import { type RequestContext, requestContexts } from "../logging/request-context";
import { requestIdFor } from "../logging/request-id";
import { loggedPath } from "../logging/request-line";

const servers = new Set<http.Server>();
const inFlight = new Set<http.ServerResponse>();
let stopping = false;

function track(req: http.IncomingMessage, res: http.ServerResponse, context: RequestContext): void {
  const started = performance.now();
  inFlight.add(res);
  if (stopping) res.shouldKeepAlive = false;
  res.once("close", () => {
    inFlight.delete(res);
    const line = {
      requestId: context.id,
      method: req.method,
      path: loggedPath(req.url),
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      ...(context.userId ? { userId: context.userId } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) logger().warn(line, "request");
    else logger().info(line, "request");
    if (stopping) {
      for (const server of servers) server.closeIdleConnections();
      if (inFlight.size === 0) drained?.();
    }
  });
}

const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
http.Server.prototype.emit = function emitInRequestContext(
  this: http.Server,
  event: string | symbol,
  ...args: unknown[]
) {
  if (event === "listening") {
    servers.add(this);
    startJobs();
  }
  if (event !== "request") return emit.call(this, event, ...args);
  const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
  const context: RequestContext = { id: requestIdFor(req.headers["x-request-id"]) };
  // Overwritten, so the app's code reads the id chosen here and never the caller's raw value.
  req.headers["x-request-id"] = context.id;
  res.setHeader("X-Request-Id", context.id);
  track(req, res, context);
  return requestContexts.run(context, () => emit.call(this, event, ...args));
} as typeof http.Server.prototype.emit;

let drained: (() => void) | undefined;

let jobs: Promise<JobQueue | null> | undefined;

/** Once per process. The queue's own Prisma client (this module's copy) on the app's one pool. */
function startJobs(): void {
  if (jobs) return;
  jobs = startJobQueue({ db: clientOnPool(appPool()), pool: appPool(), timeZone: config().BUSINESS_TIME_ZONE }).catch(
    (error: unknown) => {
      logger().error({ err: error }, "the job queue did not start: walks are generated only on demand");
      return null;
    },
  );
}

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  // A repeated signal (the terminal's Ctrl-C reaches this process and scripts/serve.ts, which
  // passes it on) changes nothing; scripts/serve.ts forces the exit on a second one of its own.
  if (stopping) return;
  stopping = true;
  const graceMs = config().SHUTDOWN_GRACE_MS;
  logger().info({ signal, inFlight: inFlight.size, graceMs }, "stopping: finishing the requests in flight");
  for (const server of servers) {
    server.close();
    server.closeIdleConnections();
  }
  // A keep-alive connection still serving one closes after its answer.
  for (const res of inFlight) res.shouldKeepAlive = false;
  const finished = await new Promise<boolean>((resolve) => {
    if (inFlight.size === 0) return resolve(true);
    drained = () => resolve(true);
    setTimeout(() => resolve(false), graceMs).unref();
  });
  if (!finished) {
    logger().warn({ cut: inFlight.size }, "stopping: grace period over, cutting the requests still in flight");
    for (const server of servers) server.closeAllConnections();
  }
  const queue = await jobs;
  await queue?.stop().catch((error: unknown) => logger().warn({ err: error }, "stopping the job queue failed"));
  logger().info("stopped");
  logger().flush();
  process.exit(finished ? 0 : 1);
}

// Only the production server: `next dev` forks a server process of its own and stops it itself.
if (config().NODE_ENV === "production") {
  process.on("SIGTERM", () => void shutDown("SIGTERM"));
  process.on("SIGINT", () => void shutDown("SIGINT"));
}
