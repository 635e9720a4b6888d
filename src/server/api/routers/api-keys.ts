// Public API keys for the "API keys" screens: admins manage business-wide keys, a customer's
// primary contact that customer's keys (the service refuses everyone else). The secret is in
// create's answer only. OAuth clients are managed here too.
import "server-only";
import { z } from "zod";
import { createApiKey, createApiKeyInput, listApiKeys, revokeApiKey } from "~/server/public-api/api-keys";
import {
  createOAuthClient,
  createOAuthClientInput,
  listOAuthClients,
  revokeOAuthClient,
} from "~/server/public-api/oauth";
import { createTRPCRouter, procedureFor } from "../trpc";

const keyManagers = procedureFor("admin", "customer");

export const apiKeysRouter = createTRPCRouter({
  list: keyManagers.query(({ ctx }) => listApiKeys(ctx.db, ctx)),
  create: keyManagers.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx, input)),
  revoke: keyManagers
    .input(z.strictObject({ id: z.uuid() }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx, input.id)),
  // OAuth 2.0 clients (client credentials): the same owners and scopes as keys; the secret in create's answer only.
  clients: keyManagers.query(({ ctx }) => listOAuthClients(ctx.db, ctx)),
  createClient: keyManagers
    .input(createOAuthClientInput)
    .mutation(({ ctx, input }) => createOAuthClient(ctx.db, ctx, input)),
  revokeClient: keyManagers
    .input(z.strictObject({ id: z.uuid() }))
    .mutation(({ ctx, input }) => revokeOAuthClient(ctx.db, ctx, input.id)),
});
