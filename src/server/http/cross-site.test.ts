import { describe, expect, it } from "vitest";
import { isCrossSite, refuseCrossSite, refuseNonJson } from "./cross-site";

const headers = (given: Record<string, string>) => new Headers({ host: "rs.example", ...given });

describe("isCrossSite", () => {
  it("trusts the browser's Sec-Fetch-Site: only same-origin (or a user's own navigation) passes", () => {
    expect(isCrossSite(headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSite(headers({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSite(headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(headers({ "sec-fetch-site": "same-site" }))).toBe(true);
    // Sec-Fetch-Site wins over an Origin that looks right.
    expect(isCrossSite(headers({ "sec-fetch-site": "cross-site", origin: "https://rs.example" }))).toBe(true);
  });

  it("else compares Origin with the host the request was sent to, or the public URL", () => {
    expect(isCrossSite(headers({ origin: "https://rs.example" }))).toBe(false);
    expect(isCrossSite(headers({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "https://rs.example.evil.example" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "null" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "https://rs.example", "x-forwarded-host": "other" }))).toBe(false);
    const proxied = new Headers({ host: "127.0.0.1:3000", origin: "https://rs.example" });
    expect(isCrossSite(proxied)).toBe(true);
    expect(isCrossSite(proxied, "https://rs.example")).toBe(false);
    expect(isCrossSite(proxied, "https://other.example")).toBe(true);
    const forwarded = new Headers({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "rs.example",
      origin: "https://rs.example",
    });
    expect(isCrossSite(forwarded)).toBe(false);
  });

  it("lets through a request no browser page sent (no Sec-Fetch-Site, no Origin: scripts, the tests' API client)", () => {
    expect(isCrossSite(headers({}))).toBe(false);
  });
});

describe("refusals", () => {
  it("answers a cross-site request with 403 and a code", async () => {
    const request = new Request("http://rs.example/api/trpc/repair.approve", {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
    });
    const response = refuseCrossSite(request)!;
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });
    expect(refuseCrossSite(new Request("http://rs.example/", { headers: { "sec-fetch-site": "same-origin" } }))).toBe(
      null,
    );
  });

  it("answers a body that is not JSON with 415", async () => {
    const post = (type?: string) =>
      new Request("http://rs.example/api/trpc/repair.approve", {
        method: "POST",
        body: "x",
        headers: type ? { "content-type": type } : {},
      });
    for (const type of [
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded",
      "text/plain",
      undefined,
    ]) {
      const response = refuseNonJson(post(type))!;
      expect(response.status, String(type)).toBe(415);
      expect(await response.json()).toMatchObject({ code: "JSON_REQUIRED" });
    }
    expect(refuseNonJson(post("application/json"))).toBe(null);
    expect(refuseNonJson(post("Application/JSON; charset=utf-8"))).toBe(null);
  });
});
