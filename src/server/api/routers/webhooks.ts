// Webhook subscriptions for the "Webhooks" screens: admins manage business-wide and any
// customer's, a customer's primary contact its own customer's (the services refuse everyone
// else). The secret is in create's and rotateSecret's answers only.
import "server-only";
import {
  createWebhookInput,
  replayWebhookDeliveryInput,
  setWebhookEnabledInput,
  webhookDeliveriesInput,
  webhookIdInput,
} from "~/server/data/webhooks/webhook-inputs";
import { createWebhook } from "~/server/services/webhooks/create-webhook";
import { deleteWebhook } from "~/server/services/webhooks/delete-webhook";
import { listWebhookDeliveries } from "~/server/services/webhooks/list-webhook-deliveries";
import { listWebhooks } from "~/server/services/webhooks/list-webhooks";
import { pingWebhook } from "~/server/services/webhooks/ping-webhook";
import { replayWebhookDelivery } from "~/server/services/webhooks/replay-webhook-delivery";
import { rotateWebhookSecret } from "~/server/services/webhooks/rotate-webhook-secret";
import { setWebhookEnabled } from "~/server/services/webhooks/set-webhook-enabled";
import { createTRPCRouter, procedureFor } from "../trpc";

const webhookManagers = procedureFor("admin", "customer");

export const webhooksRouter = createTRPCRouter({
  list: webhookManagers.query(({ ctx }) => listWebhooks(ctx.db, ctx)),
  create: webhookManagers.input(createWebhookInput).mutation(({ ctx, input }) => createWebhook(ctx.db, ctx, input)),
  setEnabled: webhookManagers
    .input(setWebhookEnabledInput)
    .mutation(({ ctx, input }) => setWebhookEnabled(ctx.db, ctx, input)),
  rotateSecret: webhookManagers
    .input(webhookIdInput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx, input)),
  delete: webhookManagers.input(webhookIdInput).mutation(({ ctx, input }) => deleteWebhook(ctx.db, ctx, input)),
  deliveries: webhookManagers
    .input(webhookDeliveriesInput)
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx, input)),
  replay: webhookManagers
    .input(replayWebhookDeliveryInput)
    .mutation(({ ctx, input }) => replayWebhookDelivery(ctx.db, ctx, input)),
  ping: webhookManagers.input(webhookIdInput).mutation(({ ctx, input }) => pingWebhook(ctx.db, ctx, input)),
});
