// The site contact signs the walk's summary on the technician's device, often offline: the walk
// is completed with the summary exactly as it was shown, and the signature's metadata (its
// bytes follow by upload). A resent finish answers with the walk as it is.
import "server-only";
import { z } from "zod";
import { FIELDS, NUMBER_RANGES, assertAllowed, walkFinishStep } from "~/domain";
import type { Db, DbTx } from "../../db";
import { DamageType, type LotWalk } from "../../db/generated/client";
import { InvalidRequest, NotFound } from "../../errors";
import { assertAcceptableAttachments } from "../../data/attachments/accept-attachments";
import { auditChange } from "../../data/audit-change";
import { recordEvents } from "../../data/events/record-event";
import { walkCompletedEvent } from "../../data/events/walk-events";
import type { ServiceContext } from "../../service-context";
import { retryOnDuplicateId } from "../../data/retry-on-duplicate-id";
import { attachmentInput, centsInput, dateInput, rangeInput, textInput } from "../../data/shared-inputs";

/** What the contact saw when signing; strict, so what is stored is exactly what was shown. */
export const signedSummaryInput = z.strictObject({
  units: z
    .array(
      z.strictObject({
        unitNumber: textInput(FIELDS.unitNumber, { required: true }),
        repairs: z
          .array(z.strictObject({ id: z.uuid(), damageType: z.enum(DamageType), estimateCents: centsInput.min(0) }))
          .max(NUMBER_RANGES.repairsPerSummaryUnit.max),
      }),
    )
    .max(NUMBER_RANGES.unitsPerWalkSummary.max),
  totalCents: centsInput.min(0),
});

export const finishWalkInput = z.object({
  walkId: z.uuid(),
  endedAt: dateInput,
  /** When the contact signed; the end of the walk unless the device says otherwise. */
  signedAt: dateInput.optional(),
  latitude: rangeInput(NUMBER_RANGES.latitude).optional(),
  longitude: rangeInput(NUMBER_RANGES.longitude).optional(),
  accuracyM: z.number().min(0).optional(),
  siteContactName: textInput(FIELDS.siteContactName, { required: true }),
  signedSummary: signedSummaryInput,
  signature: attachmentInput.refine((a) => a.kind === "SIGNATURE", {
    message: "the signature is an attachment of kind SIGNATURE",
  }),
});
export type FinishWalkInput = z.input<typeof finishWalkInput>;
type Finish = z.output<typeof finishWalkInput>;

export async function finishWalk(db: Db, ctx: ServiceContext, raw: FinishWalkInput): Promise<LotWalk> {
  const input = finishWalkInput.parse(raw);
  assertAcceptableAttachments([input.signature]);
  return retryOnDuplicateId(() => db.$transaction((tx) => finish(tx, ctx, input)));
}

async function finish(tx: DbTx, ctx: ServiceContext, input: Finish): Promise<LotWalk> {
  // Two devices (or a background and a foreground sync) finishing at once: one after the other.
  await tx.$queryRaw`SELECT 1 FROM "LotWalk" WHERE id = ${input.walkId}::uuid FOR UPDATE`;
  const walk = await tx.lotWalk.findUnique({ where: { id: input.walkId } });
  if (!walk) throw new NotFound("Walk");
  assertAllowed(ctx.actor, "walk.write", walk);
  if (walkFinishStep(walk.status) === "replay") return replayed(tx, walk, input);

  // Device clocks run ahead sometimes; the server's clock bounds what the device reports.
  const now = new Date();
  const endedAt = earlier(input.endedAt, now);
  const after = await tx.lotWalk.update({
    where: { id: walk.id },
    data: {
      status: "COMPLETED",
      endedAt,
      endLatitude: input.latitude,
      endLongitude: input.longitude,
      endAccuracyM: input.accuracyM,
      siteContactName: input.siteContactName,
      signedSummary: input.signedSummary,
      signedAt: earlier(input.signedAt ?? endedAt, now),
    },
  });
  const { signature } = input;
  await tx.attachment.create({
    data: { ...signature, photoStage: null, walkId: walk.id, createdById: ctx.actor.userId },
  });
  await auditChange(tx, ctx, {
    action: "walk.finish",
    entityType: "LotWalk",
    entityId: walk.id,
    before: walk,
    after,
    extra: { signature: { before: null, after: signature.id } },
  });
  await recordEvents(tx, [walkCompletedEvent(after, ctx.actor.userId)]);
  return after;
}

/** The same finish again is answered with the walk; another signature on a finished walk is refused. */
async function replayed(tx: DbTx, walk: LotWalk, input: Finish): Promise<LotWalk> {
  const signature = await tx.attachment.findFirst({
    where: { id: input.signature.id, walkId: walk.id },
    select: { id: true },
  });
  if (!signature)
    throw new InvalidRequest("WALK_ALREADY_FINISHED", "This walk was already finished with another signature.");
  return walk;
}

const earlier = (a: Date, b: Date) => (a < b ? a : b);
