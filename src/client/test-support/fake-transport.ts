// A stand-in for sync.push: records every batch and answers each mutation with what `decide`
// returns (ok with a server repair view by default). Replays return the first answer, as the
// real server's idempotent writes do.
import type {
  Accepted,
  DevicePush,
  MutationResult,
  PushMutation,
  PushOutput,
  RepairCapturePayload,
  ServerRepairView,
} from "../sync/contract";
import type { SyncTransport } from "../sync/transport";

export type Decide = (mutation: PushMutation) => MutationResult | "throw";

export class FakeTransport implements SyncTransport {
  batches: DevicePush[] = [];
  stored = new Map<string, MutationResult>();
  failNext: Error | null = null;

  constructor(public decide: Decide = okResult) {}

  async prepare(): Promise<never> {
    throw new Error("not used");
  }

  async push(input: DevicePush): Promise<PushOutput> {
    this.batches.push(structuredClone(input));
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const results: MutationResult[] = [];
    for (const mutation of input.mutations) {
      const result = this.decide(mutation);
      if (result === "throw") throw new Error("boom");
      const recordId = recordIdOf(mutation);
      const first = this.stored.get(recordId);
      if (result.ok && !first) this.stored.set(recordId, result);
      results.push(result.ok && first ? { ...first, id: mutation.id } : result);
    }
    return { results, serverMs: 1 };
  }

  get sentIds(): string[] {
    return this.batches.flatMap((b) => b.mutations.map((m) => m.id));
  }
}

const recordIdOf = (mutation: PushMutation) => {
  switch (mutation.type) {
    case "walk.start":
    case "repair.capture":
      return mutation.payload.id;
    case "walk.finish":
      return mutation.payload.walkId;
    default:
      // A change on an existing repair is its own record: replaying it answers as the first time.
      return mutation.payload.id;
  }
};

export function okResult(mutation: PushMutation): MutationResult {
  switch (mutation.type) {
    case "repair.capture":
      return repairAccepted(mutation, {
        status: "APPROVED",
        estimateCents: mutation.payload.deviceEstimateCents ?? 0,
        flaggedReason: null,
      });
    case "walk.start":
      return { id: mutation.id, ok: true, type: mutation.type, data: walkView(mutation.payload.id, "IN_PROGRESS") };
    case "walk.finish":
      return { id: mutation.id, ok: true, type: mutation.type, data: walkView(mutation.payload.walkId, "COMPLETED") };
    case "repair.start":
    case "repair.complete":
    case "repair.addPhoto":
    case "repair.markUrgent":
    case "repair.followUp":
      return workAccepted(mutation);
    case "repair.requestParts":
      return partsAccepted(mutation);
  }
}

/** A capture accepted with the server's repair view: `view` over a freshly captured repair. */
export function repairAccepted(
  mutation: Extract<PushMutation, { type: "repair.capture" }>,
  view: Partial<ServerRepairView>,
): Accepted<"repair.capture"> {
  const p = mutation.payload;
  const at = new Date("2026-03-02T09:00:00Z");
  const data: ServerRepairView = {
    id: p.id,
    customerId: p.customerId,
    unitId: crypto.randomUUID(),
    windshieldSeq: 1,
    walkId: p.walkId,
    technicianId: null,
    origin: "LOT_WALK",
    status: "PENDING_APPROVAL",
    jobId: p.jobId ?? null,
    breakIndex: p.breakIndex ?? 0,
    damageType: p.damageType,
    damagePosition: p.damagePosition ?? null,
    customerNotes: p.customerNotes ?? "",
    technicianNotes: p.technicianNotes ?? "",
    drilledBeforeRepair: p.drilledBeforeRepair ?? null,
    windshieldTemperatureC: p.windshieldTemperatureC ?? null,
    resinViscosity: p.resinViscosity ?? null,
    latitude: p.latitude ?? null,
    longitude: p.longitude ?? null,
    gpsAccuracyM: p.gpsAccuracyM ?? null,
    capturedAt: p.capturedAt ?? null,
    estimateCents: null,
    estimateOrdinal: null,
    estimateSource: null,
    deviceEstimateCents: p.deviceEstimateCents ?? null,
    deviceAutoApproved: p.deviceAutoApproved ?? null,
    flaggedReason: null,
    flagResolvedAt: null,
    flagResolvedById: null,
    flagResolutionNote: null,
    assignmentReasons: null,
    siteId: null,
    priceCents: null,
    tierOrdinal: null,
    priceSource: null,
    pricingVersion: null,
    overrideCents: null,
    overrideReason: null,
    overriddenById: null,
    overriddenAt: null,
    approvalKind: null,
    approvalRule: null,
    approvalReason: null,
    approvedById: null,
    approvedAt: null,
    deniedById: null,
    deniedAt: null,
    denialReason: null,
    cancelledById: null,
    cancelledAt: null,
    cancelReason: null,
    startedAt: null,
    completedAt: null,
    invoicedAt: null,
    closedAt: null,
    urgent: false,
    urgentAt: null,
    urgentById: null,
    followUpOfId: null,
    dueAt: null,
    checklist: [],
    templateId: null,
    completionChecklist: null,
    warrantyOfId: null,
    createdById: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    ...view,
  };
  return { id: mutation.id, ok: true, type: mutation.type, data };
}

