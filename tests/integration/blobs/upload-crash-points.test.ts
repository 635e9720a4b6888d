// An upload whose server dies at any point. The process is "killed" at the n-th operation on its
// blob store (just before it, or just after its effect), for every n an upload makes: the store
// refuses everything afterwards and the request's transaction rolls back, as when the process is
// gone. The server then restarts (a new store on the same folder or bucket) and the device's own
// upload code (src/client/sync/upload-attachment.ts, on its Dexie database) goes on from what
// the server says. Every time the photo ends up stored once with its bytes as taken, the device
// never hears that its bytes did not match, and no upload is left open.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import type { BlobRow } from "~/client/store/db";
import { uploadAttachment } from "~/client/sync/upload-attachment";
import { testDb } from "~/client/test-support/test-db";
import { type BlobStore, createFileBlobStore, createS3BlobStore, setBlobStore } from "~/server/blobs";
import { attachmentContentResponse } from "~/server/http/content-response";
import { chunkResponse, uploadStatusResponse } from "~/server/http/upload-responses";
import { type TestS3Server, startS3Server } from "../../support/s3-server";
import { fileOf, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

class InstanceKilled extends Error {
  override name = "InstanceKilled";
}

type Dying = { store: BlobStore; died: () => boolean; operations: () => number };

/** `store`, but the process dies at its n-th operation: before the operation, or once it is done. */
function dyingAt(store: BlobStore, n: number, when: "before" | "after"): Dying {
  let count = 0;
  let dead = false;
  const wrapped = Object.create(store) as BlobStore;
  for (const name of ["put", "open", "exists", "delete", "writePartial", "openPartial", "dropPartial"] as const) {
    const operation = store[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      if (dead) throw new InstanceKilled(`${name} on a dead instance`);
      count++;
      if (count === n && when === "before") {
        dead = true;
        throw new InstanceKilled(`killed before ${name}`);
      }
      const result = await operation.apply(store, args);
      if (count === n) {
        dead = true;
        throw new InstanceKilled(`killed after ${name}`);
      }
      return result;
    };
  }
  return { store: wrapped, died: () => dead, operations: () => count };
}

describe("an upload whose server is killed at any point of it", () => {
  const world = useWorld();
  let s3: TestS3Server;
  const root = mkdtempSync(path.join(tmpdir(), "rs-blobs-crash-"));
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const stores: [string, () => BlobStore][] = [
    ["the file store", () => createFileBlobStore(root)],
    ["the S3 store", () => createS3BlobStore(s3.settings)],
  ];

  /** The device's requests, answered by the route handlers' logic as the signed-in technician. */
  const deviceFetch = (answers: string[]) =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(new URL(String(input), "http://localhost"), init);
      const url = new URL(request.url);
      const id = url.pathname.split("/").pop()!;
      const res =
        request.method === "GET"
          ? await uploadStatusResponse(world.db, world.tina.actor, id)
          : await chunkResponse(world.db, world.tina.actor, id, request);
      const body = (await res.clone().json()) as { receivedBytes?: number; code?: string };
      answers.push(`${request.method}${url.search} ${res.status} ${body.code ?? body.receivedBytes}`);
      return res;
    }) as typeof fetch;

  async function uploadThroughKill(open: () => BlobStore, n: number, when: "before" | "after", label: string) {
    // Three chunks, the last one short.
    const photo = fileOf(2 * UPLOAD_CHUNK_BYTES + 40_000);
    await push(world.db, world.tina, [repairCapture(world.walk, { unitNumber: label, attachments: [photo.meta] })]);
    const device = testDb();
    const row: BlobRow = {
      id: photo.meta.id,
      ownerType: "repair",
      ownerId: photo.meta.id,
      sha256: photo.meta.sha256,
      mimeType: photo.meta.mimeType,
      size: photo.bytes.length,
      kind: "PHOTO",
      stage: "DAMAGE",
      uploadedBytes: 0,
      confirmed: 0,
      ownerAcknowledged: 1,
      createdAt: new Date(),
    };
    await device.blobs.add(row);
    await device.blobContent.add({ id: row.id, blob: new Blob([new Uint8Array(photo.bytes)]) });

    const dying = dyingAt(open(), n, when);
    setBlobStore(dying.store);
    const outcomes: string[] = [];
    const answers: string[] = [];
    for (let run = 0; run < 6 && outcomes.at(-1) !== "confirmed" && outcomes.at(-1) !== "refused"; run++) {
      const current = (await device.blobs.get(row.id))!;
      outcomes.push(await uploadAttachment(device, current, { fetch: deviceFetch(answers) }));
      // The instance is gone: the next run meets a restarted server.
      if (dying.died()) setBlobStore(open());
    }
    const died = dying.died();
    setBlobStore(open());
    const after = await device.blobs.get(row.id);
    return { photo, outcomes, answers, after, died };
  }

  for (const [name, open] of stores) {
    it(`${name}: the photo is stored whole, at whichever operation the server dies`, async () => {
      for (const when of ["before", "after"] as const) {
        for (let n = 1; ; n++) {
          const label = `K-${name.includes("S3") ? "S3" : "F"}-${when}-${n}`;
          const { photo, outcomes, answers, after, died } = await uploadThroughKill(open, n, when, label);
          const id = photo.meta.id;
          // Confirmed on the device, and the server never told it that its bytes did not match:
          // the server never claimed to hold bytes it had lost.
          expect({
            label,
            outcome: outcomes.at(-1),
            confirmed: after?.confirmed,
            mismatches: answers.filter((a) => a.includes(" 422 ")),
          }).toEqual({ label, outcome: "confirmed", confirmed: 1, mismatches: [] });
          expect(await world.db.partialUpload.count({ where: { attachmentId: id } })).toBe(0);
          const res = await attachmentContentResponse(world.db, world.carla.actor, id);
          expect({ label, status: res.status, answers }).toMatchObject({ label, status: 200 });
          expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(photo.bytes))).toBe(true);
          // Past the last operation of an upload: the server never died, every point was tried.
          if (!died) break;
        }
      }
    });
  }
});
