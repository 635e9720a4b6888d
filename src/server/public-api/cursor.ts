// Opaque page cursors: the last row's id, HMAC-signed so a tampered or invented cursor is a 400
// instead of a query on someone's guess.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { PublicApiRefusal } from "./refusal";

// Without NEXTAUTH_SECRET (tests), a per-process key: cursors then only work on the instance that made them.
const fallbackKey = randomBytes(32);
const cursorKey = () => config().NEXTAUTH_SECRET ?? fallbackKey;

const sign = (payload: string) =>
  createHmac("sha256", cursorKey()).update(`api-cursor:${payload}`).digest().subarray(0, 16);

export function encodeCursor(lastId: string): string {
  const payload = Buffer.from(lastId).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
}

/** The id the cursor carries, or null when it was not made by this app. */
export function decodeCursor(cursor: string): string | null {
  const [payload, mac, ...rest] = cursor.split(".");
  if (!payload || !mac || rest.length) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = sign(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(payload, "base64url").toString();
}

/** The id a page's `cursor` parameter carries (none on the first page); an altered one is a 400. */
export function cursorAfter(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const after = decodeCursor(cursor);
  if (after === null) throw new PublicApiRefusal("This cursor was not issued by this API or was altered.");
  return after;
}