function walkView(id: string, status: "IN_PROGRESS" | "COMPLETED"): Accepted<"walk.start">["data"] {
  const at = new Date("2026-03-02T08:00:00Z");
  return {
    id,
    customerId: crypto.randomUUID(),
    technicianId: crypto.randomUUID(),
    siteId: null,
    status,
    origin: "UNSCHEDULED",
    scheduledFor: null,
    scheduledTime: null,
    scheduleKey: null,
    changedByHandAt: null,
    requestedById: null,
    requestedAt: null,
    requestNote: null,
    assignmentReasons: null,
    startedAt: at,
    endedAt: status === "COMPLETED" ? at : null,
    startLatitude: null,
    startLongitude: null,
    startAccuracyM: null,
    endLatitude: null,
    endLongitude: null,
    endAccuracyM: null,
    siteContactName: null,
    signedSummary: null,
    signedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** A change on an existing repair accepted, answered with that repair's view as it now stands. */
function workAccepted(
  mutation: Extract<
    PushMutation,
    { type: "repair.start" | "repair.complete" | "repair.addPhoto" | "repair.markUrgent" | "repair.followUp" }
  >,
): MutationResult {
  const status = mutation.type === "repair.complete" ? "COMPLETED" : "IN_PROGRESS";
  const capture = {
    id: mutation.id,
    type: "repair.capture" as const,
    payload: {
      id: mutation.payload.repairId,
      walkId: null,
      customerId: crypto.randomUUID(),
      unitNumber: "WORK",
      damageType: "CHIP",
      attachments: [],
    } as unknown as RepairCapturePayload,
  };
  const accepted = repairAccepted(capture, { status, walkId: null, origin: "CUSTOMER_REQUEST" });
  return { ...accepted, type: mutation.type } as MutationResult;
}

/** A queued parts request accepted, answered with the request the office now sees. */
function partsAccepted(mutation: Extract<PushMutation, { type: "repair.requestParts" }>): MutationResult {
  const p = mutation.payload;
  const at = new Date("2026-03-02T09:00:00Z");
  return {
    id: mutation.id,
    ok: true,
    type: mutation.type,
    data: {
      id: p.id,
      repairId: p.repairId,
      item: p.item,
      quantity: p.quantity,
      note: p.note ?? "",
      urgency: p.urgency ?? "ROUTINE",
      status: "REQUESTED",
      requestedById: crypto.randomUUID(),
      acknowledgedById: null,
      acknowledgedAt: null,
      fulfilledById: null,
      fulfilledAt: null,
      cancelledById: null,
      cancelledAt: null,
      createdAt: at,
      updatedAt: at,
      repair: {
        id: p.repairId,
        status: "IN_PROGRESS",
        urgent: false,
        customer: { id: crypto.randomUUID(), name: "Customer" },
        unitNumber: "WORK",
        technician: null,
      },
    },
  };
}
