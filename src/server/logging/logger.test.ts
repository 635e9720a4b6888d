import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { requestContexts } from "./request-context";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return {
    log: createLogger("debug", stream),
    lines,
    parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe("log lines", () => {
  it("are JSON with a level name and time, and say nothing of the host or process", () => {
    const { log, parsed } = capture();
    log.info({ path: "/login" }, "request");
    const [line] = parsed();
    expect(line).toMatchObject({ level: "info", path: "/login", msg: "request" });
    expect(line!.time).toEqual(expect.any(String));
    expect(line).not.toHaveProperty("hostname");
    expect(line).not.toHaveProperty("pid");
  });

  it("never show passwords, tokens, cookies or secrets, wherever they sit", () => {
    const { log, lines } = capture();
    log.info(
      {
        password: "pw-top-level-1",
        input: { email: "a@demo.test", password: "pw-nested-2", newPassword: "pw-new-3" },
        headers: { cookie: "next-auth.session-token=cookie-4", authorization: "Bearer token-5", "set-cookie": "c=6" },
        req: { headers: { cookie: "cookie-7" } },
        token: "token-8",
        body: { csrfToken: "csrf-9", sessionToken: "session-10" },
        secret: "secret-11",
      },
      "sign-in attempt",
    );
    const text = lines.join("\n");
    for (const secret of [
      "pw-top-level-1",
      "pw-nested-2",
      "pw-new-3",
      "cookie-4",
      "token-5",
      "c=6",
      "cookie-7",
      "token-8",
      "csrf-9",
      "session-10",
      "secret-11",
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain("a@demo.test");
    expect(text).toContain("[redacted]");
  });

  it("show bytes (a photo chunk) as their length only", () => {
    const { log, lines } = capture();
    log.info({ chunk: Buffer.from("\xff\xd8\xff photo bytes"), raw: new Uint8Array(3000) }, "upload");
    const text = lines.join("\n");
    expect(text).not.toContain("photo bytes");
    expect(JSON.parse(text)).toMatchObject({ chunk: expect.stringMatching(/^\[\d+ bytes\]$/), raw: "[3000 bytes]" });
  });

  it("show an error's message and stack under err", () => {
    const { log, parsed } = capture();
    log.error({ err: new Error("connection refused") }, "sync.push failed");
    expect(parsed()[0]).toMatchObject({ err: { message: "connection refused", type: "Error" } });
  });

  it("keep the request's context for the code serving it", async () => {
    const seen = await requestContexts.run({ id: "req-abcdef12" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return requestContexts.getStore()?.id;
    });
    expect(seen).toBe("req-abcdef12");
    expect(requestContexts.getStore()).toBeUndefined();
  });
});
