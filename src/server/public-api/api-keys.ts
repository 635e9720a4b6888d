// Public API keys: "rs_<prefix>_<secret>". The prefix finds the row, sha256 of the secret is
// compared in constant time; the secret itself is shown once and never stored.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { type ActorWithIdentity, loadActor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db";
import type { ServiceContext } from "../service-context";

export const API_SCOPES = [
  "repairs:read",
  "repairs:write",
  "units:read",
  "units:write",
  "customers:read",
  "analytics:read",
  "invoices:read",
  "webhooks:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** lastUsedAt is written at most this often per key, so a busy key costs no extra write per call. */
const LAST_USED_EVERY_MS = 60_000;

export const sha256 = (text: string) => createHash("sha256").update(text).digest();

export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(API_SCOPES)).min(1),
});

/** Admins make business-wide keys; a customer's primary contact makes keys for that customer only. */
export async function createApiKey(db: Db, ctx: ServiceContext, raw: z.input<typeof createApiKeyInput>) {
  const input = createApiKeyInput.parse(raw);
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  const key = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        prefix,
        secretHash: sha256(secret).toString("hex"),
        name: input.name,
        scopes: input.scopes,
        customerId,
        createdById: ctx.actor.userId,
      },
    });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "api_key.create",
      entityType: "ApiKey",
      entityId: row.id,
      changes: { name: { before: null, after: row.name }, scopes: { before: null, after: row.scopes } },
    });
    return row;
  });
  return { id: key.id, prefix, name: key.name, scopes: key.scopes, token: `rs_${prefix}_${secret}` };
}

export async function revokeApiKey(db: Db, ctx: ServiceContext, id: string) {
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, customerId, revokedAt: null } });
    if (!key) throw new ApiKeyNotFound("No such API key.");
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "api_key.revoke",
      entityType: "ApiKey",
      entityId: id,
      changes: { revokedAt: { before: null, after: new Date().toISOString() } },
    });
  });
}

export async function listApiKeys(db: Db, ctx: ServiceContext) {
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  return db.apiKey.findMany({
    where: { customerId },
    select: { id: true, prefix: true, name: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** null for an admin (business-wide keys); the customer's id for its primary contact; else refused. */
export async function keyOwnerCustomer(db: Db, actor: ActorWithIdentity): Promise<string | null> {
  if (actor.role === "ADMIN") return null;
  if (actor.role === "CUSTOMER" && actor.customerId) {
    const link = await db.customerUser.findUnique({ where: { userId: actor.userId } });
    if (link?.isPrimaryContact) return actor.customerId;
  }
  throw new ApiKeyForbidden("Only admins and a customer's primary contact manage API keys.");
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
  if (!timingSafeEqual(sha256(secret), Buffer.from(key.secretHash, "hex"))) return null;
  const actor = await loadActor(db, key.createdById);
  if (!actor) return null;
  // A customer key acts as its customer only, even if its creator later moved.
  if (key.customerId && actor.customerId !== key.customerId) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { callerId: key.id, bucket: `key:${key.id}`, scopes: key.scopes, actor, customerId: key.customerId };
}

import { DomainError } from "~/domain";
export class ApiKeyNotFound extends DomainError {
  readonly code = "NOT_FOUND" as const;
}
export class ApiKeyForbidden extends DomainError {
  readonly code = "FORBIDDEN" as const;
}
