// What API keys and OAuth clients share: a secret shown once and stored as its sha256, compared in
// constant time; made and revoked by the same people (an admin, a customer's primary contact),
// audited alike; and a caller that acts as its creator, for its own customer only.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { DomainError } from "~/domain";
import { type ActorWithIdentity, loadActor } from "../auth/actor";
import { API_SCOPES, type ApiScope } from "~/domain/api-scopes";
import { writeAudit } from "../audit/write-audit";
import type { Db, DbTx } from "../db";
import type { ServiceContext } from "../service-context";

export { API_SCOPES, type ApiScope };

export class ApiKeyNotFound extends DomainError {
  readonly code = "NOT_FOUND" as const;
}
export class ApiKeyForbidden extends DomainError {
  readonly code = "FORBIDDEN" as const;
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** A new secret (256 bits, base64url: 43 characters). */
export const newSecret = () => randomBytes(32).toString("base64url");

/** How a secret or token is stored. */
export const secretHash = (secret: string) => sha256(secret).toString("hex");

/** Whether `secret` is the one stored; compares against something even when nothing is stored, so timing says nothing. */
export function secretMatches(secret: string, storedHash: string | null | undefined): boolean {
  const stored = Buffer.from(storedHash ?? "00".repeat(32), "hex");
  return timingSafeEqual(sha256(secret), stored) && storedHash != null;
}

/** A key's or client's name and scopes, as its owner gives them. */
export const credentialInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(API_SCOPES)).min(1),
});

/** null for an admin (business-wide keys); the customer's id for its primary contact; else refused. */
export async function keyOwnerCustomer(db: Db, actor: ActorWithIdentity): Promise<string | null> {
  if (actor.role === "ADMIN") return null;
  if (actor.role === "CUSTOMER" && actor.customerId) {
    const link = await db.customerUser.findUnique({ where: { userId: actor.userId } });
    if (link?.isPrimaryContact) return actor.customerId;
  }
  throw new ApiKeyForbidden("Only admins and a customer's primary contact manage API keys.");
}

type CredentialKind = { entityType: "ApiKey" | "OAuthClient"; auditPrefix: "api_key" | "oauth_client" };

/** Creates a key or client (its row written by `create` with the hashed secret), audited; the secret is in the answer only. */
export async function createCredential<Row extends { id: string; name: string; scopes: string[] }>(
  db: Db,
  ctx: ServiceContext,
  raw: z.input<typeof credentialInput>,
  kind: CredentialKind,
  create: (
    tx: DbTx,
    fields: { secretHash: string; name: string; scopes: string[]; customerId: string | null; createdById: string },
  ) => Promise<Row>,
): Promise<{ row: Row; secret: string }> {
  const input = credentialInput.parse(raw);
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  const secret = newSecret();
  const row = await db.$transaction(async (tx) => {
    const created = await create(tx, {
      secretHash: secretHash(secret),
      name: input.name,
      scopes: input.scopes,
      customerId,
      createdById: ctx.actor.userId,
    });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: `${kind.auditPrefix}.create`,
      entityType: kind.entityType,
      entityId: created.id,
      changes: { name: { before: null, after: created.name }, scopes: { before: null, after: created.scopes } },
    });
    return created;
  });
  return { row, secret };
}

/** Revokes the owner's key or client `id` (`revoke` answers false when it is not theirs or already revoked), audited. */
export async function revokeCredential(
  db: Db,
  ctx: ServiceContext,
  id: string,
  kind: CredentialKind & { missing: string },
  revoke: (tx: DbTx, where: { id: string; customerId: string | null }, now: Date) => Promise<boolean>,
): Promise<void> {
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  await db.$transaction(async (tx) => {
    const now = new Date();
    if (!(await revoke(tx, { id, customerId }, now))) throw new ApiKeyNotFound(kind.missing);
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: `${kind.auditPrefix}.revoke`,
      entityType: kind.entityType,
      entityId: id,
      changes: { revokedAt: { before: null, after: now.toISOString() } },
    });
  });
}

/** The actor a key or client acts as: its creator, still active and, for a customer's, still that customer's. */
export async function credentialActor(
  db: Db,
  owner: { createdById: string; customerId: string | null },
): Promise<ActorWithIdentity | null> {
  const actor = await loadActor(db, owner.createdById);
  if (!actor || (owner.customerId && actor.customerId !== owner.customerId)) return null;
  return actor;
}
