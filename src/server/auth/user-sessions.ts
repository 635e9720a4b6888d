// Sessions the server can end. The JWT cookie names a UserSession row; each request checks the
// row is still there and was used recently. Deleting the rows ends a session everywhere at once:
// sign-out (that one), a password reset, deactivation or a role change (all of that user's).
import "server-only";
import type { DbTx } from "../db";

/** A session unused this long ends (a device offline longer signs in again; its queue is kept). */
export const IDLE_TIMEOUT_MS = 24 * 60 * 60_000;
/** No session lives longer than this, however active (also the cookie's lifetime). */
export const MAX_SESSION_AGE_S = 30 * 24 * 60 * 60;
/** lastSeenAt is written at most this often per session, not on every request. */
export const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: DbTx, userId: string, now = new Date()): Promise<string> {
  // Forget this user's ended sessions while here, so the table does not grow without bound.
  await db.userSession.deleteMany({
    where: {
      userId,
      OR: [
        { lastSeenAt: { lt: new Date(now.getTime() - IDLE_TIMEOUT_MS) } },
        { createdAt: { lt: new Date(now.getTime() - MAX_SESSION_AGE_S * 1000) } },
      ],
    },
  });
  const { id } = await db.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return id;
}

/** Whether the session is live for this user; refreshes its lastSeenAt (rate-bounded). */
export async function sessionIsLive(
  db: DbTx,
  token: { sid?: unknown; sub?: unknown },
  now = new Date(),
): Promise<boolean> {
  if (typeof token.sid !== "string" || typeof token.sub !== "string") return false;
  const session = await db.userSession.findUnique({ where: { id: token.sid } });
  if (!session || session.userId !== token.sub) return false;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (idleSince > IDLE_TIMEOUT_MS || now.getTime() - session.createdAt.getTime() > MAX_SESSION_AGE_S * 1000) {
    await db.userSession.deleteMany({ where: { id: session.id } });
    return false;
  }
  if (idleSince > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({
      where: { id: session.id, lastSeenAt: session.lastSeenAt },
      data: { lastSeenAt: now },
    });
  }
  return true;
}

export async function endSession(db: DbTx, sid: unknown): Promise<void> {
  if (typeof sid === "string") await db.userSession.deleteMany({ where: { id: sid } });
}

/** Signs the user out everywhere (their rights or password changed). */
export async function endUserSessions(db: DbTx, userId: string): Promise<number> {
  return (await db.userSession.deleteMany({ where: { userId } })).count;
}
