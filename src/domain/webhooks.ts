// Webhook rules that need no I/O: the signature header's shape, which addresses a receiver may
// not resolve to (SSRF), the retry schedule and when a failing subscription is switched off.

/** A subscription failing this many deliveries in a row is disabled and its owner told. */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 20;
/** A receiver gets this long to answer; a hang fails the try (and it is retried). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Retries stop, and the delivery is FAILED, once its first try is this old. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A signature older than this is refused by verifiers (replayed request). */
export const WEBHOOK_SIGNATURE_TOLERANCE_S = 5 * 60;

/**
 * When to try again after `attempts` failed tries (1 = the first failed), or null when the
 * next try would start after the retry window: 30 s doubling, capped at 2 h between tries.
 */
export function webhookRetryAt(firstAttemptAt: Date, attempts: number, now: Date): Date | null {
  const delay = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60 * 1000);
  const next = new Date(now.getTime() + delay);
  return next.getTime() - firstAttemptAt.getTime() > WEBHOOK_RETRY_WINDOW_MS ? null : next;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function formatSignatureHeader(timestampS: number, hexDigest: string): string {
  return `t=${timestampS},v1=${hexDigest}`;
}

/** The timestamp and every v1 digest of a header (several when a secret is being rotated). */
export function parseSignatureHeader(header: string): { timestampS: number; digests: string[] } | null {
  let timestampS: number | null = null;
  const digests: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) timestampS = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) digests.push(value);
  }
  return timestampS === null || digests.length === 0 ? null : { timestampS, digests };
}

/** The text that is signed: the timestamp binds the body to its moment, against replays. */
export function signedPayload(timestampS: number, rawBody: string): string {
  return `${timestampS}.${rawBody}`;
}

function ipv4Bytes(ip: string): number[] | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().replace(/%.*$/, "");
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two groups.
  const tail4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail4) {
    const b = ipv4Bytes(tail4);
    if (!b) return null;
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b;
    text = text.slice(0, -tail4.length) + `${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const parsed = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return parsed.some(Number.isNaN) ? null : parsed;
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // unspecified / "this network"
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT
  );
}

/**
 * Whether a resolved address is one a webhook must not reach in production: loopback, private,
 * link-local or unspecified (IPv4 and IPv6, including IPv4-mapped IPv6). Unparseable = refused.
 */
export function isForbiddenWebhookAddress(ip: string): boolean {
  const v4 = ipv4Bytes(ip);
  if (v4) return isPrivateIpv4(v4);
  const g = ipv6Groups(ip);
  if (!g) return true;
  if (g.every((x) => x === 0)) return true; // ::
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = g;
  if (g.slice(0, 7).every((x) => x === 0) && g7 === 1) return true; // ::1
  if (g.slice(0, 5).every((x) => x === 0) && g5 === 0xffff) {
    return isPrivateIpv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  }
  if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  return false;
}

/** A subscription URL: http or https, a host, no credentials in it. Returns a reason when refused. */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a URL";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "must start with https:// or http://";
  if (!parsed.hostname) return "has no host";
  if (parsed.username || parsed.password) return "must not contain a user name or password";
  return null;
}
