// How many bytes a request body may hold, per route, counted as the bytes arrive: a body over
// its limit is refused after at most that many bytes, whether or not it announced its length
// (a chunked body announces none), and is never held whole in memory.
import "server-only";
import { NextRequest } from "next/server";
import { refusedResponse } from "./refusal-response";

/** Sign-in, sign-out and the other next-auth posts: a few form fields. */
export const AUTH_BODY_BYTES = 8 * 1024;
/** A tRPC call's JSON; the device splits a sync.push batch to stay below (src/client/sync/push-outbox.ts). */
export { TRPC_BODY_BYTES } from "~/domain/api-limits";

/** The body's bytes, or null as soon as it proves longer than maxBytes (the rest is not read). */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const announced = Number(request.headers.get("content-length") ?? 0);
  if (announced > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/**
 * The request again with its body read within maxBytes (handlers downstream read it as usual),
 * or the 413 answer when it is longer. Requests without a body pass unchanged.
 */
export async function withinBodyLimit(request: Request, maxBytes: number): Promise<NextRequest | Response> {
  const asNext = (body?: Uint8Array<ArrayBuffer>) =>
    new NextRequest(request.url, { method: request.method, headers: request.headers, body });
  if (!request.body) return request instanceof NextRequest ? request : asNext();
  const body = await readBodyWithin(request, maxBytes);
  if (!body) return bodyTooLargeResponse(maxBytes);
  return asNext(body as Uint8Array<ArrayBuffer>);
}

export const bodyTooLargeResponse = (maxBytes: number) =>
  refusedResponse("BODY_TOO_LARGE", `This request is too large: at most ${maxBytes} bytes are accepted here.`);
