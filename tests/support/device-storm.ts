// Simulated technicians' phones over plain HTTP, as the /walk app talks to the server: signed in
// through next-auth, pushing queued captures with sync.push and uploading each photo in chunks
// through /api/uploads (docs/sync-protocol.md). Every request goes to the next instance in turn,
// as behind a round-robin load balancer. Work without an answer (a network error, a 5xx, a
// retryable refusal) is sent again unchanged, same client ids, as the device's outbox does.
// Used by tests/integration/fault and bench/modules/j-two-instances.ts; imports no server code.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { TRPCClientError } from "@trpc/client";
import { UPLOAD_CHUNK_BYTES } from "../../src/domain/attachment-rules";
import { type TrpcClient, signIn, trpcClient } from "./http-sign-in";

type Client = TrpcClient;
type Mutation = { id: string; type: "walk.start" | "repair.capture"; payload: Record<string, unknown> };
export type Photo = { id: string; bytes: Buffer; sha256: string };

export type StormStats = {
  /** Round trips of sync.push requests that answered, in ms. */
  pushMs: number[];
  /** Requests that got no usable answer (connection refused or reset, 5xx) and were sent again. */
  lostRequests: number;
  /** Mutations answered with a retryable refusal and sent again. */
  retriedMutations: number;
  /** Answered requests per instance. */
  answeredBy: Record<string, number>;
  /** Repairs the server acknowledged (ok in a push answer), by client id. */
  ackedRepairs: string[];
  /** Photos whose last byte the server acknowledged (complete: true), with their device's cookie. */
  ackedPhotos: (Photo & { cookie: string })[];
  /** Refusals that are not retryable: a correct run has none. */
  refusals: string[];
};

export type Device = {
  email: string;
  deviceId: string;
  clients: Client[];
  cookie: string;
  walk: { id: string; customerId: string };
  /** The instance this device's next request goes to (index into clients). */
  turn: number;
};

/** Signs a device in (at the instance `turn` names) and picks the customer of its technician's walk. */
export async function startDevice(baseUrls: string[], email: string, password: string, turn: number): Promise<Device> {
  const { cookie, error } = await signIn(baseUrls[turn % baseUrls.length]!, email, password);
  if (!cookie) throw new Error(`sign-in of ${email} refused: ${error}`);
  const clients = baseUrls.map((url) => trpcClient(url, cookie));
  let snapshot;
  for (let attempt = 1; !snapshot; attempt++) {
    try {
      snapshot = await clients[(turn + attempt) % clients.length]!.sync.prepare.query();
    } catch (error) {
      // The device asks again after no answer or a 5xx (a loaded server may time out).
      if (!isLost(error) || attempt >= 5) throw error;
      await pause(500);
    }
  }
  const customerId = snapshot.walks[0]?.customerId ?? snapshot.customers[0]?.id;
  if (!customerId) throw new Error(`${email} has no customer in the prepared snapshot`);
  return { email, deviceId: randomUUID(), clients, cookie, walk: { id: randomUUID(), customerId }, turn: turn + 2 };
}

const DAMAGE = ["CHIP", "STAR_BREAK", "BULLS_EYE", "CRACK"] as const;
const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];

