// The inputs of the webhook use cases, shared by the tRPC router and the public API's routes.
import "server-only";
import { z } from "zod";
import { WEBHOOK_EVENT_NAMES } from "~/domain/events";
import { pageInput } from "../page";

export const WEBHOOK_EVENTS = Object.values(WEBHOOK_EVENT_NAMES);

export const createWebhookInput = z.strictObject({
  url: z.string().trim().min(1, "Enter the receiver's URL.").max(2000),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, "Choose at least one event.")
    .refine((list) => new Set(list).size === list.length, "An event is listed twice."),
  /** Admins only: the customer whose events it receives; null or absent = business-wide. */
  customerId: z.uuid().nullish(),
});
export type CreateWebhookInput = z.input<typeof createWebhookInput>;

export const webhookIdInput = z.strictObject({ id: z.uuid() });

export const setWebhookEnabledInput = z.strictObject({ id: z.uuid(), enabled: z.boolean() });

/** Not strict: tRPC's infinite queries add their own `direction`, dropped here. */
export const webhookDeliveriesInput = z.object({ id: z.uuid(), ...pageInput(20, 100) });

export const replayWebhookDeliveryInput = z.strictObject({ deliveryId: z.uuid() });
