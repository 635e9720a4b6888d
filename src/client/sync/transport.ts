// What the sync engine needs from the server (sync.prepare, sync.push), and how a failed call
// is classified: session over, or the batch stays pending. tRPC over HTTP is one way to get it.
import { TrpcCallError } from "../rpc/trpc";
import type { DevicePush, PrepareSnapshot, PushOutput } from "./contract";
import { SessionExpired, TransportFailed } from "./errors";

export type SyncTransport = {
  prepare(): Promise<PrepareSnapshot>;
  push(input: DevicePush): Promise<PushOutput>;
};

export async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw transportError(error);
  }
}

export function transportError(error: unknown): SessionExpired | TransportFailed {
  if (error instanceof SessionExpired || error instanceof TransportFailed) return error;
  if (error instanceof TrpcCallError) {
    const { data } = error;
    if (data?.code === "UNAUTHORIZED" || data?.httpStatus === 401) return new SessionExpired();
    if (data?.code === "FORBIDDEN") return new TransportFailed("FORBIDDEN", error.message);
    if (data) return new TransportFailed("SERVER_ERROR", error.message);
  }
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  return new TransportFailed(
    offline ? "OFFLINE" : "SERVER_ERROR",
    offline ? "No connection." : `The server could not be reached: ${(error as Error)?.message ?? String(error)}`,
  );
}
