"use client";
// Who is using the device: the server's answer when it can be reached, otherwise the last user
// this device saw (offline on the lot). An expired session is reported, never a reason to
// drop the queue.
import { useEffect, useState } from "react";
import { type LastUser, lastUser, rememberUser } from "~/client/session/last-user";
import { api } from "~/trpc/react";

export type DeviceUser = { name: string | null; email: string | null; sessionExpired: boolean; fromDevice: boolean };

export function useDeviceUser(): DeviceUser {
  const me = api.session.me.useQuery(undefined, { retry: false, refetchOnWindowFocus: true });
  const [last, setLast] = useState<LastUser | null>(null);
  useEffect(() => {
    void lastUser().then(setLast);
  }, []);
  useEffect(() => {
    if (me.data) void rememberUser({ userId: me.data.userId, name: me.data.name, email: me.data.email, kind: me.data.kind });
  }, [me.data]);
  const sessionExpired = me.error?.data?.code === "UNAUTHORIZED";
  if (me.data) return { name: me.data.name, email: me.data.email, sessionExpired: false, fromDevice: false };
  return { name: last?.name ?? null, email: last?.email ?? null, sessionExpired, fromDevice: Boolean(last) };
}
