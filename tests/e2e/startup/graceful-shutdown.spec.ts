// The production server stopped by SIGTERM (as a service manager or `docker stop` does, to the
// whole process group): a request already being served finishes, new connections are refused,
// the launcher exits 0 after closing the embedded database, and the data written just before is
// there when the server starts again. Also its health check and its JSON request log.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type OwnServer, ownServer } from "../support/own-server";

const port = Number(process.env.E2E_PORT ?? 3217) + 13;
const WRONG_PASSWORD = "Wrong-Horse-Battery-42";

let dataDir: string;
let server: OwnServer;

test.beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "rs-graceful-stop-"));
  server = ownServer(port, dataDir);
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in through next-auth's credentials endpoint; the session cookie, or null when refused. */
async function signIn(email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${server.baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${server.baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return session ? session.split(";")[0]! : null;
}

/** A POST whose body arrives in two parts: the request stays in flight until `finish`. */
function slowPost(pathname: string, cookie: string, body: string) {
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  const answer = new Promise<{ status: number; body: string; requestId?: string }>((resolve, reject) => {
    const req = http.request(
      `${server.baseURL}${pathname}`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          cookie,
          "x-request-id": "graceful-stop-0001",
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () =>
          resolve({ status: res.statusCode!, body: text, requestId: res.headers["x-request-id"] as string }),
        );
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { answer, finish: () => finish() };
}

/** Whether a new connection to the port is accepted. */
function connects(): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${server.baseURL}/api/health`, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
  });
}

test("SIGTERM lets a request in flight finish, refuses new connections, exits 0 and keeps what it wrote", async () => {
  test.setTimeout(300_000);
  await server.start();

  const health = await fetch(`${server.baseURL}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({
    status: "ok",
    checks: {
      database: { ok: true, ms: expect.any(Number) },
      blobStore: { ok: true, ms: expect.any(Number) },
      jobQueue: { ok: true, ms: expect.any(Number) },
    },
  });

  expect(await signIn("admin@demo.test", WRONG_PASSWORD)).toBeNull();
  const cookie = (await signIn("admin@demo.test", "demo1234"))!;
  expect(cookie).toBeTruthy();

  const name = `Stopped Gracefully ${Date.now()}`;
  const create = slowPost("/api/trpc/admin.createCustomer", cookie, JSON.stringify({ json: { name } }));
  // The server has the request (its headers and half its body) when the signal comes.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const exited = server.signal("SIGTERM");
  await expect.poll(connects, { timeout: 10_000 }).toBe(false);

  create.finish();
  const answer = await create.answer;
  expect(answer.status, answer.body).toBe(200);
  expect(answer.requestId).toBe("graceful-stop-0001");
  expect(answer.body).toContain(name);
  expect(await exited).toBe(0);

  // JSON lines: one per request with its id and the signed-in user; never a password or cookie.
  const output = server.output();
  const lines = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toContainEqual(
    expect.objectContaining({
      requestId: "graceful-stop-0001",
      method: "POST",
      path: "/api/trpc/admin.createCustomer",
      status: 200,
      userId: expect.any(String),
    }),
  );
  expect(lines).toContainEqual(expect.objectContaining({ msg: "stopping: finishing the requests in flight" }));
  expect(output).not.toContain(WRONG_PASSWORD);
  expect(output).not.toContain(cookie.split("=")[1]!);

  // The embedded database reopens with the customer written during the stop.
  await server.start();
  const again = (await signIn("admin@demo.test", "demo1234"))!;
  const list = await fetch(
    `${server.baseURL}/api/trpc/admin.customers?input=${encodeURIComponent(JSON.stringify({ json: { search: name } }))}`,
    { headers: { cookie: again } },
  );
  expect(list.status).toBe(200);
  expect(await list.text()).toContain(name);
});
