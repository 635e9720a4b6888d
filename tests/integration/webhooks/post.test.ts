import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook, webhookTargetProblem } from "~/server/webhooks/post";
import { signWebhook } from "~/server/webhooks/signature";
import { startWebhookReceiver } from "../../support/webhook-receiver";

const secret = "whsec_post_test";
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver(secret);
});
afterAll(async () => {
  await receiver.close();
});

function attempt(deliveryId: string, options: { allowPrivate?: boolean; timeoutMs?: number } = {}) {
  const body = JSON.stringify({
    id: "evt_1",
    type: "repair.completed",
    occurredAt: new Date(0).toISOString(),
    data: {},
  });
  return postWebhook({
    url: receiver.url,
    body,
    headers: {
      "RS-Event": "repair.completed",
      "RS-Delivery": deliveryId,
      "RS-Signature": signWebhook(secret, Math.floor(Date.now() / 1000), body),
    },
    allowPrivate: options.allowPrivate ?? true,
    timeoutMs: options.timeoutMs,
  });
}

describe("postWebhook", () => {
  it("delivers a signed body: 2xx is delivered", async () => {
    receiver.set("ok");
    const result = await attempt("d-ok");
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(receiver.received.at(-1)).toMatchObject({
      deliveryId: "d-ok",
      event: "repair.completed",
      signatureValid: true,
    });
  });

  it("a 500 is a failure with its status", async () => {
    receiver.set("fail");
    expect(await attempt("d-500")).toMatchObject({ ok: false, statusCode: 500, error: "HTTP 500" });
  });

  it("a redirect is a failure and is not followed", async () => {
    receiver.set("redirect");
    const before = receiver.received.length;
    expect(await attempt("d-302")).toMatchObject({ ok: false, statusCode: 302, error: "redirect 302 not followed" });
    expect(receiver.received.length).toBe(before + 1);
  });

  it("a receiver that hangs fails the try at the timeout", async () => {
    receiver.set("hang");
    const result = await attempt("d-hang", { timeoutMs: 500 });
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(/no answer/);
    expect(result.durationMs).toBeLessThan(3000);
  });

  it("refuses loopback targets when private addresses are not allowed, before sending", async () => {
    receiver.set("ok");
    const before = receiver.received.length;
    const result = await attempt("d-ssrf", { allowPrivate: false });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/refused address 127\.0\.0\.1/);
    expect(receiver.received.length).toBe(before);
    // A name, resolved by the socket's own lookup (so DNS changing after subscription is caught).
    const byName = await postWebhook({
      url: receiver.url.replace("127.0.0.1", "localhost"),
      body: "{}",
      headers: {},
      allowPrivate: false,
    });
    expect(byName).toMatchObject({ ok: false, statusCode: null });
    expect(byName.error).toMatch(/localhost resolves to a refused address/);
    expect(receiver.received.length).toBe(before);
    expect(await webhookTargetProblem(receiver.url, false)).toMatch(/private, loopback/);
    expect(await webhookTargetProblem("http://localhost:9/x", false)).toMatch(/private, loopback/);
    expect(await webhookTargetProblem(receiver.url, true)).toBeNull();
    expect(await webhookTargetProblem("ftp://example.com/", true)).toMatch(/https/);
  });
});
