// OAuth 2.0 client credentials (RFC 6749 §4.4): a client (client_id "rsc_<hex>" + a secret shown
// once, stored as sha256) is made by the same people as API keys, with the same scopes; it trades
// its credentials at POST /api/v1/oauth/token for a short-lived bearer token ("rso_..."), which
// the API accepts wherever a key is. Revoking the client ends its tokens at once.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db";
import type { ServiceContext } from "../service-context";
import type { ApiCaller } from "./api-keys";
import {
  createCredential,
  credentialActor,
  credentialInput,
  keyOwnerCustomer,
  newSecret,
  revokeCredential,
  secretHash,
  secretMatches,
} from "./credentials";

/** Lifetime of an access token. */
export const OAUTH_TOKEN_SECONDS = 15 * 60;

export const createOAuthClientInput = credentialInput;

const OAUTH_CLIENT = { entityType: "OAuthClient", auditPrefix: "oauth_client" } as const;

export async function createOAuthClient(db: Db, ctx: ServiceContext, raw: z.input<typeof createOAuthClientInput>) {
  const clientId = `rsc_${randomBytes(8).toString("hex")}`;
  const { row: client, secret } = await createCredential(db, ctx, raw, OAUTH_CLIENT, (tx, fields) =>
    tx.oAuthClient.create({ data: { clientId, ...fields } }),
  );
  return { id: client.id, clientId, name: client.name, scopes: client.scopes, clientSecret: secret };
}

/** Revoking a client ends its access tokens at once. */
export async function revokeOAuthClient(db: Db, ctx: ServiceContext, id: string) {
  await revokeCredential(db, ctx, id, { ...OAUTH_CLIENT, missing: "No such OAuth client." }, async (tx, where, now) => {
    const revoked = await tx.oAuthClient.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 0) return false;
    await tx.oAuthAccessToken.deleteMany({ where: { clientId: id } });
    return true;
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
  if (!secretMatches(secret, client?.secretHash) || !client || client.revokedAt) return null;
  return (await credentialActor(db, client)) ? client : null;
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
  const token = `rso_${newSecret()}`;
  const now = new Date();
  await db.$transaction([
    db.oAuthAccessToken.deleteMany({ where: { clientId: client.id, expiresAt: { lt: now } } }),
    db.oAuthAccessToken.create({
      data: {
        tokenHash: secretHash(token),
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
    where: { tokenHash: secretHash(token) },
    include: { client: true },
  });
  if (!row || row.expiresAt.getTime() <= Date.now() || row.client.revokedAt) return null;
  const actor = await credentialActor(db, row.client);
  if (!actor) return null;
  return {
    callerId: row.client.id,
    bucket: `client:${row.client.id}`,
    scopes: row.scopes,
    actor,
    customerId: row.client.customerId,
  };
}
