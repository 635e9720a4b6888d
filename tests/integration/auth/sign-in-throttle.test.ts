// The sign-in throttle, kept in PostgreSQL: exponential waits per client IP and per account, and
// no way for an attacker to lock a user out of the devices they signed in from before.
import { beforeAll, describe, expect, it } from "vitest";
import { WRONG_CREDENTIALS, authorizeCredentials } from "~/server/auth/options";
import { hashPassword } from "~/server/auth/passwords";
import {
  EMAIL_FREE_FAILURES,
  IP_FREE_FAILURES,
  recordSignInFailure,
  recordSignInSuccess,
  signInWait,
} from "~/server/auth/sign-in-throttle";
import type { Db } from "~/server/db";
import { useWorld } from "../../support/use-world";

describe("sign-in throttle", () => {
  const world = useWorld();
  beforeAll(() => {
    (globalThis as unknown as { rsDb?: Db }).rsDb = world.db;
  });
  const at = (ms: number) => new Date(Date.UTC(2026, 2, 2, 8) + ms);

  it("doubles the wait for an IP after its free failures, across accounts, and forgets later", async () => {
    const ip = "198.51.100.20";
    for (let i = 0; i < IP_FREE_FAILURES - 1; i++)
      await recordSignInFailure(world.db, { email: `u${i}@x.test`, ip }, at(0));
    expect(await signInWait(world.db, { email: "someone@x.test", ip }, at(0))).toBe(0);
    await recordSignInFailure(world.db, { email: "u99@x.test", ip }, at(0));
    expect(await signInWait(world.db, { email: "someone@x.test", ip }, at(0))).toBe(15_000);
    await recordSignInFailure(world.db, { email: "u98@x.test", ip }, at(0));
    expect(await signInWait(world.db, { email: "someone@x.test", ip }, at(0))).toBe(30_000);
    expect(await signInWait(world.db, { email: "someone@x.test", ip: "198.51.100.21" }, at(0))).toBe(0);
    expect(await signInWait(world.db, { email: "someone@x.test", ip }, at(30_000))).toBe(0);
  });

  it("slows guesses at one account from any IP, but not from an IP that signed into it before", async () => {
    const email = "victim@x.test";
    await recordSignInSuccess(world.db, { email, ip: "203.0.113.50" }, at(0));
    for (let i = 0; i < EMAIL_FREE_FAILURES; i++)
      await recordSignInFailure(world.db, { email: "Victim@X.test", ip: `192.0.2.${i}` }, at(1000));
    expect(await signInWait(world.db, { email, ip: "192.0.2.200" }, at(1000))).toBe(15_000);
    expect(await signInWait(world.db, { email, ip: null }, at(1000))).toBe(15_000);
    expect(await signInWait(world.db, { email, ip: "203.0.113.50" }, at(1000))).toBe(0);
  });

  it("a good sign-in clears the account's failures, never the IP's", async () => {
    const ip = "198.51.100.30";
    for (let i = 0; i < IP_FREE_FAILURES; i++) await recordSignInFailure(world.db, { email: "a@x.test", ip }, at(0));
    await recordSignInSuccess(world.db, { email: "a@x.test", ip }, at(0));
    expect(await signInWait(world.db, { email: "a@x.test", ip }, at(0))).toBeGreaterThan(0);
    expect(await signInWait(world.db, { email: "a@x.test", ip: "198.51.100.31" }, at(0))).toBe(0);
  });

  it("an attacker's wrong guesses do not keep the user out of their own phone", async () => {
    const password = "the user's long password";
    const user = await world.db.user.create({
      data: { email: "owner@x.test", name: "Owner", role: "ADMIN", passwordHash: await hashPassword(password) },
    });
    const phone = "203.0.113.77";
    await expect(authorizeCredentials({ email: user.email, password }, phone)).resolves.toMatchObject({ id: user.id });
    for (let i = 0; i < EMAIL_FREE_FAILURES; i++) {
      await expect(
        authorizeCredentials({ email: user.email, password: "guess" }, `192.0.2.${100 + i}`),
      ).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(authorizeCredentials({ email: user.email, password }, "192.0.2.150")).rejects.toThrow(/Too many/);
    await expect(authorizeCredentials({ email: user.email, password }, phone)).resolves.toMatchObject({ id: user.id });
  });
});
