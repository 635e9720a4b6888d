// Offline-walk mutations as a device queues them, and attachment bytes with their checksum.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "~/server/db";
import type { CaptureRepairInput } from "~/server/services/repairs/capture-repair";
import type { MutationType } from "~/domain";
import { pushMutations } from "~/server/services/sync/push-mutations";
import type { FinishWalkInput } from "~/server/services/walks/finish-walk";
import type { AttachmentInput } from "~/server/data/shared-inputs";
import { type Person, contextFor, photo } from "./fixtures";

export type Mutation = { id: string; type: MutationType; payload: unknown };

export const DEVICE_ID = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

export const mutation = (type: MutationType, payload: unknown): Mutation => ({ id: randomUUID(), type, payload });

export const walkStart = (customerId: string, id: string = randomUUID()) =>
  mutation("walk.start", { id, customerId, startedAt: new Date(), latitude: 39.74, longitude: -104.99, accuracyM: 6 });

export const repairCapture = (walk: { id: string; customerId: string }, changes: Partial<CaptureRepairInput> = {}) =>
  mutation("repair.capture", {
    id: randomUUID(),
    walkId: walk.id,
    customerId: walk.customerId,
    unitNumber: "A-100",
    damageType: "CHIP",
    capturedAt: new Date(),
    attachments: [photo("DAMAGE")],
    ...changes,
  } satisfies CaptureRepairInput);

export const signature = (): AttachmentInput => ({
  ...photo("DAMAGE"),
  kind: "SIGNATURE",
  photoStage: undefined,
  mimeType: "image/png",
  sizeBytes: 4_000,
});

export const walkFinish = (walkId: string, changes: Partial<FinishWalkInput> = {}) =>
  mutation("walk.finish", {
    walkId,
    endedAt: new Date(),
    latitude: 39.75,
    longitude: -104.98,
    accuracyM: 9,
    siteContactName: "Lot supervisor Pat",
    signedSummary: {
      units: [{ unitNumber: "A-100", repairs: [{ id: randomUUID(), damageType: "CHIP", estimateCents: 5000 }] }],
      totalCents: 5000,
    },
    signature: signature(),
    ...changes,
  } satisfies FinishWalkInput);

export const push = (db: Db, by: Person, mutations: Mutation[]) =>
  pushMutations(db, contextFor(by), { deviceId: DEVICE_ID, mutations });

/** Random content of `size` bytes and the metadata a device would send for it. */
/** The first bytes of a file of each type the attachment rules allow (what the server checks). */
export const SIGNATURE_BYTES: Record<string, number[]> = {
  "image/jpeg": [0xff, 0xd8, 0xff, 0xe0],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "image/webp": [...Buffer.from("RIFF\0\0\0\0WEBP")],
  "audio/webm": [0x1a, 0x45, 0xdf, 0xa3],
  "audio/ogg": [...Buffer.from("OggS")],
  "audio/mp4": [0, 0, 0, 0x20, ...Buffer.from("ftypM4A ")],
};

/** Random bytes of the declared type (its signature first), with metadata naming their sha256. */
export function fileOf(
  size: number,
  meta: Partial<AttachmentInput> = {},
): { bytes: Uint8Array; meta: AttachmentInput } {
  const mimeType = meta.mimeType ?? "image/jpeg";
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set((SIGNATURE_BYTES[mimeType.split(";")[0]!] ?? []).slice(0, size));
  return { bytes, meta: metaOf(bytes, { mimeType, ...meta }) };
}

/** Metadata for these exact bytes. */
export function metaOf(bytes: Uint8Array, meta: Partial<AttachmentInput> = {}): AttachmentInput {
  return {
    id: randomUUID(),
    kind: "PHOTO",
    photoStage: "DAMAGE",
    mimeType: "image/jpeg",
    sizeBytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    ...meta,
  };
}
