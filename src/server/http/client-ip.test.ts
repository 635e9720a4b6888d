import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, clientIp, trustedProxies } from "./client-ip";

const proxies = trustedProxies(["10.0.0.2", "10.1.0.0/16", "fd00::/8"]);
const from = (peer: string | undefined, forwardedFor?: string) =>
  clientIp(
    new Headers({
      ...(peer === undefined ? {} : { [PEER_ADDRESS_HEADER]: peer }),
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    }),
    proxies,
  );

describe("the client's IP address", () => {
  it("is the connection's address when it does not come from a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(from("198.51.100.4", "1.2.3.4")).toBe("198.51.100.4");
    expect(from("::ffff:198.51.100.4", "1.2.3.4")).toBe("198.51.100.4");
    expect(from("198.51.100.4")).toBe("198.51.100.4");
  });

  it("from a trusted proxy: the nearest forwarded address that is not a proxy itself", () => {
    expect(from("10.0.0.2", "203.0.113.9")).toBe("203.0.113.9");
    // The client wrote the first entry; the proxies appended the rest.
    expect(from("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.1.4.4")).toBe("203.0.113.9");
    expect(from("fd00::1", "2001:db8::7")).toBe("2001:db8::7");
    expect(from("10.0.0.2")).toBe("10.0.0.2");
    expect(from("10.0.0.2", "garbage, 203.0.113.9")).toBe("203.0.113.9");
    expect(from("10.0.0.2", "203.0.113.9, garbage")).toBe("10.0.0.2");
  });

  it("is unknown when the server was started without the connection's address", () => {
    expect(from(undefined, "1.2.3.4")).toBeNull();
  });

  it("reads next-auth's plain header object too", () => {
    expect(clientIp({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.9" }, proxies)).toBe(
      "203.0.113.9",
    );
  });
});
