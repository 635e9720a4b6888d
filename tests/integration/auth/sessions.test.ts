// Sessions the server can end: the cookie names a UserSession row that sign-out, a password
// reset, deactivation and a role change delete, and that ends by itself when left idle.
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "~/server/auth/options";
import { IDLE_TIMEOUT_MS, TOUCH_EVERY_MS, sessionIsLive, startSession } from "~/server/auth/user-sessions";
import type { Db } from "~/server/db";
import { resetPassword } from "~/server/services/users/reset-password";
import { updateUser } from "~/server/services/users/update-user";
import { contextFor, createTechnician } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

type JwtParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0];
const jwt = (params: Partial<JwtParams>) => authOptions.callbacks!.jwt!(params as JwtParams);

/** What next-auth does when a user signs in: the jwt callback with the authorized user. */
async function signIn(userId: string): Promise<JWT> {
  return jwt({ token: {} as JWT, user: { id: userId, kind: "technician" } as never });
}
/** What next-auth does on every session read of that cookie: false = signed out. */
async function stillSignedIn(token: JWT): Promise<boolean> {
  try {
    await jwt({ token });
    return true;
  } catch {
    return false;
  }
}

describe("sessions", () => {
  const world = useWorld();
  beforeAll(() => {
    // authOptions reads the server's one client (db()); point it at this test's database.
    (globalThis as unknown as { rsDb?: Db }).rsDb = world.db;
  });

  it("sign-out ends that session only: a saved copy of its cookie no longer works", async () => {
    const tech = await createTechnician(world.db, "Sol");
    const phone = await signIn(tech.userId);
    const laptop = await signIn(tech.userId);
    expect(phone.sid).toEqual(expect.any(String));
    expect(await stillSignedIn(phone)).toBe(true);
    await authOptions.events!.signOut!({ token: phone, session: null as never });
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(laptop)).toBe(true);
  });

  it("a password reset signs the user out everywhere, and no one else", async () => {
    const tech = await createTechnician(world.db, "Rex");
    const other = await createTechnician(world.db, "Ola");
    const [a, b, c] = [await signIn(tech.userId), await signIn(tech.userId), await signIn(other.userId)];
    await resetPassword(world.db, contextFor(world.admin), { userId: tech.userId, password: "a new long password 1" });
    expect([await stillSignedIn(a), await stillSignedIn(b), await stillSignedIn(c)]).toEqual([false, false, true]);
    expect(await stillSignedIn(await signIn(tech.userId))).toBe(true);
  });

  it("deactivation and a role change end the user's sessions; a rename does not", async () => {
    const tech = await createTechnician(world.db, "Vic");
    const session = await signIn(tech.userId);
    await updateUser(world.db, contextFor(world.admin), { userId: tech.userId, name: "Victor" });
    expect(await stillSignedIn(session)).toBe(true);
    await updateUser(world.db, contextFor(world.admin), { userId: tech.userId, role: "ADMIN" });
    expect(await stillSignedIn(session)).toBe(false);

    const promoted = await signIn(tech.userId);
    await updateUser(world.db, contextFor(world.admin), { userId: tech.userId, isActive: false });
    expect(await stillSignedIn(promoted)).toBe(false);
  });

  it("a session left idle ends; use keeps it alive, written at most once a minute", async () => {
    const tech = await createTechnician(world.db, "Ida");
    const start = new Date("2026-03-02T08:00:00Z");
    const sid = await startSession(world.db, tech.userId, start);
    const token = { sid, sub: tech.userId };
    const lastSeen = async () => (await world.db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;

    expect(await sessionIsLive(world.db, token, new Date(start.getTime() + TOUCH_EVERY_MS / 2))).toBe(true);
    expect(await lastSeen()).toEqual(start);
    const later = new Date(start.getTime() + IDLE_TIMEOUT_MS - 1000);
    expect(await sessionIsLive(world.db, token, later)).toBe(true);
    expect(await lastSeen()).toEqual(later);

    expect(await sessionIsLive(world.db, token, new Date(later.getTime() + IDLE_TIMEOUT_MS + 1))).toBe(false);
    expect(await world.db.userSession.count({ where: { id: sid } })).toBe(0);
  });

  it("a cookie without a session id, or naming another user's session, is refused", async () => {
    const tech = await createTechnician(world.db, "Noa");
    const other = await createTechnician(world.db, "Eve");
    expect(await stillSignedIn({ sub: tech.userId, kind: "technician" } as JWT)).toBe(false);
    const theirs = await signIn(other.userId);
    expect(await stillSignedIn({ ...theirs, sub: tech.userId })).toBe(false);
  });
});
