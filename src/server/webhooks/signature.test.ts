import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, verifyWebhook } from "./signature";

describe("webhook signature", () => {
  const body = '{"id":"evt_1"}';

  it("matches a known vector: HMAC-SHA256 of '<t>.<raw body>' in hex", () => {
    expect(signWebhook("whsec_test", 1700000000, body)).toBe(
      "t=1700000000,v1=c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925",
    );
  });

  it("verifies its own signature, refuses a changed body, another secret or an old timestamp", () => {
    const secret = newWebhookSecret();
    const header = signWebhook(secret, 1700000000, body);
    expect(verifyWebhook(secret, header, body, 1700000010)).toBe(true);
    expect(verifyWebhook(secret, header, body + " ", 1700000010)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), header, body, 1700000010)).toBe(false);
    expect(verifyWebhook(secret, header, body, 1700000000 + 301)).toBe(false);
    expect(verifyWebhook(secret, "t=1700000000,v1=zz", body, 1700000000)).toBe(false);
  });

  it("makes a different secret every time", () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
  });
});
