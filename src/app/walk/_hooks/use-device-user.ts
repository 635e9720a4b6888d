"use client";
// Who is using the device: the server's answer when it can be reached, otherwise the last user
// this device saw (offline on the lot). An expired session is reported, never a reason to
// drop the queue.
import { useEffect, useState } from "react";
import type { SessionMe } from "~/client/session/me";
import { type LastUser, adoptEarlierLastUser, lastUser, rememberUser } from "~/client/session/last-user";
import { whenIdle } from "../_lib/when-idle";

export type DeviceUser = { name: string | null; email: string | null; sessionExpired: boolean; fromDevice: boolean };

/** An answer younger than this is not asked again when the app comes back to the foreground. */
const FRESH_MS = 30_000;

/**
 * session.me, asked once the first screen is up, and again when the app comes back to the
 * foreground or the connection returns, unless the last answer is fresh. A failed ask keeps the
 * last answer and reports an ended session beside it; no retries (offline is normal here). The
 * tRPC client loads with the first ask (src/client/session/me.ts), not with the first screen.
 */
function useSessionMe(): { data?: SessionMe; unauthorized: boolean } {
  const [state, setState] = useState<{ data?: SessionMe; unauthorized: boolean }>({ unauthorized: false });
  useEffect(() => {
    let live = true;
    let freshUntil = 0;
    let asking = false;
    const ask = async () => {
      if (asking) return;
      asking = true;
      try {
        const { askSessionMe } = await import("~/client/session/me");
        const answer = await askSessionMe();
        freshUntil = answer.ok ? Date.now() + FRESH_MS : 0;
        if (live)
          setState((previous) =>
            answer.ok ? { data: answer.me, unauthorized: false } : { ...previous, unauthorized: answer.unauthorized },
          );
      } catch (error) {
        console.error("could not ask who is signed in", error); // e.g. the chunk did not load
      } finally {
        asking = false;
      }
    };
    const askIfStale = () => {
      if (document.visibilityState === "visible" && Date.now() >= freshUntil) void ask();
    };
    const cancelFirst = whenIdle(() => void ask());
    document.addEventListener("visibilitychange", askIfStale);
    window.addEventListener("online", askIfStale);
    return () => {
      live = false;
      cancelFirst();
      document.removeEventListener("visibilitychange", askIfStale);
      window.removeEventListener("online", askIfStale);
    };
  }, []);
  return state;
}

export function useDeviceUser(): DeviceUser {
  const me = useSessionMe();
  // Read synchronously: the app renders only in the browser, after the shell's hydration.
  const [last, setLast] = useState<LastUser | null>(lastUser);
  useEffect(
    () =>
      whenIdle(() => {
        adoptEarlierLastUser()
          .then(() => setLast(lastUser()))
          .catch((error: unknown) => console.error("could not read the last user", error));
      }),
    [],
  );
  useEffect(() => {
    if (me.data) rememberUser({ userId: me.data.userId, name: me.data.name, email: me.data.email, kind: me.data.kind });
  }, [me.data]);
  if (me.data) return { name: me.data.name, email: me.data.email, sessionExpired: false, fromDevice: false };
  return {
    name: last?.name ?? null,
    email: last?.email ?? null,
    sessionExpired: me.unauthorized,
    fromDevice: Boolean(last),
  };
}
