// An unexpected failure answers with a generic sentence and a request id; what went wrong (the
// database's error, a stack) is only in the server log, under that id.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { createDb } from "~/server/db";
import { refusalResponse } from "~/server/http/refusal-response";
import { captureServerLog } from "../../support/server-log";
import { useWorld } from "../../support/use-world";

const GENERIC = /^Something went wrong on the server \(request id ([0-9a-f]{16})\)\./;

let log: ReturnType<typeof captureServerLog>;
const serverLog = () => (log = captureServerLog());
afterEach(() => log?.restore());

describe("unexpected server failures", () => {
  const world = useWorld();

  it("a tRPC call whose database fails: 500, a generic message with an id, the details only in the log", async () => {
    serverLog();
    const unreachable = createDb("postgresql://rs@localhost/rs?host=%2Fnonexistent-socket-dir", 1);
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost:3000/api/trpc/sync.prepare"),
      router: appRouter,
      createContext: () => ({ db: unreachable, actor: world.tina.actor, origin: { ip: null, userAgent: null } }),
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    const message = (JSON.parse(body) as { error: { json: { message: string } } }).error.json.message;
    expect(message).toMatch(GENERIC);
    expect(body).not.toMatch(/nonexistent|prisma|at .*\.ts|stack/i);
    const id = GENERIC.exec(message)![1]!;
    expect(log.lines).toContainEqual(expect.objectContaining({ level: "error", requestId: id }));
    expect(log.text()).toMatch(/nonexistent-socket-dir|Can't reach|ENOENT|connect/i);
  });

  it("an HTTP route's unexpected failure: 500 SERVER_ERROR, generic, with the id it was logged under", async () => {
    serverLog();
    const response = refusalResponse(
      new Error('relation "Attachment" does not exist at /srv/app/x.ts:1'),
      "upload chunk",
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as { code: string; message: string; requestId: string };
    expect(body.code).toBe("SERVER_ERROR");
    expect(body.message).toMatch(GENERIC);
    expect(JSON.stringify(body)).not.toContain("Attachment");
    expect(log.lines).toContainEqual(
      expect.objectContaining({ requestId: body.requestId, msg: "upload chunk failed unexpectedly" }),
    );
    expect(log.text()).toContain('relation "Attachment" does not exist');
  });
});
