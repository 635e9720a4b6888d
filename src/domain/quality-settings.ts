// The business's quality rules an admin sets (BusinessSettings.qualitySettings, one JSON value):
// warn or refuse per photo check, warranty months and required completion steps per damage type,
// the peer-review share and the training-flag thresholds. Read with defaults, so a value saved by
// an older build, or none, still gives a whole set.
import { DAMAGE_TYPES, type DamageTypeName } from "./damage";
import { PEER_REVIEW_DEFAULT_PERCENT } from "./peer-review";
import { type PhotoCheck, type PhotoCheckPolicy, WARN_ON_EVERY_CHECK } from "./photo-checks";
import { TRAINING_THRESHOLDS_DEFAULT, type TrainingThresholds } from "./training-flags";
import { WARRANTY_MONTHS_DEFAULT } from "./warranty";

export type QualitySettings = {
  photoChecks: PhotoCheckPolicy;
  /** Every damage photo needs its after photo (a before/after pair) before the repair is completed. */
  requirePhotoPairs: boolean;
  warrantyMonths: Record<DamageTypeName, number>;
  /** Steps a repair of this damage type must have ticked before it is completed. */
  completionSteps: Record<DamageTypeName, string[]>;
  peerReviewPercent: number;
  training: TrainingThresholds;
};

export const QUALITY_SETTINGS_DEFAULT: QualitySettings = {
  photoChecks: WARN_ON_EVERY_CHECK,
  requirePhotoPairs: false,
  warrantyMonths: WARRANTY_MONTHS_DEFAULT,
  completionSteps: Object.fromEntries(DAMAGE_TYPES.map((t) => [t, []])) as unknown as Record<DamageTypeName, string[]>,
  peerReviewPercent: PEER_REVIEW_DEFAULT_PERCENT,
  training: TRAINING_THRESHOLDS_DEFAULT,
};

export const QUALITY_LIMITS = {
  warrantyMonths: { min: 0, max: 120 },
  completionSteps: { maxItems: 12, maxLength: 120 },
  peerReviewPercent: { min: 0, max: 100 },
} as const;

export const PHOTO_CHECK_LABELS: Record<PhotoCheck, string> = {
  blur: "Blurred photo",
  exposure: "Too dark or too bright",
  size: "Too small",
};

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const wholeIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** The settings as stored: each known value kept when valid, every other at its default. */
export function readQualitySettings(stored: unknown): QualitySettings {
  const source = isRecord(stored) ? stored : {};
  const d = QUALITY_SETTINGS_DEFAULT;
  const photo = isRecord(source.photoChecks) ? source.photoChecks : {};
  const months = isRecord(source.warrantyMonths) ? source.warrantyMonths : {};
  const steps = isRecord(source.completionSteps) ? source.completionSteps : {};
  const training = isRecord(source.training) ? source.training : {};
  const num = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fallback);
  return {
    photoChecks: {
      blur: photo.blur === "refuse" ? "refuse" : "warn",
      exposure: photo.exposure === "refuse" ? "refuse" : "warn",
      size: photo.size === "refuse" ? "refuse" : "warn",
    },
    requirePhotoPairs: source.requirePhotoPairs === true,
    warrantyMonths: Object.fromEntries(
      DAMAGE_TYPES.map((t) => [
        t,
        wholeIn(months[t], QUALITY_LIMITS.warrantyMonths.min, QUALITY_LIMITS.warrantyMonths.max)
          ? months[t]
          : d.warrantyMonths[t],
      ]),
    ) as Record<DamageTypeName, number>,
    completionSteps: Object.fromEntries(
      DAMAGE_TYPES.map((t) => {
        const list = steps[t];
        return [
          t,
          Array.isArray(list)
            ? list
                .filter((s): s is string => typeof s === "string" && s.trim() !== "")
                .map((s) => s.trim().slice(0, QUALITY_LIMITS.completionSteps.maxLength))
                .slice(0, QUALITY_LIMITS.completionSteps.maxItems)
            : [],
        ];
      }),
    ) as Record<DamageTypeName, string[]>,
    peerReviewPercent: wholeIn(source.peerReviewPercent, 0, 100) ? source.peerReviewPercent : d.peerReviewPercent,
    training: {
      maxCallbackPercent: num(training.maxCallbackPercent, d.training.maxCallbackPercent),
      minSurveyAverage: num(training.minSurveyAverage, d.training.minSurveyAverage),
      minReviewAverage: num(training.minReviewAverage, d.training.minReviewAverage),
      minSample: num(training.minSample, d.training.minSample),
    },
  };
}
