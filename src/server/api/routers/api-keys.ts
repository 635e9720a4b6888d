// Public API keys for the "API keys" screens: admins manage business-wide keys, a customer's
// primary contact that customer's keys (the service refuses everyone else). The secret is in
// create's answer only.
import "server-only";
import { z } from "zod";
import { createApiKey, createApiKeyInput, listApiKeys, revokeApiKey } from "~/server/public-api/api-keys";
import { createTRPCRouter, procedureFor } from "../trpc";

const keyManagers = procedureFor("admin", "customer");

export const apiKeysRouter = createTRPCRouter({
  list: keyManagers.query(({ ctx }) => listApiKeys(ctx.db, ctx)),
  create: keyManagers.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx, input)),
  revoke: keyManagers
    .input(z.strictObject({ id: z.uuid() }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx, input.id)),
});
