// A webhook receiver on loopback for tests: verifies RS-Signature like a customer's server would
// and answers as each test tells it (200, 500, a redirect, or hang).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "~/server/webhooks/signature";

export type Received = {
  deliveryId: string | undefined;
  event: string | undefined;
  signatureValid: boolean;
  body: unknown;
};

export type Behaviour = "ok" | "fail" | "redirect" | "hang";

/** `secret` may be a function, read at each request (a test that rotates the secret). */
export async function startWebhookReceiver(secret: string | (() => string)) {
  const secretNow = typeof secret === "function" ? secret : () => secret;
  const received: Received[] = [];
  let behaviour: Behaviour = "ok";
  let delayMs = 0;
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const header = String(req.headers["rs-signature"] ?? "");
      received.push({
        deliveryId: req.headers["rs-delivery"] as string | undefined,
        event: req.headers["rs-event"] as string | undefined,
        signatureValid: verifyWebhook(secretNow(), header, raw, Math.floor(Date.now() / 1000)),
        body: JSON.parse(raw) as unknown,
      });
      if (behaviour === "hang") return void hanging.add(res);
      if (delayMs > 0 && behaviour === "ok") return void setTimeout(() => res.writeHead(200).end("ok"), delayMs);
      if (behaviour === "redirect") return void res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
      res.writeHead(behaviour === "ok" ? 200 : 500).end(behaviour);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    set(next: Behaviour) {
      behaviour = next;
    },
    /** A slow but healthy receiver: answers 200 after this long. */
    delay(ms: number) {
      delayMs = ms;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
