import superjson from "superjson";
import { afterEach, describe, expect, it, vi } from "vitest";
import { askSessionMe } from "./me";

const ME = {
  userId: "u1",
  email: "tech@demo.test",
  name: "Tess Tech",
  kind: "technician",
  customerId: null,
  technician: { id: "t1", teamLeadOf: [] },
};

/** A fetch answering `body` (as the server's tRPC handler encodes it), recording the URLs asked. */
function answering(body: unknown, status = 200) {
  const urls: string[] = [];
  const send = vi.fn(async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return { send: send as unknown as typeof fetch, urls };
}

afterEach(() => vi.unstubAllGlobals());

describe("askSessionMe", () => {
  it("reads the server's superjson answer without superjson, as the tRPC caller would", async () => {
    const { send, urls } = answering({ result: { data: superjson.serialize(ME) } });
    expect(await askSessionMe(send)).toEqual({ ok: true, me: ME });
    expect(urls).toEqual([
      `/api/trpc/session.me?input=${encodeURIComponent(JSON.stringify(superjson.serialize(undefined)))}`,
    ]);
  });

  it("tells an ended session from other failures", async () => {
    const error = (code: string) => ({ error: superjson.serialize({ message: "no", code: -32001, data: { code } }) });
    expect(await askSessionMe(answering(error("UNAUTHORIZED"), 401).send)).toEqual({ ok: false, unauthorized: true });
    expect(await askSessionMe(answering(error("INTERNAL_SERVER_ERROR"), 500).send)).toEqual({
      ok: false,
      unauthorized: false,
    });
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await askSessionMe(offline)).toEqual({ ok: false, unauthorized: false });
  });

  it("hands an answer with superjson types to the tRPC caller", async () => {
    const withDate = { ...ME, since: new Date("2026-01-02T03:04:05Z") };
    const body = { result: { data: superjson.serialize(withDate) } };
    vi.stubGlobal("fetch", answering(body).send);
    expect(await askSessionMe(answering(body).send)).toEqual({ ok: true, me: withDate });
  });
});
