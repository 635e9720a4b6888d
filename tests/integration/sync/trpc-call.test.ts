// The device's small tRPC caller (src/client/rpc) against the real tRPC handler: the same answers
// as @trpc/client's httpLink (Dates included, both ways), refusals with the server's code, and
// the sync transport's reading of them (an ended session pauses sync).
import { randomUUID } from "node:crypto";
import { TRPCClientError, createTRPCClient, httpLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TrpcCallError, trpcMutation, trpcQuery } from "~/client/rpc/trpc";
import { SessionExpired } from "~/client/sync/errors";
import { trpcSyncTransport } from "~/client/sync/trpc-transport";
import type { ActorWithIdentity as Actor } from "~/server/auth/actor";
import { type AppRouter, appRouter } from "~/server/api/root";
import { DEVICE_ID, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("the device's tRPC calls", () => {
  const world = useWorld();

  /** fetch() answered by the app's tRPC handler, as `actor` (null: no session). */
  const serverAs =
    (actor: Actor | null) =>
    (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(new URL(String(input), "http://localhost:3000"), init),
        router: appRouter,
        createContext: () => ({ db: world.db, actor, origin: { ip: null, userAgent: null } }),
      });
  const trpcClient = (actor: Actor | null) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: "http://localhost:3000/api/trpc", transformer: superjson, fetch: serverAs(actor) })],
    });

  it("a query answers what @trpc/client answers, Dates as Dates", async () => {
    const fetch = serverAs(world.tina.actor);
    const ours = await trpcQuery("sync.prepare", undefined, { fetch });
    const theirs = await trpcClient(world.tina.actor).sync.prepare.query();
    expect({ ...ours, preparedAt: null }).toEqual({ ...theirs, preparedAt: null }); // asked a moment apart
    expect(ours.walks.length).toBeGreaterThan(0);
    expect(ours.preparedAt).toBeInstanceOf(Date);
    expect(await trpcQuery("session.me", undefined, { fetch })).toMatchObject({ name: "Tina" });
  });

  it("a mutation sends its input as @trpc/client does (a Date arrives as a Date) and answers the same", async () => {
    const fetch = serverAs(world.tina.actor);
    const start = walkStart(world.acme.id);
    const ours = await trpcMutation("sync.push", { deviceId: DEVICE_ID, mutations: [start] }, { fetch });
    expect(ours.results).toMatchObject([{ id: start.id, ok: true, data: { status: "IN_PROGRESS" } }]);
    const startedAt = (start.payload as { startedAt: Date }).startedAt;
    expect((ours.results[0] as { data: { startedAt: Date } }).data.startedAt).toEqual(startedAt);
    // Replayed through @trpc/client: the server's idempotent answer, equal to ours.
    const theirs = await trpcClient(world.tina.actor).sync.push.mutate({ deviceId: DEVICE_ID, mutations: [start] });
    expect({ ...ours, serverMs: 0 }).toEqual({ ...theirs, serverMs: 0 });
  });

  it("a refusal carries the server's code and message, as TRPCClientError does", async () => {
    const ours = await trpcQuery("session.me", undefined, { fetch: serverAs(null) }).catch((e: unknown) => e);
    const theirs = await trpcClient(null)
      .session.me.query()
      .catch((e: unknown) => e);
    expect(theirs).toBeInstanceOf(TRPCClientError);
    expect(ours).toBeInstanceOf(TrpcCallError);
    expect((ours as TrpcCallError).data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect((ours as TrpcCallError).message).toBe((theirs as TRPCClientError<AppRouter>).message);
  });

  it("the sync transport: an ended session pauses sync; a refused input leaves the batch pending", async () => {
    const signedOut = trpcSyncTransport("/api/trpc", { fetch: serverAs(null) });
    await expect(signedOut.prepare()).rejects.toBeInstanceOf(SessionExpired);
    const tina = trpcSyncTransport("/api/trpc", { fetch: serverAs(world.tina.actor) });
    const bad = { deviceId: "not a uuid", mutations: [{ id: randomUUID(), type: "walk.start", payload: {} }] };
    await expect(tina.push(bad as never)).rejects.toMatchObject({ code: "SERVER_ERROR" });
  });

  it("an answer that is not tRPC's (a proxy's error page) is no answer: the batch stays pending", async () => {
    const proxyPage = () => Promise.resolve(new Response("<html>Bad gateway</html>", { status: 502 }));
    const transport = trpcSyncTransport("/api/trpc", { fetch: proxyPage });
    await expect(transport.prepare()).rejects.toMatchObject({ code: "SERVER_ERROR" });
    await expect(trpcQuery("session.me", undefined, { fetch: proxyPage })).rejects.not.toBeInstanceOf(TrpcCallError);
  });
});
