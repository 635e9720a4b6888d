// The client's IP address, for the sign-in throttle and the audit trail. X-Forwarded-For is
// written by whoever sends the request, so it names the client only when the connection comes
// from one of the configured reverse proxies (TRUSTED_PROXIES); then the nearest address in it
// that is not itself a trusted proxy is the client. The connection's address is stamped on each
// request by scripts/lib/peer-address-hook.mjs (Next does not hand it to route handlers).
import "server-only";
import { BlockList, isIP } from "node:net";
import { config } from "../config";

export const PEER_ADDRESS_HEADER = "x-rs-peer-address";

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : null;
}

function normalize(address: string): string | null {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  const ip = v4mapped ? v4mapped[1]! : bare;
  return isIP(ip) ? ip : null;
}

export function trustedProxies(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const ip = normalize(address!);
    if (!ip) continue;
    const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
  }
  return list;
}

const isTrusted = (list: BlockList, ip: string) => list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");

let configured: BlockList | undefined;

/** null when the connection's address is unknown (a server started without the hook). */
export function clientIp(
  headers: HeaderSource,
  proxies: BlockList = (configured ??= trustedProxies(config().TRUSTED_PROXIES)),
): string | null {
  const peer = normalize(header(headers, PEER_ADDRESS_HEADER) ?? "");
  if (!peer || !isTrusted(proxies, peer)) return peer;
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map(normalize);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i];
    if (!hop) return peer; // a garbled entry: what lies to its left cannot be trusted
    if (!isTrusted(proxies, hop)) return hop;
  }
  return forwarded[0] ?? peer;
}
