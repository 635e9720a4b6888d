// What sync.prepare and sync.push answer (docs/sync-protocol.md §1–2), checked by the router on
// the way out. The device stores these shapes and takes their types from here (type-only
// imports, src/client/sync/contract.ts): a field renamed on the server fails the device's type
// check instead of storing `undefined` (tests/types/sync-contract.ts holds both sides together).
import "server-only";
import { z } from "zod";
import { MUTATION_TYPES, type MutationType } from "~/domain";
import {
  ApprovalKind,
  DamageType,
  PartsRequestStatus,
  PartsUrgency,
  PhotoStage,
  type Prisma,
  PriceSource,
  RepairOrigin,
  RepairStatus,
  ResinViscosity,
  WalkOrigin,
  WalkStatus,
} from "../../db/generated/client";

const int = z.number().int();

// ── sync.prepare ────────────────────────────────────────────────────────────────────────────

export const preparedWalkOutput = z.object({
  id: z.string(),
  customerId: z.string(),
  status: z.enum(["SCHEDULED", "IN_PROGRESS"]),
  scheduledFor: z.date().nullable(),
  /** Local start time "HH:MM" of a planned walk; null = any time that day. */
  scheduledTime: z.string().nullable(),
  /** Where the walk happens (the customer's site), for the day's list and its driving order. */
  site: z.object({ name: z.string(), latitude: z.number(), longitude: z.number() }).nullable(),
  startedAt: z.date().nullable(),
});

const tierCents = int.nullable();
export const preparedCustomerOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** Starred by this technician: listed first on the device, offline too. */
  favorite: z.boolean(),
  address: z.string().nullable(),
  settingsVersion: int,
  approval: z.object({
    autoApproveLotRepairs: z.boolean(),
    maxAutoApproveCents: int,
    requirePhotoForApproval: z.boolean(),
  }),
  pricing: z.object({
    version: int,
    useCustomPricing: z.boolean(),
    tiersCents: z.tuple([tierCents, tierCents, tierCents, tierCents, tierCents]),
    volumeDiscountThreshold: int,
    volumeDiscountBasisPoints: int,
  }),
  completedThisMonth: int,
  /** The customer's completion checklist, ticked when a capture is fixed on the spot; [] for none. */
  completionChecklist: z.array(z.string()),
});

export const preparedRepairOutput = z.object({
  id: z.string(),
  damageType: z.enum(DamageType),
  status: z.enum(RepairStatus),
  completedAt: z.date().nullable(),
  priceCents: int.nullable(),
  tierOrdinal: int.nullable(),
});

