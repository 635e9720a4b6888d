// The browser's side of "Notifications on this device": the Push API behind the service worker.
// The server calls are passed in, so /walk (its own small tRPC caller) and the office screens
// (the tRPC React client) share this code.
import { publicConfig } from "~/config/public";

export type PushKeys = { endpoint: string; keys: { p256dh: string; auth: string }; userAgent?: string };

export type PushServer = {
  publicKey(): Promise<{ publicKey: string | null }>;
  status(endpoint: string): Promise<{ subscribed: boolean }>;
  subscribe(subscription: PushKeys): Promise<unknown>;
  unsubscribe(endpoint: string): Promise<unknown>;
};

/** What the switch can say before anyone taps it. */
export type PushState =
  | { kind: "unsupported" }
  | { kind: "no-worker" }
  | { kind: "off-on-server" }
  | { kind: "blocked" }
  | { kind: "ready"; subscribed: boolean };

export function pushSupported(): boolean {
  return (
    typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window
  );
}

/**
 * The worker that will receive pushes: the one already registered (by /walk), or /sw.js
 * registered now (an office screen on a device that never opened /walk). Production builds
 * only: development serves no worker.
 */
async function workerRegistration(register: boolean): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration("/");
  if (existing) return existing;
  if (!register || !publicConfig.production) return null;
  await navigator.serviceWorker.register("/sw.js");
  return navigator.serviceWorker.ready;
}

export async function pushState(server: PushServer): Promise<PushState> {
  if (!pushSupported()) return { kind: "unsupported" };
  if (!publicConfig.production && !(await navigator.serviceWorker.getRegistration("/"))) return { kind: "no-worker" };
  if (Notification.permission === "denied") return { kind: "blocked" };
  const { publicKey } = await server.publicKey();
  if (!publicKey) return { kind: "off-on-server" };
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return { kind: "ready", subscribed: false };
  return { kind: "ready", subscribed: (await server.status(subscription.endpoint)).subscribed };
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Asks the user's permission (the tap is the user gesture browsers require), subscribes, tells the server. */
export async function enablePush(server: PushServer): Promise<PushState> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return { kind: "blocked" };
  const { publicKey } = await server.publicKey();
  if (!publicKey) return { kind: "off-on-server" };
  const registration = await workerRegistration(true);
  if (!registration) return { kind: "no-worker" };
  let subscription = await registration.pushManager.getSubscription();
  // A subscription made with another server key (keys regenerated) cannot be used: start again.
  if (subscription && !sameKey(subscription, publicKey)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(publicKey),
  });
  const json = subscription.toJSON() as { endpoint?: string; keys?: { p256dh?: string; auth?: string } };
  await server.subscribe({
    endpoint: json.endpoint ?? subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
    userAgent: navigator.userAgent.slice(0, 300),
  });
  return { kind: "ready", subscribed: true };
}

function sameKey(subscription: PushSubscription, publicKey: string): boolean {
  const key = subscription.options.applicationServerKey;
  if (!key) return true;
  const given = keyBytes(publicKey);
  const have = new Uint8Array(key);
  return have.length === given.length && have.every((b, i) => b === given[i]);
}

/** Stops this device's pushes for this user (the browser's subscription is dropped too). */
export async function disablePush(server: PushServer): Promise<PushState> {
  const registration = await workerRegistration(false);
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await server.unsubscribe(subscription.endpoint);
    await subscription.unsubscribe();
  }
  return { kind: "ready", subscribed: false };
}
