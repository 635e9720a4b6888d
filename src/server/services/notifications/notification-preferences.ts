// A person's own notification preferences: which events reach them on which channel, each
// channel's rhythm, quiet hours for SMS and push. The screen lists only the events the person can
// be told of, with the defaults shown as they apply. A person only ever reads and changes their own.
import "server-only";
import { z } from "zod";
import {
  type Audience,
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  EVENT_LABELS,
  EVENT_TYPES,
  FREQUENCIES,
  type Frequency,
  actorKind,
  defaultEnabled,
  eventTypesFor,
  minutesOfDay,
  timeOfDay,
} from "~/domain";
import type { ActorWithIdentity } from "../../auth/actor";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";

/** The audiences a person is told as: a manager is office, technician, and their team's manager. */
export function audiencesOfActor(actor: Pick<ActorWithIdentity, "role" | "technician">): Audience[] {
  switch (actorKind(actor as ActorWithIdentity)) {
    case "customer":
      return ["customer"];
    case "admin":
      return ["office"];
    case "manager":
      return ["office", "technician", "team"];
    default:
      return ["technician"];
  }
}

export type PreferencesView = {
  events: { type: string; label: string; channels: Record<DeliveryChannel, boolean> }[];
  frequency: Record<DeliveryChannel, Frequency>;
  quietFrom: string | null;
  quietTo: string | null;
  hasPhone: boolean;
};

export async function myPreferences(db: Db, ctx: ServiceContext): Promise<PreferencesView> {
  const userId = ctx.actor.userId;
  const audiences = audiencesOfActor(ctx.actor);
  const choices = await db.notificationPreference.findMany({ where: { userId } });
  const settings = await db.notificationSettings.findUnique({ where: { userId } });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true } });
  const chosen = new Map(choices.map((c) => [`${c.eventType}|${c.channel}`, c.enabled]));
  return {
    events: eventTypesFor(audiences).map((type) => ({
      type,
      label: EVENT_LABELS[type],
      channels: Object.fromEntries(
        DELIVERY_CHANNELS.map((channel) => [
          channel,
          chosen.get(`${type}|${channel}`) ?? audiences.some((a) => defaultEnabled(type, channel, a)),
        ]),
      ) as Record<DeliveryChannel, boolean>,
    })),
    frequency: {
      EMAIL: (settings?.emailFrequency ?? "instant") as Frequency,
      SMS: (settings?.smsFrequency ?? "instant") as Frequency,
      PUSH: (settings?.pushFrequency ?? "instant") as Frequency,
    },
    quietFrom: settings?.quietFrom == null ? null : timeOfDay(settings.quietFrom),
    quietTo: settings?.quietTo == null ? null : timeOfDay(settings.quietTo),
    hasPhone: Boolean(user.phone),
  };
}

const timeText = z
  .string()
  .refine((v) => minutesOfDay(v) !== null, { message: "must be a time of day such as 21:00" })
  .nullable();

export const savePreferencesInput = z
  .object({
    events: z
      .array(
        z.object({
          type: z.enum(EVENT_TYPES),
          channels: z.partialRecord(z.enum(DELIVERY_CHANNELS), z.boolean()),
        }),
      )
      .max(EVENT_TYPES.length),
    frequency: z.partialRecord(z.enum(DELIVERY_CHANNELS), z.enum(FREQUENCIES)).optional(),
    quietFrom: timeText.optional(),
    quietTo: timeText.optional(),
  })
  .refine((v) => (v.quietFrom == null) === (v.quietTo == null), {
    message: "Quiet hours need both a start and an end, or neither",
    path: ["quietTo"],
  });

/** Saves the person's choices (as given; defaults stay defaults for what is not given). */
export async function saveMyPreferences(db: Db, ctx: ServiceContext, raw: z.input<typeof savePreferencesInput>) {
  const input = savePreferencesInput.parse(raw);
  const userId = ctx.actor.userId;
  const allowed = new Set<string>(eventTypesFor(audiencesOfActor(ctx.actor)));
  await db.$transaction(async (tx) => {
    for (const event of input.events) {
      if (!allowed.has(event.type)) continue;
      for (const [channel, enabled] of Object.entries(event.channels)) {
        await tx.notificationPreference.upsert({
          where: { userId_eventType_channel: { userId, eventType: event.type, channel } },
          create: { userId, eventType: event.type, channel, enabled },
          update: { enabled },
        });
      }
    }
    const settings = {
      ...(input.frequency?.EMAIL ? { emailFrequency: input.frequency.EMAIL } : {}),
      ...(input.frequency?.SMS ? { smsFrequency: input.frequency.SMS } : {}),
      ...(input.frequency?.PUSH ? { pushFrequency: input.frequency.PUSH } : {}),
      ...(input.quietFrom !== undefined
        ? {
            quietFrom: input.quietFrom === null ? null : minutesOfDay(input.quietFrom),
            quietTo: input.quietTo == null ? null : minutesOfDay(input.quietTo),
          }
        : {}),
    };
    await tx.notificationSettings.upsert({ where: { userId }, create: { userId, ...settings }, update: settings });
  });
  return myPreferences(db, ctx);
}

/**
 * The one-click unsubscribe: switches off one event type on a channel, or the whole channel (a
 * digest's link) for every event the person can be told of. Idempotent.
 */
export async function unsubscribe(
  db: Db,
  scope: { userId: string; channel: string; eventType: string | null },
): Promise<{ ok: boolean }> {
  if (!(DELIVERY_CHANNELS as readonly string[]).includes(scope.channel)) return { ok: false };
  const user = await db.user.findUnique({
    where: { id: scope.userId },
    select: { id: true, role: true, technician: { select: { isManager: true } } },
  });
  if (!user) return { ok: false };
  const audiences = audiencesOfActor({
    role: user.role,
    technician: user.technician
      ? ({ isManager: user.technician.isManager } as ActorWithIdentity["technician"])
      : undefined,
  });
  const types: string[] = scope.eventType ? [scope.eventType] : eventTypesFor(audiences);
  await db.$transaction(async (tx) => {
    for (const eventType of types) {
      await tx.notificationPreference.upsert({
        where: { userId_eventType_channel: { userId: user.id, eventType, channel: scope.channel } },
        create: { userId: user.id, eventType, channel: scope.channel, enabled: false },
        update: { enabled: false },
      });
    }
  });
  return { ok: true };
}
