import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isForbiddenWebhookAddress, WEBHOOK_TIMEOUT_MS, webhookUrlProblem } from "~/domain/webhooks";

export type WebhookRequest = {
  url: string;
  /** The JSON body exactly as signed. */
  body: string;
  headers: Record<string, string>;
  /** false: refuse loopback/private/link-local targets (production unless WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  timeoutMs?: number;
};

/** One try. `ok` only for a 2xx; a 3xx is a failure (redirects are not followed: they could lead anywhere). */
export type WebhookAttempt = { ok: boolean; statusCode: number | null; error: string | null; durationMs: number };

class RefusedAddressError extends Error {}

/**
 * The address check runs in the socket's own DNS lookup, so the address connected to is the one
 * checked (a name that resolves to a public address at subscription time and a private one later
 * is still refused).
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 4);
      const list = Array.isArray(addresses) ? addresses : [];
      const refused = list.find((a) => !allowPrivate && isForbiddenWebhookAddress(a.address));
      if (refused) {
        return callback(new RefusedAddressError(`${hostname} resolves to a refused address ${refused.address}`), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

/** Refused at subscription time when the host resolves to an address the delivery would refuse. */
export async function webhookTargetProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  const shape = webhookUrlProblem(url);
  if (shape || allowPrivate) return shape;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(host, { all: true }, (err, list) => resolve(err ? [] : list)),
  );
  if (addresses.length === 0) return "has a host that does not resolve";
  return addresses.some((a) => isForbiddenWebhookAddress(a.address))
    ? "points at a private, loopback or link-local address"
    : null;
}

export function postWebhook(request: WebhookRequest): Promise<WebhookAttempt> {
  const started = Date.now();
  const timeoutMs = request.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const done = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ ok, statusCode, error: ok ? null : error, durationMs: Date.now() - started });
    };
    const problem = webhookUrlProblem(request.url);
    if (problem) {
      settled = true;
      return resolve({ ok: false, statusCode: null, error: `URL ${problem}`, durationMs: 0 });
    }
    const url = new URL(request.url);
    // A literal address never goes through `lookup`: check it here.
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (!request.allowPrivate && isIP(literal) && isForbiddenWebhookAddress(literal)) {
      settled = true;
      return resolve({ ok: false, statusCode: null, error: `refused address ${literal}`, durationMs: 0 });
    }
    const send = url.protocol === "https:" ? https.request : http.request;
    const req = send(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(request.body).toString(),
        "user-agent": "RS-Webhooks/1",
        ...request.headers,
      },
      lookup: guardedLookup(request.allowPrivate),
    });
    // The whole try, answer included, must end within the timeout: a receiver that hangs fails it.
    const timer = setTimeout(() => {
      done(null, `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`);
      req.destroy();
    }, timeoutMs);
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      res.resume(); // the receiver's body is not read (nor stored)
      res.on("end", () =>
        done(status, status >= 300 && status < 400 ? `redirect ${status} not followed` : `HTTP ${status}`),
      );
      res.on("error", (e) => done(status, e.message));
    });
    req.on("error", (e) => done(null, e instanceof RefusedAddressError ? e.message : `${e.message}`));
    req.end(request.body);
  });
}
