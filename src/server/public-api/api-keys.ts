// Public API keys: "rs_<prefix>_<secret>". The prefix finds the row, sha256 of the secret is
// compared in constant time; the secret itself is shown once and never stored.
import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { ActorWithIdentity } from "../auth/actor";
import type { Db } from "../db";
import type { ServiceContext } from "../service-context";
import {
  createCredential,
  credentialActor,
  credentialInput,
  keyOwnerCustomer,
  revokeCredential,
  secretMatches,
} from "./credentials";

export { API_SCOPES, type ApiScope, ApiKeyForbidden, ApiKeyNotFound, keyOwnerCustomer } from "./credentials";

/** lastUsedAt is written at most this often per key, so a busy key costs no extra write per call. */
const LAST_USED_EVERY_MS = 60_000;

export const createApiKeyInput = credentialInput;

const API_KEY = { entityType: "ApiKey", auditPrefix: "api_key" } as const;

/** Admins make business-wide keys; a customer's primary contact makes keys for that customer only. */
export async function createApiKey(db: Db, ctx: ServiceContext, raw: z.input<typeof createApiKeyInput>) {
  const prefix = randomBytes(6).toString("hex");
  const { row: key, secret } = await createCredential(db, ctx, raw, API_KEY, (tx, fields) =>
    tx.apiKey.create({ data: { prefix, ...fields } }),
  );
  return { id: key.id, prefix, name: key.name, scopes: key.scopes, token: `rs_${prefix}_${secret}` };
}

export async function revokeApiKey(db: Db, ctx: ServiceContext, id: string) {
  await revokeCredential(
    db,
    ctx,
    id,
    { ...API_KEY, missing: "No such API key." },
    async (tx, where, now) =>
      (await tx.apiKey.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now } })).count > 0,
  );
}

export async function listApiKeys(db: Db, ctx: ServiceContext) {
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  return db.apiKey.findMany({
    where: { customerId },
    select: { id: true, prefix: true, name: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export type ApiCaller = {
  /** The API key's or OAuth client's id: idempotency keys and the rate bucket are per caller. */
  callerId: string;
  /** The token bucket this caller draws from ("key:<id>" or "client:<id>"). */
  bucket: string;
  scopes: readonly string[];
  actor: ActorWithIdentity;
  customerId: string | null;
};

/** The caller a bearer token names, or null (unknown, malformed, revoked, or its creator deactivated). */
export async function authenticateApiKey(db: Db, token: string): Promise<ApiCaller | null> {
  const match = /^rs_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, prefix, secret] = match as unknown as [string, string, string];
  const key = await db.apiKey.findUnique({ where: { prefix } });
  if (!key || key.revokedAt) return null;
  if (!secretMatches(secret, key.secretHash)) return null;
  // A customer key acts as its customer only, even if its creator later moved.
  const actor = await credentialActor(db, key);
  if (!actor) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { callerId: key.id, bucket: `key:${key.id}`, scopes: key.scopes, actor, customerId: key.customerId };
}
