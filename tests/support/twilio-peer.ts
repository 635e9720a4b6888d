// A local HTTP peer speaking the shape of Twilio's Messages API, for SMS tests.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type TwilioMessage = { to: string; from: string; body: string; auth: string; idempotency: string | undefined };

export async function startTwilioPeer(sid = "AC_test", token = "secret_token") {
  const messages: TwilioMessage[] = [];
  /** What the next request is answered with (default: 201 accepted). */
  let next: { status: number; code?: number } | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      const auth = String(req.headers.authorization ?? "");
      if (req.method !== "POST" || req.url !== `/2010-04-01/Accounts/${sid}/Messages.json`) {
        return json(404, { code: 20404, message: "The requested resource was not found", status: 404 });
      }
      if (auth !== `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`) {
        return json(401, { code: 20003, message: "Authenticate", status: 401 });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const message = {
        to: form.get("To") ?? "",
        from: form.get("From") ?? "",
        body: form.get("Body") ?? "",
        auth,
        idempotency: req.headers["i-twilio-idempotency-token"] as string | undefined,
      };
      const answer = next;
      next = null;
      if (answer && answer.status >= 400)
        return json(answer.status, { code: answer.code, message: "refused", status: answer.status });
      messages.push(message);
      json(201, { sid: `SM${messages.length.toString().padStart(32, "0")}`, status: "queued", to: message.to });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    smsUrl: `http://${sid}:${token}@127.0.0.1:${port}`,
    messages,
    answerNext(status: number, code?: number) {
      next = { status, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
