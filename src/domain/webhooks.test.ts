import { describe, expect, it } from "vitest";
import {
  isForbiddenWebhookAddress,
  parseSignatureHeader,
  WEBHOOK_RETRY_WINDOW_MS,
  webhookRetryAt,
  webhookUrlProblem,
} from "./webhooks";

describe("isForbiddenWebhookAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "::",
    "::1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1%eth0",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "not-an-ip",
  ])("refuses %s", (ip) => expect(isForbiddenWebhookAddress(ip)).toBe(true));

  it.each(["93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])("allows %s", (ip) =>
    expect(isForbiddenWebhookAddress(ip)).toBe(false),
  );
});

describe("webhookUrlProblem", () => {
  it("accepts http and https URLs only, without credentials", () => {
    expect(webhookUrlProblem("https://example.com/hook")).toBeNull();
    expect(webhookUrlProblem("http://example.com:8080/hook")).toBeNull();
    expect(webhookUrlProblem("ftp://example.com/")).not.toBeNull();
    expect(webhookUrlProblem("javascript:alert(1)")).not.toBeNull();
    expect(webhookUrlProblem("not a url")).not.toBeNull();
    expect(webhookUrlProblem("https://u:p@example.com/")).not.toBeNull();
  });
});

describe("webhookRetryAt", () => {
  it("backs off exponentially, then gives up after 24 hours", () => {
    const first = new Date("2026-01-01T00:00:00Z");
    expect(webhookRetryAt(first, 1, first)?.getTime()).toBe(first.getTime() + 30_000);
    expect(webhookRetryAt(first, 3, first)?.getTime()).toBe(first.getTime() + 120_000);
    expect(webhookRetryAt(first, 30, first)?.getTime()).toBe(first.getTime() + 2 * 3600_000);
    const late = new Date(first.getTime() + WEBHOOK_RETRY_WINDOW_MS - 60_000);
    expect(webhookRetryAt(first, 12, late)).toBeNull();
  });
});

describe("parseSignatureHeader", () => {
  it("reads t and every v1, refuses headers without them", () => {
    const d = "a".repeat(64);
    expect(parseSignatureHeader(`t=12,v1=${d},v1=${"b".repeat(64)}`)).toEqual({
      timestampS: 12,
      digests: [d, "b".repeat(64)],
    });
    expect(parseSignatureHeader(`v1=${d}`)).toBeNull();
    expect(parseSignatureHeader("t=12")).toBeNull();
  });
});
