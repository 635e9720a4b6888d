// The one module scripts/serve.ts loads into the Next server process (NODE_OPTIONS --import):
// one, because Next keeps a single --import when it passes NODE_OPTIONS on to a process it forks.
// It loads TypeScript (tsx) with the server-only marker resolved as in the scripts, stamps the
// connection's address on requests, then the request hook (ids, request log, graceful stop).
import { register } from "tsx/esm/api";

// In this order: the marker's hook must be registered after tsx's (see server-only-hook.mjs).
register();
await import("./server-only-hook.mjs");
await import("./peer-address-hook.mjs");
await import("../../src/server/lifecycle/serve-requests.ts");
