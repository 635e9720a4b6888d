// The last user this device saw signed in, so /walk can greet them and work offline, when the
// session endpoint cannot be reached. Not a credential: the server checks every request.
import { del, get, set } from "idb-keyval";

export type LastUser = { userId: string; name: string; email: string; kind: string; seenAt: Date };

const KEY = "rs-last-user";

export async function rememberUser(user: Omit<LastUser, "seenAt">, now = new Date()): Promise<void> {
  await set(KEY, { ...user, seenAt: now });
}

export async function lastUser(): Promise<LastUser | null> {
  return (await get<LastUser>(KEY)) ?? null;
}

/** On sign-out: the next person on this device is not greeted as the last one. */
export async function forgetUser(): Promise<void> {
  await del(KEY);
}
