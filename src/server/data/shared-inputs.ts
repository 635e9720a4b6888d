// Input shapes shared by several services. Only shape is checked here: whether a reason is
// required or an amount allowed is the domain's decision, so it answers with its own codes.
import "server-only";
import { z } from "zod";
import {
  CENTS_RANGE,
  COUNT_LIMITS,
  DATE_RANGE_TEXT,
  EARLIEST_DATE,
  FIELDS,
  INT4_MAX,
  INT4_MIN,
  LATEST_DATE,
  MAX_DAMAGE_MARKS,
  type TextField,
  checkText,
} from "~/domain/index";
import { AttachmentKind, PhotoStage } from "../db/generated/client";

/**
 * A text field as declared in src/domain/form-fields.ts: normalised (NFC, trimmed unless
 * multi-line), refused when it holds characters its kind may not hold or is too long.
 * `required`: refused when empty after trimming.
 */
export function textInput(spec: TextField, { required = false } = {}) {
  return z.string().transform((raw, ctx) => {
    const checked = checkText(raw, spec);
    if (!checked.ok) {
      ctx.addIssue({ code: "custom", message: checked.problem });
      return z.NEVER;
    }
    if (required && checked.value === "") {
      ctx.addIssue({ code: "custom", message: `${spec.label} is required.` });
      return z.NEVER;
    }
    return checked.value;
  });
}

/** Money in cents that the database's integer column can hold; whether it is allowed is the domain's decision. */
export const centsInput = z
  .number()
  .int()
  .min(CENTS_RANGE.min, "The amount is too far below zero.")
  .max(CENTS_RANGE.max, "The amount is at most $21,474,836.47.");

/** A count or setting stored in an integer column. */
export const int4Input = z.number().int().min(INT4_MIN).max(INT4_MAX);

/** A number within one of the domain's ranges (NUMBER_RANGES). */
export const rangeInput = (range: { min: number; max: number }) => z.number().min(range.min).max(range.max);

/** A date of the business's records, in the years the business works in. */
export const dateInput = z
  .date()
  .min(EARLIEST_DATE, `The date ${DATE_RANGE_TEXT}.`)
  .max(LATEST_DATE, `The date ${DATE_RANGE_TEXT}.`);

/** A coordinate normalized to a photo's width or height. */
const unitInterval = z.number().min(0).max(1);

/** Metadata of a photo, voice note or signature taken on the device; the bytes are uploaded separately. */
export const attachmentInput = z.object({
  id: z.uuid(),
  kind: z.enum(AttachmentKind),
  photoStage: z.enum(PhotoStage).optional(),
  /** An after photo's "before": the damage photo of the same repair it shows repaired. */
  pairedWithId: z.uuid().optional(),
  mimeType: textInput(FIELDS.mimeType, { required: true }),
  sizeBytes: z.number().int().positive().max(COUNT_LIMITS.attachmentBytes),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex sha256"),
  /** Circles and arrows drawn over a damage photo; absent from older devices' entries. */
  marks: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("circle"), cx: unitInterval, cy: unitInterval, r: unitInterval.positive() }),
        z.object({
          kind: z.literal("arrow"),
          x1: unitInterval,
          y1: unitInterval,
          x2: unitInterval,
          y2: unitInterval,
        }),
      ]),
    )
    .max(MAX_DAMAGE_MARKS)
    .optional(),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;

export const attachmentsInput = z.array(attachmentInput).max(COUNT_LIMITS.attachmentsPerRepair).default([]);

export const reasonInput = textInput(FIELDS.reason);

/** One or many repairs decided together, all or nothing. */
export const repairIdsInput = z.array(z.uuid()).min(1).max(COUNT_LIMITS.repairsPerDecision);

export const hasPhoto = (attachments: readonly AttachmentInput[], stage: PhotoStage) =>
  attachments.some((a) => a.kind === "PHOTO" && a.photoStage === stage);