export const preparedUnitOutput = z.object({
  id: z.string(),
  customerId: z.string(),
  unitNumber: z.string(),
  /** What a scanned code is matched against on the device (migration 0028); absent from an older server's answer. */
  assetTag: z.string().nullable().optional(),
  vin: z.string().nullable().optional(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  windshieldSeq: int,
  completedOnWindshield: int,
  openRepairs: int,
  history: z.array(preparedRepairOutput),
});

/** A photo of an assigned repair; `uploaded`: its bytes can be fetched (and kept for offline). */
export const preparedWorkPhotoOutput = z.object({
  id: z.string(),
  stage: z.enum(PhotoStage).nullable(),
  mimeType: z.string(),
  uploaded: z.boolean(),
  /** An after photo's damage photo (its "before"); absent from an older server's answer. */
  pairedWithId: z.string().nullable().optional(),
});

/** A repair assigned to the technician, or approved on their walk, still to be done (My work). */
export const preparedWorkOutput = z.object({
  id: z.string(),
  status: z.enum(["APPROVED", "ASSIGNED", "IN_PROGRESS"]),
  origin: z.enum(RepairOrigin),
  customerId: z.string(),
  customerName: z.string(),
  /** The customer's address (the day's route, with sites, is `today`). */
  siteAddress: z.string().nullable(),
  unitId: z.string(),
  unitNumber: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  damageType: z.enum(DamageType),
  damagePosition: z.string().nullable(),
  customerNotes: z.string(),
  technicianNotes: z.string(),
  /** The current estimate; the price is frozen by the server at completion. */
  estimateCents: int.nullable(),
  approvalKind: z.enum(ApprovalKind).nullable(),
  approvedAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  createdAt: z.date(),
  /** Marked urgent by the office or a technician: listed first. */
  urgent: z.boolean(),
  /**
   * The completion checklist: the customer's required items, then the checklist of the template
   * the repair was captured with, each once; every item is confirmed on the work screen to complete.
   */
  completionChecklist: z.array(z.string()),
  photos: z.array(preparedWorkPhotoOutput),
});

/** Unassigned work at a customer the technician may serve: Assign to Me on the phone (online only). */
export const preparedOpenWorkOutput = preparedWorkOutput.extend({ status: z.enum(["REQUESTED", "APPROVED"]) });

/** The message thread of a repair of My work, readable offline (its newest messages, oldest first). */
export const preparedThreadOutput = z.object({
  threadId: z.string(),
  repairId: z.string(),
  title: z.string(),
  unread: int,
  messages: z.array(
    z.object({
      id: z.string(),
      body: z.string(),
      side: z.enum(["customer", "office", "technician"]),
      authorName: z.string(),
      mine: z.boolean(),
      createdAt: z.date(),
    }),
  ),
});

/** A repair template the technician may apply when capturing (company-wide or their own). */
export const preparedTemplateOutput = z.object({
  id: z.string(),
  name: z.string(),
  damageType: z.enum(DamageType),
  damagePosition: z.string().nullable(),
  notes: z.string(),
  checklist: z.array(z.string()),
});

/** One stop of the day's driving order (see src/server/data/route/technician-day.ts). */
export const preparedDayStopOutput = z.object({
  kind: z.enum(["walk", "repair"]),
  id: z.string(),
  position: int,
  customerId: z.string(),
  customerName: z.string(),
  siteName: z.string(),
  address: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  legKm: z.number(),
  eta: z.string(),
  plannedTime: z.string().nullable(),
  waitMinutes: int,
  lateByMinutes: int,
  serviceMinutes: int,
  status: z.string(),
  unitNumber: z.string(),
});

/** The technician's day (today, in the business's time zone) in driving order. */
export const preparedDayOutput = z.object({
  day: z.string(),
  startTime: z.string(),
  startKind: z.enum(["base", "lastPosition"]).nullable(),
  stops: z.array(preparedDayStopOutput),
  unlocated: z.array(
    z.object({
      kind: z.enum(["walk", "repair"]),
      id: z.string(),
      customerName: z.string(),
      plannedTime: z.string().nullable(),
      status: z.string(),
      unitNumber: z.string(),
    }),
  ),
  totalKm: z.number(),
});

export const prepareOutput = z.object({
  preparedAt: z.date(),
  technician: z.object({ id: z.string(), name: z.string() }),
  walks: z.array(preparedWalkOutput),
  customers: z.array(preparedCustomerOutput),
  units: z.array(preparedUnitOutput),
  myWork: z.array(preparedWorkOutput),
  openWork: z.array(preparedOpenWorkOutput),
  templates: z.array(preparedTemplateOutput),
  today: preparedDayOutput,
  /**
   * The admin's quality rules the phone applies offline: warn or refuse per photo check, and the
   * completion steps per damage type (migration 0025); absent from an older server's answer.
   */
  quality: z
    .object({
      photoChecks: z.object({
        blur: z.enum(["warn", "refuse"]),
        exposure: z.enum(["warn", "refuse"]),
        size: z.enum(["warn", "refuse"]),
      }),
      completionSteps: z.record(z.enum(DamageType), z.array(z.string())),
      /** Every damage photo needs its paired after photo to complete; absent from an older server's answer. */
      requirePhotoPairs: z.boolean().optional(),
    })
    .optional(),
  /** Message threads of My work's repairs (migration 0018); absent from an older server's answer. */
  threads: z.array(preparedThreadOutput).optional(),
});

export type PreparedWalk = z.output<typeof preparedWalkOutput>;
export type PreparedCustomer = z.output<typeof preparedCustomerOutput>;
export type PreparedTemplate = z.output<typeof preparedTemplateOutput>;
export type PreparedRepair = z.output<typeof preparedRepairOutput>;
export type PreparedUnit = z.output<typeof preparedUnitOutput>;
export type PreparedWork = z.output<typeof preparedWorkOutput>;
export type PreparedDay = z.output<typeof preparedDayOutput>;
export type PreparedOpenWork = z.output<typeof preparedOpenWorkOutput>;
export type PreparedThread = z.output<typeof preparedThreadOutput>;
export type PrepareSnapshot = z.output<typeof prepareOutput>;

// ── sync.push ───────────────────────────────────────────────────────────────────────────────

const nullableDate = z.date().nullable();
const nullableString = z.string().nullable();
const nullableInt = int.nullable();
const nullableNumber = z.number().nullable();

/** The repair as staff see it (repairView): the answer to a repair.capture. */
export const repairViewOutput = z.object({
  id: z.string(),
  customerId: z.string(),
  unitId: z.string(),
  windshieldSeq: int,
  walkId: nullableString,
  technicianId: nullableString,
  /** Why the technician was chosen, when smart assignment chose or recommended them. */
  assignmentReasons: z.custom<Prisma.JsonValue | null>((value) => value !== undefined),
  siteId: nullableString,
  origin: z.enum(RepairOrigin),
  status: z.enum(RepairStatus),
  jobId: nullableString,
  breakIndex: int,
  damageType: z.enum(DamageType),
  damagePosition: nullableString,
  customerNotes: z.string(),
  technicianNotes: z.string().optional(),
  drilledBeforeRepair: z.boolean().nullable(),
  windshieldTemperatureC: nullableNumber,
  resinViscosity: z.enum(ResinViscosity).nullable(),
  latitude: nullableNumber,
  longitude: nullableNumber,
  gpsAccuracyM: nullableNumber,
  capturedAt: nullableDate,
  estimateCents: nullableInt,
  estimateOrdinal: nullableInt,
  estimateSource: z.enum(PriceSource).nullable(),
  deviceEstimateCents: nullableInt.optional(),
  deviceAutoApproved: z.boolean().nullable().optional(),
  flaggedReason: nullableString.optional(),
  flagResolvedAt: nullableDate.optional(),
  flagResolvedById: nullableString.optional(),
  flagResolutionNote: nullableString.optional(),
  priceCents: nullableInt,
  tierOrdinal: nullableInt,
  priceSource: z.enum(PriceSource).nullable(),
  pricingVersion: nullableInt,
  overrideCents: nullableInt,
  overrideReason: nullableString,
  overriddenById: nullableString,
  overriddenAt: nullableDate,
  approvalKind: z.enum(ApprovalKind).nullable(),
  approvalRule: nullableString,
  approvalReason: nullableString,
  approvedById: nullableString,
  approvedAt: nullableDate,
  deniedById: nullableString,
  deniedAt: nullableDate,
  denialReason: nullableString,
  cancelledById: nullableString,
  cancelledAt: nullableDate,
  cancelReason: nullableString,
  startedAt: nullableDate,
  completedAt: nullableDate,
  invoicedAt: nullableDate,
  closedAt: nullableDate,
  // Quick actions (migration 0010): urgency, follow-up link, a template's checklist.
  urgent: z.boolean(),
  urgentAt: nullableDate,
  urgentById: nullableString,
  followUpOfId: nullableString,
  dueAt: nullableDate,
  checklist: z.custom<Prisma.JsonValue>((value) => value !== undefined),
  templateId: nullableString,
  /** The customer's completion checklist as confirmed at completion (migration 0011), or null. */
  completionChecklist: z.custom<Prisma.JsonValue | null>((value) => value !== undefined),
  /** A warranty claim's follow-up: the repair it redoes, at $0 (migration 0025). */
  warrantyOfId: nullableString,
  createdById: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** The walk as it stands after a walk.start or walk.finish. */
export const lotWalkOutput = z.object({
  id: z.string(),
  customerId: z.string(),
  technicianId: nullableString,
  siteId: nullableString,
  status: z.enum(WalkStatus),
  origin: z.enum(WalkOrigin),
  scheduledFor: nullableDate,
  scheduledTime: nullableString,
  scheduleKey: nullableString,
  changedByHandAt: nullableDate,
  /** A walk the customer asked for on the portal (migration 0018). */
  requestedById: nullableString,
  requestedAt: nullableDate,
  requestNote: nullableString,
  assignmentReasons: z.custom<Prisma.JsonValue>((value) => value !== undefined),
  startedAt: nullableDate,
  endedAt: nullableDate,
  startLatitude: nullableNumber,
  startLongitude: nullableNumber,
  startAccuracyM: nullableNumber,
  endLatitude: nullableNumber,
  endLongitude: nullableNumber,
  endAccuracyM: nullableNumber,
  siteContactName: nullableString,
  /** The summary as the contact signed it (finish-walk.ts checks its shape on the way in). */
  signedSummary: z.custom<Prisma.JsonValue>((value) => value !== undefined),
  signedAt: nullableDate,
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A parts request as the office and the phone see it (partsRequestView): the answer to a repair.requestParts. */
export const partsRequestOutput = z.object({
  id: z.string(),
  repairId: z.string(),
  item: z.string(),
  quantity: int,
  note: z.string(),
  urgency: z.enum(PartsUrgency),
  status: z.enum(PartsRequestStatus),
  requestedById: z.string(),
  acknowledgedById: nullableString,
  acknowledgedAt: nullableDate,
  fulfilledById: nullableString,
  fulfilledAt: nullableDate,
  cancelledById: nullableString,
  cancelledAt: nullableDate,
  createdAt: z.date(),
  updatedAt: z.date(),
  repair: z.object({
    id: z.string(),
    status: z.enum(RepairStatus),
    urgent: z.boolean(),
    customer: z.object({ id: z.string(), name: z.string() }),
    unitNumber: z.string(),
    technician: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
});

const accepted = <T extends MutationType, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: z.string(), ok: z.literal(true), type: z.literal(type), data });

export const mutationFailureOutput = z.object({ code: z.string(), message: z.string(), retryable: z.boolean() });

/** One mutation's answer: accepted with what the server now holds, or refused with a code. */
export const mutationResultOutput = z.discriminatedUnion("ok", [
  z.discriminatedUnion("type", [
    accepted("walk.start", lotWalkOutput),
    accepted("repair.capture", repairViewOutput),
    accepted("walk.finish", lotWalkOutput),
    accepted("repair.start", repairViewOutput),
    accepted("repair.complete", repairViewOutput),
    accepted("repair.addPhoto", repairViewOutput),
    accepted("repair.markUrgent", repairViewOutput),
    accepted("repair.followUp", repairViewOutput),
    accepted("repair.requestParts", partsRequestOutput),
  ]),
  z.object({ id: z.string(), ok: z.literal(false), type: z.enum(MUTATION_TYPES), ...mutationFailureOutput.shape }),
]);

export const pushOutput = z.object({ results: z.array(mutationResultOutput), serverMs: z.number() });

export type MutationFailure = z.output<typeof mutationFailureOutput>;
export type MutationResult = z.output<typeof mutationResultOutput>;
export type AcceptedMutation<T extends MutationType = MutationType> = Extract<MutationResult, { ok: true; type: T }>;
/** What the server answers an accepted mutation of type T with. */
export type MutationData<T extends MutationType> = AcceptedMutation<T>["data"];
export type PushResult = z.output<typeof pushOutput>;
