// Web Push in the worker: `push` shows the notification the server sent (title, body, the link to
// the repair, a tag so a repeat of one delivery replaces rather than stacks); a click focuses a
// tab already showing that screen, else navigates an open tab of the app there, else opens one.
// Only this origin's pages are opened, whatever a payload says.

export type PushPayload = { title: string; body: string; url: string; tag?: string };

type ShowNotification = (title: string, options: NotificationOptions) => Promise<void>;
type WindowLike = { url: string; focus(): Promise<unknown>; navigate?(url: string): Promise<unknown> };
type ClientsLike = {
  matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<readonly WindowLike[]>;
  openWindow(url: string): Promise<unknown>;
};

const FALLBACK: PushPayload = { title: "RS Systems", body: "Something needs your attention.", url: "/" };

/** The server's JSON, defended: a push whose data cannot be read still shows something useful. */
export function readPushPayload(text: string | null | undefined, origin: string): PushPayload {
  let data: Partial<PushPayload> = {};
  try {
    data = text ? (JSON.parse(text) as Partial<PushPayload>) : {};
  } catch {
    return FALLBACK;
  }
  return {
    title: typeof data.title === "string" && data.title ? data.title : FALLBACK.title,
    body: typeof data.body === "string" ? data.body : FALLBACK.body,
    url: sameOriginUrl(typeof data.url === "string" ? data.url : "/", origin),
    ...(typeof data.tag === "string" ? { tag: data.tag } : {}),
  };
}

/** The link made absolute on this origin; anything pointing elsewhere becomes the app's root. */
export function sameOriginUrl(url: string, origin: string): string {
  try {
    const parsed = new URL(url, origin);
    return parsed.origin === origin ? parsed.href : new URL("/", origin).href;
  } catch {
    return new URL("/", origin).href;
  }
}

export function showPush(text: string | null | undefined, origin: string, show: ShowNotification): Promise<void> {
  const payload = readPushPayload(text, origin);
  return show(payload.title, {
    body: payload.body,
    tag: payload.tag,
    icon: "/icons/icon-192.png",
    badge: "/icons/icon-192.png",
    data: { url: payload.url },
  });
}

export async function openFromNotification(data: unknown, origin: string, clients: ClientsLike): Promise<void> {
  const raw = (data as { url?: unknown } | null)?.url;
  const url = sameOriginUrl(typeof raw === "string" ? raw : "/", origin);
  const windows = await clients.matchAll({ type: "window", includeUncontrolled: true });
  const exact = windows.find((w) => w.url === url);
  if (exact) return void (await exact.focus());
  const ours = windows.find((w) => w.url.startsWith(origin) && w.navigate);
  if (ours?.navigate) {
    await ours.navigate(url);
    return void (await ours.focus());
  }
  await clients.openWindow(url);
}
