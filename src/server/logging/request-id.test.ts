import { describe, expect, it } from "vitest";
import { acceptedRequestId, newRequestId, requestIdFor } from "./request-id";
import { loggedPath } from "./request-line";

describe("a request's id", () => {
  it("keeps a proxy's own id when it is a short safe token", () => {
    for (const id of ["abcdefgh", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "req_123.456-XYZ", "a".repeat(64)])
      expect(acceptedRequestId(id)).toBe(id);
  });

  it("refuses one that could forge or break a log line, or is too short or too long to be an id", () => {
    for (const id of [
      "",
      "short",
      "a".repeat(65),
      "abc def gh",
      'abcdefgh\n{"level":"fatal"}',
      "abcdefgh\r\nSet-Cookie: x=1",
      "<script>alert(1)</script>",
      "abcdefgh;rm",
      "ünïcödé-id",
    ])
      expect(acceptedRequestId(id)).toBeNull();
    expect(acceptedRequestId(undefined)).toBeNull();
    expect(acceptedRequestId(null)).toBeNull();
    // A header sent twice arrives as a list: neither is trusted.
    expect(acceptedRequestId(["abcdefgh", "ijklmnop"])).toBeNull();
  });

  it("is new, random and itself acceptable when none (or a bad one) was given", () => {
    const a = requestIdFor(undefined);
    const b = requestIdFor("bad id!");
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toMatch(/^[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(acceptedRequestId(newRequestId())).not.toBeNull();
    expect(requestIdFor("proxy-id-0001")).toBe("proxy-id-0001");
  });
});

describe("the path a request's line shows", () => {
  it("drops the query string and fragment, where tokens and addresses travel", () => {
    expect(loggedPath("/api/auth/callback/credentials?token=s3cr3t&email=a@b.c")).toBe(
      "/api/auth/callback/credentials",
    );
    expect(loggedPath("/login#password=x")).toBe("/login");
    expect(loggedPath("/api/uploads/abc")).toBe("/api/uploads/abc");
    expect(loggedPath(undefined)).toBe("");
    expect(loggedPath(`/${"x".repeat(1000)}`)).toHaveLength(300);
  });
});
