// One tRPC call over HTTP, as @trpc/client's httpLink sends it, for the device. /walk only ever
// sends single queries and mutations (session.me, sync.prepare, sync.push); the vanilla client,
// with its links, observables and proxies, added about 13 KB gzipped to what /walk loads, for
// nothing the phone uses. The wire format is tRPC's: a query is GET <url>/<path>?input=<json>, a
// mutation is POST <url>/<path> with the JSON body; the answer is {result:{data}} or {error},
// both encoded with superjson, the server's transformer (src/server/api/trpc.ts). Callers go
// through trpc.ts, which loads this module with the first call.
import superjson from "superjson";
import { TrpcCallError, type TrpcErrorData } from "./trpc";

export type TrpcCallOptions = { url?: string; fetch?: (input: string, init: RequestInit) => Promise<Response> };

type Envelope = { result?: { data?: unknown }; error?: unknown };

export async function trpcCall<T>(
  type: "query" | "mutation",
  path: string,
  input: unknown,
  { url = "/api/trpc", fetch: send = (input, init) => fetch(input, init) }: TrpcCallOptions = {},
): Promise<T> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const response =
    type === "query"
      ? await send(`${url}/${path}?input=${encodeURIComponent(encoded)}`, { method: "GET" })
      : await send(`${url}/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: encoded,
        });
  const body = (await response.json()) as Envelope; // not JSON (a proxy's error page): throws, a plain Error
  if (body.error !== undefined) {
    const shape = superjson.deserialize<{ message?: string; data?: TrpcErrorData } | null>(
      body.error as Parameters<typeof superjson.deserialize>[0],
    );
    throw new TrpcCallError(shape?.message ?? `HTTP ${response.status}`, shape?.data);
  }
  if (!body.result) throw new Error(`Unexpected answer from the server (HTTP ${response.status}).`);
  return superjson.deserialize<T>(body.result.data as Parameters<typeof superjson.deserialize>[0]);
}
