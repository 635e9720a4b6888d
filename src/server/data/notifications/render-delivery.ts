// A delivery's message, rendered when it is first tried from the events it gathered: one mail
// listing every unit of a walk, a digest listing the period's news, a short text for SMS and push.
import "server-only";
import { randomBytes } from "node:crypto";
import { AUDIENCE_HOME, type Audience, type EventType, notificationTitle } from "~/domain";
import { type DigestSection, renderDigest, renderEmail, unsubscribeHeaders } from "~/domain/notification-email";
import { config } from "../../config";
import type { Db } from "../../db";
import type { OutgoingMessage } from "../../notifications/channel";
import { UNSUBSCRIBE_PATH } from "../../notifications/email-message";
import { signUnsubscribeToken } from "../../notifications/unsubscribe-token";
import { surveyOfEvent, surveyPath } from "../quality/survey-token";

export type DeliveryToRender = {
  id: string;
  channel: string;
  audience: string;
  eventType: string;
  eventIds: unknown;
  frequency: string;
  user: { id: string; name: string; email: string; phone: string | null };
};

// Without NEXTAUTH_SECRET (tests), a per-process key: links then work only on the instance that made them.
const fallbackSecret = randomBytes(32).toString("hex");

export function publicBaseUrl(): string {
  return (config().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

export function unsubscribeSecret(): string {
  return config().NEXTAUTH_SECRET ?? fallbackSecret;
}

/** The page an event's message links to: a survey's own page (signed link), else its screen. */
function eventUrl(audience: Audience, event: { repairId: string | null; payload: unknown } | undefined, repairId: string | null) {
  const survey = event ? surveyOfEvent(event) : null;
  return survey ? `${publicBaseUrl()}${surveyPath(survey)}` : screenUrl(audience, repairId);
}

/** The screen a notification opens: a customer's repair on the portal, else the person's home. */
export function screenUrl(audience: Audience, repairId: string | null): string {
  const home = AUDIENCE_HOME[audience];
  const path = audience === "customer" && repairId ? `${home}?repair=${repairId}#repair-${repairId}` : home;
  return `${publicBaseUrl()}${path}`;
}

type EventFacts = { id: string; type: string; customerId: string | null; repairId: string | null; payload: unknown };

/** What rendering needs of the events, customers and units of a round of deliveries, read at once. */
export type RenderFacts = {
  events: Map<string, EventFacts>;
  customerName: Map<string, string>;
  unitOf: Map<string, string>;
};

/** The repairs an event is about: its own, or those an office message names. */
function repairsOf(event: { repairId: string | null; payload: unknown }): string[] {
  const named = (event.payload as { repairIds?: unknown } | null)?.repairIds;
  if (Array.isArray(named)) return named.filter((id): id is string => typeof id === "string");
  return event.repairId ? [event.repairId] : [];
}

const eventIdsOf = (delivery: Pick<DeliveryToRender, "eventIds">): string[] =>
  Array.isArray(delivery.eventIds) ? (delivery.eventIds as string[]) : [];

export async function loadRenderFacts(
  db: Db,
  deliveries: readonly Pick<DeliveryToRender, "eventIds">[],
): Promise<RenderFacts> {
  const ids = [...new Set(deliveries.flatMap(eventIdsOf))];
  const events = await db.domainEvent.findMany({
    where: { id: { in: ids } },
    select: { id: true, type: true, customerId: true, repairId: true, payload: true },
  });
  const customerIds = [...new Set(events.flatMap((e) => (e.customerId ? [e.customerId] : [])))];
  const repairIds = [...new Set(events.flatMap(repairsOf))];
  const customers = await db.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true } });
  const repairs = await db.repair.findMany({
    where: { id: { in: repairIds } },
    select: { id: true, unit: { select: { unitNumber: true } } },
  });
  return {
    events: new Map(events.map((e) => [e.id, e])),
    customerName: new Map(customers.map((c) => [c.id, c.name])),
    unitOf: new Map(repairs.map((r) => [r.id, r.unit.unitNumber])),
  };
}

export function renderDelivery(facts: RenderFacts, delivery: DeliveryToRender): OutgoingMessage {
  const audience = delivery.audience as Audience;
  // In the order they were gathered (the order they happened).
  const events = eventIdsOf(delivery).flatMap((id) => (facts.events.has(id) ? [facts.events.get(id)!] : []));
  const repairIds = [...new Set(events.flatMap(repairsOf))];
  const { customerName, unitOf } = facts;
  const recipient = { userId: delivery.user.id, name: delivery.user.name, email: delivery.user.email, phone: delivery.user.phone };
  const first = events[0];
  const message = typeof (first?.payload as { message?: unknown } | null)?.message === "string"
    ? ((first!.payload as { message: string }).message)
    : null;
  const url = eventUrl(audience, first, repairIds.length === 1 ? repairIds[0]! : (first?.repairId ?? null));
  const digest = delivery.frequency !== "instant";
  const eventType = (first?.type ?? delivery.eventType) as EventType;

  if (delivery.channel !== "EMAIL") {
    const title = digest
      ? `${events.length} updates (${delivery.frequency} summary)`
      : message
        ? `Message from the office: ${message}`
        : notificationTitle(eventType, Math.max(1, repairIds.length), audience);
    return { deliveryId: delivery.id, recipient, subject: title, text: `${title} ${url}`, url };
  }

  const token = signUnsubscribeToken(
    { userId: delivery.user.id, channel: "EMAIL", eventType: digest ? null : eventType },
    unsubscribeSecret(),
  );
  const unsubscribeUrl = `${publicBaseUrl()}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
  const rendered = digest
    ? renderDigest({
        recipientName: delivery.user.name,
        frequency: delivery.frequency,
        sections: digestSections(events, audience, customerName),
        unsubscribeUrl,
      })
    : renderEmail({
        type: eventType,
        recipientName: delivery.user.name,
        customerName: first?.customerId ? (customerName.get(first.customerId) ?? null) : null,
        items: repairIds.flatMap((id) => (unitOf.has(id) ? [{ unitNumber: unitOf.get(id)! }] : [])),
        url,
        unsubscribeUrl,
        message,
      });
  return { deliveryId: delivery.id, recipient, ...rendered, url, headers: unsubscribeHeaders(unsubscribeUrl) };
}

/**
 * A digest's lines: one per event type and customer, counting; but one per survey, since a
 * survey's link opens that survey alone.
 */
function digestSections(
  events: readonly { type: string; customerId: string | null; repairId: string | null; payload: unknown }[],
  audience: Audience,
  customerName: Map<string, string>,
): DigestSection[] {
  const sections = new Map<string, DigestSection>();
  for (const event of events) {
    const survey = surveyOfEvent(event);
    const key = survey ? `survey|${survey}|${event.type}` : `${event.type}|${event.customerId ?? ""}`;
    const section = sections.get(key);
    if (section) section.count += 1;
    else
      sections.set(key, {
        type: event.type as EventType,
        count: 1,
        customerName: event.customerId ? (customerName.get(event.customerId) ?? null) : null,
        url: eventUrl(audience, event, event.repairId),
      });
  }
  return [...sections.values()];
}