/** Random bytes that start like a JPEG (the server checks content against the declared type). */
export function photoOf(size: number): Photo {
  const bytes = randomBytes(size);
  bytes.set(JPEG_START);
  return { id: randomUUID(), bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

function capture(device: Device, n: number, photo: Photo): Mutation {
  return {
    id: randomUUID(),
    type: "repair.capture",
    payload: {
      id: randomUUID(),
      walkId: device.walk.id,
      customerId: device.walk.customerId,
      unitNumber: `STORM-${device.deviceId.slice(0, 8)}-${n}`,
      damageType: DAMAGE[n % DAMAGE.length],
      capturedAt: new Date(),
      latitude: 39.74,
      longitude: -104.99,
      gpsAccuracyM: 8,
      attachments: [
        {
          id: photo.id,
          kind: "PHOTO",
          photoStage: "DAMAGE",
          mimeType: "image/jpeg",
          sizeBytes: photo.bytes.length,
          sha256: photo.sha256,
        },
      ],
    },
  };
}

const MAX_TRIES = 60;
/** How long an instance that refused a connection is left out, as a load balancer's health check would. */
const DOWN_FOR_MS = 3_000;
const downUntil = new Map<string, number>();

/** The device's next instance in turn, skipping one that just failed (unless all did). */
function nextInstance(device: Device, urls: string[]): number {
  for (let i = 0; i < urls.length; i++) {
    const at = device.turn++ % urls.length;
    if ((downUntil.get(urls[at]!) ?? 0) <= Date.now()) return at;
  }
  return device.turn++ % urls.length;
}

/** No answer at all (refused, reset): the process is likely gone. A 5xx does not take an instance out. */
function markDown(url: string) {
  downUntil.set(url, Date.now() + DOWN_FOR_MS);
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A network failure or a 5xx: the request may or may not have been done; send it again. */
function isLost(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return status === undefined || status >= 500;
}

async function pushUntilAnswered(device: Device, mutations: Mutation[], stats: StormStats, urls: string[]) {
  let pending = mutations;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_TRIES) throw new Error(`${device.email}: push still unanswered after ${MAX_TRIES} tries`);
    const at = nextInstance(device, urls);
    const started = performance.now();
    let answer;
    try {
      answer = await device.clients[at]!.sync.push.mutate({ deviceId: device.deviceId, mutations: pending });
    } catch (error) {
      if (!isLost(error)) throw error;
      if (!(error instanceof TRPCClientError) || error.data?.httpStatus === undefined) markDown(urls[at]!);
      stats.lostRequests++;
      await pause(50 * Math.min(attempt + 1, 5));
      continue;
    }
    stats.pushMs.push(performance.now() - started);
    stats.answeredBy[urls[at]!] = (stats.answeredBy[urls[at]!] ?? 0) + 1;
    const again: Mutation[] = [];
    answer.results.forEach((result, i) => {
      const sent = pending[i]!;
      if (result.ok) {
        if (sent.type === "repair.capture") stats.ackedRepairs.push(sent.payload.id as string);
      } else if (result.retryable) {
        stats.retriedMutations++;
        again.push(sent);
      } else stats.refusals.push(`${sent.type} ${result.code}: ${result.message}`);
    });
    pending = again;
  }
}

type UploadState = { receivedBytes?: number; complete?: boolean; code?: string };

/**
 * One HTTP request of an upload to the device's next instance, its JSON answer read whole; null
 * when it got no usable answer: refused, a 5xx, or the connection cut while the answer was read
 * (an instance killed between its headers and its body).
 */
async function uploadRequest(
  device: Device,
  urls: string[],
  stats: StormStats,
  path: string,
  init: RequestInit,
): Promise<{ status: number; state: UploadState } | null> {
  const at = nextInstance(device, urls);
  try {
    const res = await fetch(`${urls[at]}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: device.cookie },
    });
    if (res.status >= 500) {
      await res.body?.cancel();
      return null;
    }
    const state = (await res.json()) as UploadState;
    stats.answeredBy[urls[at]!] = (stats.answeredBy[urls[at]!] ?? 0) + 1;
    return { status: res.status, state };
  } catch {
    markDown(urls[at]!);
    return null;
  }
}

/** Resumable upload as src/client/sync/upload-attachment.ts does it: ask the offset, PUT from there. */
async function uploadPhoto(device: Device, photo: Photo, stats: StormStats, urls: string[]) {
  const path = `/api/uploads/${photo.id}`;
  let offset: number | null = null;
  const seen: string[] = [];
  for (let attempt = 0; attempt < MAX_TRIES * 4; attempt++) {
    if (offset === null) {
      const res = await uploadRequest(device, urls, stats, path, { method: "GET" });
      if (!res) {
        stats.lostRequests++;
        await pause(50);
        continue;
      }
      const { status, state } = res;
      seen.push(`GET ${status} ${state.receivedBytes}`);
      if (status !== 200) {
        stats.refusals.push(`upload status ${status} ${state.code}`);
        return;
      }
      if (state.complete) return void stats.ackedPhotos.push({ ...photo, cookie: device.cookie });
      offset = state.receivedBytes!;
    }
    const res = await uploadRequest(device, urls, stats, `${path}?offset=${offset}`, {
      method: "PUT",
      headers: { "Content-Type": "application/octet-stream" },
      body: new Uint8Array(photo.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES)),
    });
    if (!res) {
      // The chunk may have been stored: ask again where to resume.
      stats.lostRequests++;
      offset = null;
      await pause(50);
      continue;
    }
    const { status, state } = res;
    seen.push(`PUT@${offset} ${status} ${state.receivedBytes} ${state.code ?? ""}`);
    if (status !== 200 && status !== 409) {
      stats.refusals.push(`upload chunk ${status} ${state.code} of ${photo.id} after: ${seen.join("; ")}`);
      return;
    }
    if (state.complete) return void stats.ackedPhotos.push({ ...photo, cookie: device.cookie });
    offset = state.receivedBytes!;
  }
  throw new Error(
    `${device.email}: photo ${photo.id} not uploaded after many tries (size ${photo.bytes.length}): ${seen.slice(-8).join("; ")}`,
  );
}

export type StormPlan = {
  batches: number;
  capturesPerBatch: number;
  /** Photo sizes are drawn between these (bytes); above UPLOAD_CHUNK_BYTES a photo takes 2 chunks. */
  photoBytes: [number, number];
  /** Called after every acknowledged push and photo (the fault test kills an instance from here). */
  onAck?: (stats: StormStats) => void;
};

export function emptyStats(): StormStats {
  return {
    pushMs: [],
    lostRequests: 0,
    retriedMutations: 0,
    answeredBy: {},
    ackedRepairs: [],
    ackedPhotos: [],
    refusals: [],
  };
}

/** Every device pushes its batches (its walk started in the first one), each followed by its photos' uploads. */
export async function runStorm(devices: Device[], urls: string[], plan: StormPlan, stats = emptyStats()) {
  const started = performance.now();
  await Promise.all(
    devices.map(async (device) => {
      for (let b = 0; b < plan.batches; b++) {
        const photos = Array.from({ length: plan.capturesPerBatch }, () => {
          const [min, max] = plan.photoBytes;
          return photoOf(min + Math.floor(Math.random() * (max - min)));
        });
        const mutations = photos.map((photo, i) => capture(device, b * plan.capturesPerBatch + i, photo));
        if (b === 0)
          mutations.unshift({
            id: randomUUID(),
            type: "walk.start",
            payload: { id: device.walk.id, customerId: device.walk.customerId, startedAt: new Date() },
          });
        await pushUntilAnswered(device, mutations, stats, urls);
        plan.onAck?.(stats);
        for (const photo of photos) {
          await uploadPhoto(device, photo, stats, urls);
          plan.onAck?.(stats);
        }
      }
    }),
  );
  return { stats, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
