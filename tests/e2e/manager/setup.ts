// Data for the manager screen's tests, made through the API as the office and the field would:
// each test gets its own customer (with the approval settings it needs) and unit numbers, so no
// test depends on another's repairs or on the demo data's.
import { createHash, randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import superjson from "superjson";
import { trpcMutation, trpcQuery } from "../support/trpc";

export type Repair = {
  id: string;
  status: string;
  technicianId: string | null;
  estimateCents: number | null;
  approvalRule: string | null;
  approvalKind: string | null;
  approvedById: string | null;
  approvedAt: string | null;
  denialReason: string | null;
  overrideCents: number | null;
  overrideReason: string | null;
  flagResolvedAt: string | null;
};

export type Find = {
  unitNumber: string;
  latitude?: number;
  longitude?: number;
  deviceEstimateCents?: number;
  /** Attachments as the device records them (bytes uploaded afterwards). */
  attachments?: Record<string, unknown>[];
};

/** The data of a tRPC answer, or the server's refusal as the test's failure. */
export async function ok<T>(
  call: Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>,
): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

/** A unit number no other test (or run) uses. */
export const uniqueUnit = (prefix: string) => `${prefix}-${randomUUID().slice(0, 6).toUpperCase()}`;

type ApprovalSettings = {
  autoApproveLotRepairs: boolean;
  maxAutoApproveCents?: number;
  requirePhotoForApproval?: boolean;
};

/** A fleet customer of the test's own, on default prices ($50 for a unit's first repair). */
export async function newCustomer(admin: APIRequestContext, settings: ApprovalSettings): Promise<string> {
  const customer = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name: `E2E fleet ${randomUUID().slice(0, 8)}` }),
  );
  await ok(trpcMutation(admin, "admin.updateFleetSettings", { customerId: customer.id, ...settings }));
  return customer.id;
}

type PushResult = {
  results: ({ ok: true; type: string; data: unknown } | { ok: false; type: string; code: string; message: string })[];
};

/**
 * A walk as a device syncs it (sync.push): started by `walker` (for `technicianId`, or the
 * walker themself), one repair per find, then finished and signed. Finished, so the walk is
 * not among the technician's walks to prepare, which other suites count.
 */
export async function walkWithFinds(
  walker: APIRequestContext,
  customerId: string,
  finds: Find[],
  technicianId?: string,
) {
  const walkId = randomUUID();
  const captures = finds.map((find) => ({ id: randomUUID(), walkId, customerId, damageType: "CHIP", ...find }));
  const signature = {
    id: randomUUID(),
    kind: "SIGNATURE",
    mimeType: "image/png",
    sizeBytes: 4_000,
    sha256: "0".repeat(64),
  };
  const summary = { units: captures.map((c) => ({ unitNumber: c.unitNumber, repairs: [] })), totalCents: 0 };
  const mutations = [
    { type: "walk.start", payload: { id: walkId, customerId, technicianId } },
    ...captures.map((payload) => ({ type: "repair.capture", payload })),
    {
      type: "walk.finish",
      payload: { walkId, endedAt: new Date(), siteContactName: "Lot supervisor", signedSummary: summary, signature },
    },
  ].map((m) => ({ id: randomUUID(), ...m }));
  // superjson, as the app's own client sends it: the finish carries dates.
  const response = await walker.post("/api/trpc/sync.push", {
    data: superjson.serialize({ deviceId: randomUUID(), mutations }),
  });
  const body = (await response.json()) as {
    result?: { data: { json: PushResult } };
    error?: { json: { message: string } };
  };
  if (!body.result) throw new Error(`sync.push: ${body.error?.json.message}`);
  const failed = body.result.data.json.results.find((r) => !r.ok);
  if (failed && !failed.ok) throw new Error(`${failed.type}: ${failed.code} ${failed.message}`);
  const repairs = body.result.data.json.results
    .filter((r) => r.type === "repair.capture")
    .map((r) => (r as { data: Repair }).data);
  return { walkId, repairs };
}

export const repairById = (api: APIRequestContext, id: string) => ok(trpcQuery<Repair>(api, "repair.byId", { id }));

export async function technicianIdOf(admin: APIRequestContext, name: string): Promise<string> {
  const technicians = await ok(trpcQuery<{ technicianId: string; name: string }[]>(admin, "admin.technicians"));
  const found = technicians.find((t) => t.name === name);
  if (!found) throw new Error(`no technician named ${name}`);
  return found.technicianId;
}

/**
 * A repair taken to COMPLETED as the office and the technician's phone would: assigned by
 * `office`, then started and completed with an after photo by `tech`, the technician's session
 * (`completedAt` in the past: dates travel in superjson's envelope, as the app's clients send them).
 */
export async function assignStartComplete(
  office: APIRequestContext,
  tech: APIRequestContext,
  repairId: string,
  technicianId: string,
  completedAt?: Date,
): Promise<void> {
  await ok(trpcMutation(office, "repair.assign", { repairId, technicianId }));
  const call = async (path: string, input: Record<string, unknown>) => {
    const response = await tech.post(`/api/trpc/${path}`, { data: superjson.serialize(input) });
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  };
  const startedAt = completedAt && new Date(completedAt.getTime() - 60 * 60_000);
  await call("repair.start", { repairId, ...(startedAt ? { startedAt } : {}) });
  const after = {
    id: randomUUID(),
    kind: "PHOTO",
    photoStage: "AFTER",
    mimeType: "image/jpeg",
    sizeBytes: 120_000,
    sha256: createHash("sha256").update(repairId).digest("hex"),
  };
  await call("repair.complete", { repairId, attachments: [after], ...(completedAt ? { completedAt } : {}) });
}
