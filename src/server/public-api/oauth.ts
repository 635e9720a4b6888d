// OAuth 2.0 client credentials (RFC 6749 §4.4): a client (client_id "rsc_<hex>" + a secret shown
// once, stored as sha256) is made by the same people as API keys, with the same scopes; it trades
// its credentials at POST /api/v1/oauth/token for a short-lived bearer token ("rso_..."), which
// the API accepts wherever a key is. Revoking the client ends its tokens at once.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { loadActor } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db";
import type { ServiceContext } from "../service-context";
import { API_SCOPES, type ApiCaller, ApiKeyNotFound, keyOwnerCustomer, sha256 } from "./api-keys";

/** Lifetime of an access token. */
export const OAUTH_TOKEN_SECONDS = 15 * 60;

export const createOAuthClientInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(API_SCOPES)).min(1),
});

export async function createOAuthClient(db: Db, ctx: ServiceContext, raw: z.input<typeof createOAuthClientInput>) {
  const input = createOAuthClientInput.parse(raw);
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  const clientId = `rsc_${randomBytes(8).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  const client = await db.$transaction(async (tx) => {
    const row = await tx.oAuthClient.create({
      data: {
        clientId,
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
      action: "oauth_client.create",
      entityType: "OAuthClient",
      entityId: row.id,
      changes: { name: { before: null, after: row.name }, scopes: { before: null, after: row.scopes } },
    });
    return row;
  });
  return { id: client.id, clientId, name: client.name, scopes: client.scopes, clientSecret: secret };
}

export async function revokeOAuthClient(db: Db, ctx: ServiceContext, id: string) {
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  await db.$transaction(async (tx) => {
    const client = await tx.oAuthClient.findFirst({ where: { id, customerId, revokedAt: null } });
    if (!client) throw new ApiKeyNotFound("No such OAuth client.");
    const now = new Date();
    await tx.oAuthClient.update({ where: { id }, data: { revokedAt: now } });
    await tx.oAuthAccessToken.deleteMany({ where: { clientId: id } });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "oauth_client.revoke",
      entityType: "OAuthClient",
      entityId: id,
      changes: { revokedAt: { before: null, after: now.toISOString() } },
    });
  });
}

export async function listOAuthClients(db: Db, ctx: ServiceContext) {
  const customerId = await keyOwnerCustomer(db, ctx.actor);
  return db.oAuthClient.findMany({
    where: { customerId },
    select: {
      id: true,
      clientId: true,
      name: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
    orderBy: { createdAt: "desc" },
  });
}

/** An RFC 6749 §5.2 error answer. */
export class OAuthError extends Error {
  constructor(
    readonly error: "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope",
    readonly description: string,
  ) {
    super(description);
  }
  get status() {
    return this.error === "invalid_client" ? 401 : 400;
  }
}

const tokenRequest = z.object({
  grant_type: z.string(),
  scope: z.string().max(500).optional(),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
});

/** The client a token request authenticates as: HTTP Basic (client_secret_basic) or form fields (client_secret_post). */
function credentials(authorization: string | null, form: z.infer<typeof tokenRequest>) {
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? "")?.[1];
  if (basic) {
    if (form.client_secret !== undefined) {
      throw new OAuthError("invalid_request", "Use one client authentication method, not both.");
    }
    const decoded = Buffer.from(basic, "base64").toString();
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", "Malformed Basic credentials.");
    // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
    const decode = (part: string) => decodeURIComponent(part.replaceAll("+", " "));
    try {
      return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
    } catch {
      throw new OAuthError("invalid_client", "Malformed Basic credentials.");
    }
  }
  if (form.client_id && form.client_secret) return { clientId: form.client_id, secret: form.client_secret };
  throw new OAuthError("invalid_client", "Client authentication is required (HTTP Basic or client_id/client_secret).");
}

/** The client a credentials pair names, or null. */
export async function authenticateOAuthClient(db: Db, clientId: string, secret: string) {
  const client = await db.oAuthClient.findUnique({ where: { clientId } });
  const given = sha256(secret);
  // Compare against something even when the client is unknown, so timing says nothing.
  const stored = Buffer.from(client?.secretHash ?? "00".repeat(32), "hex");
  if (!timingSafeEqual(given, stored) || !client || client.revokedAt) return null;
  const actor = await loadActor(db, client.createdById);
  if (!actor || (client.customerId && actor.customerId !== client.customerId)) return null;
  return client;
}

/** POST /api/v1/oauth/token: the client's credentials for a bearer token with (some of) its scopes. */
export async function issueToken<T>(
  db: Db,
  authorization: string | null,
  fields: Record<string, string>,
  /** Runs once the client is known and before anything is written; a non-null answer stops there. */
  gate: (client: { id: string }) => Promise<T | null> = async () => null,
) {
  const parsed = tokenRequest.safeParse(fields);
  if (!parsed.success) throw new OAuthError("invalid_request", "grant_type is required.");
  const form = parsed.data;
  const { clientId, secret } = credentials(authorization, form);
  const client = await authenticateOAuthClient(db, clientId, secret);
  if (!client) throw new OAuthError("invalid_client", "Unknown client, wrong secret, or the client was revoked.");
  if (form.grant_type !== "client_credentials") {
    throw new OAuthError("unsupported_grant_type", "Only the client_credentials grant is supported.");
  }
  const asked = form.scope?.split(" ").filter(Boolean);
  const scopes = asked?.length ? asked : client.scopes;
  const extra = scopes.filter((s) => !client.scopes.includes(s));
  if (extra.length) throw new OAuthError("invalid_scope", `This client was not given: ${extra.join(" ")}.`);
  const stopped = await gate(client);
  if (stopped !== null) return { stopped };
  const token = `rso_${randomBytes(32).toString("base64url")}`;
  const now = new Date();
  await db.$transaction([
    db.oAuthAccessToken.deleteMany({ where: { clientId: client.id, expiresAt: { lt: now } } }),
    db.oAuthAccessToken.create({
      data: {
        tokenHash: sha256(token).toString("hex"),
        clientId: client.id,
        scopes,
        expiresAt: new Date(now.getTime() + OAUTH_TOKEN_SECONDS * 1000),
      },
    }),
    db.oAuthClient.update({ where: { id: client.id }, data: { lastUsedAt: now } }),
  ]);
  return {
    stopped: null,
    answer: { access_token: token, token_type: "Bearer", expires_in: OAUTH_TOKEN_SECONDS, scope: scopes.join(" ") },
  };
}

/** The caller an OAuth access token names, or null (unknown, expired, client revoked, creator gone). */
export async function authenticateOAuthToken(db: Db, token: string): Promise<ApiCaller | null> {
  if (!/^rso_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.oAuthAccessToken.findUnique({
    where: { tokenHash: sha256(token).toString("hex") },
    include: { client: true },
  });
  if (!row || row.expiresAt.getTime() <= Date.now() || row.client.revokedAt) return null;
  const actor = await loadActor(db, row.client.createdById);
  if (!actor) return null;
  if (row.client.customerId && actor.customerId !== row.client.customerId) return null;
  return {
    callerId: row.client.id,
    bucket: `client:${row.client.id}`,
    scopes: row.scopes,
    actor,
    customerId: row.client.customerId,
  };
}
