// Rewards on the database: every path that completes a repair grants its points in the same
// transaction, once; a referral pays both bonuses once, on the referred customer's first
// completed repair; redemptions never overdraw, even at once; the points check finds a grant
// that is missing and "Grant missing points" grants it; redemptions hand over to an invoice.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  attachRedemptionsToInvoice,
  releaseRedemptionsOfInvoice,
  takeRedemptionsForInvoice,
} from "~/server/data/rewards/invoice-redemptions";
import { pointsBalanceOf } from "~/server/data/rewards/points-ledger";
import { grantRewardsForCompletion } from "~/server/data/rewards/grant-rewards";
import { redeemPoints } from "~/server/services/rewards/redeem-points";
import { grantMissingPoints, runPointsCheck } from "~/server/services/rewards/points-check";
import { updateRewardSettings } from "~/server/services/rewards/reward-settings";
import { setReferrer } from "~/server/services/rewards/set-referrer";
import { DEFAULT_REWARD_SETTINGS } from "~/domain/rewards";
import { callerFor, contextFor, createCustomer, createCustomerUser, createWalk, photo } from "../../support/fixtures";
import { capture, finish } from "../../support/repair-flows";
import { type Mutation, mutation, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("rewards", () => {
  const world = useWorld();
  const grants = (repairId: string) => world.db.pointsEntry.findMany({ where: { repairId } });

  /** A customer of its own with Tina's walk in progress there, so each test's balances start at 0. */
  async function freshCustomer(name: string) {
    const customer = await createCustomer(world.db, `${name} ${randomUUID().slice(0, 6)}`, {
      settings: { autoApproveLotRepairs: true, maxAutoApproveCents: 10_000, requirePhotoForApproval: true },
    });
    const walk = await createWalk(world.db, customer.id, world.tina.technicianId);
    return { customer, walk };
  }

  async function completedAt(walk: { id: string; customerId: string }, unitNumber: string) {
    const repair = await capture(world.db, world, { unitNumber }, world.tina, walk);
    return finish(world.db, world.tina, repair.id);
  }

  it("an online completion grants 50 points in its transaction, once", async () => {
    const { customer, walk } = await freshCustomer("Online");
    const repair = await completedAt(walk, "ON-1");
    expect(await grants(repair.id)).toMatchObject([{ kind: "GRANT_REPAIR", points: 50, customerId: customer.id }]);
    // Granting again (a replay, the check's fix racing a completion) adds nothing.
    await world.db.$transaction((tx) => grantRewardsForCompletion(tx, [repair], { createdById: null }));
    expect(await grants(repair.id)).toHaveLength(1);
    expect(await pointsBalanceOf(world.db, customer.id)).toBe(50);
  });

  it("a repair completed on the spot at capture is granted", async () => {
    const { customer, walk } = await freshCustomer("Spot");
    const repair = await capture(
      world.db,
      world,
      {
        unitNumber: "SP-1",
        completedOnSpot: { completedAt: new Date() },
        attachments: [photo("DAMAGE"), photo("AFTER")],
      },
      world.tina,
      walk,
    );
    expect(repair.status).toBe("COMPLETED");
    expect(await pointsBalanceOf(world.db, customer.id)).toBe(50);
  });

  it("a sync batch grants every completion in it (queued completions and captures fixed on the spot), a replay none twice", async () => {
    const { customer, walk } = await freshCustomer("Sync");
    const open = await Promise.all(
      ["SY-1", "SY-2"].map((unitNumber) => capture(world.db, world, { unitNumber }, world.tina, walk)),
    );
    const change = (type: "repair.start" | "repair.complete", payload: object): Mutation => {
      const m = mutation(type, payload);
      return { ...m, payload: { id: m.id, ...payload } };
    };
    const batch = [
      ...open.flatMap((r) => [
        change("repair.start", { repairId: r.id, startedAt: new Date(Date.now() - 60_000) }),
        change("repair.complete", { repairId: r.id, completedAt: new Date(), attachments: [photo("AFTER")] }),
      ]),
      repairCapture(walk, {
        unitNumber: "SY-3",
        completedOnSpot: { completedAt: new Date() },
        attachments: [photo("DAMAGE"), photo("AFTER")],
      }),
      // Plain captures go in with the bulk insert: nothing completed, nothing granted.
      repairCapture(walk, { unitNumber: "SY-4" }),
      repairCapture(walk, { unitNumber: "SY-5" }),
    ];
    const first = await push(world.db, world.tina, batch);
    expect(first.results.every((r) => r.ok)).toBe(true);
    expect(await pointsBalanceOf(world.db, customer.id)).toBe(150);
    await push(world.db, world.tina, batch);
    expect(await world.db.pointsEntry.count({ where: { customerId: customer.id } })).toBe(3);
  });

  it("grants a whole batch of completions in one statement, each once", async () => {
    const { customer, walk } = await freshCustomer("Bulk");
    const done: { id: string }[] = [];
    for (const n of [1, 2, 3]) done.push(await completedAt(walk, `BK-${n}`));
    await world.db.pointsEntry.deleteMany({ where: { customerId: customer.id } });
    const inserted = await world.db.$transaction((tx) =>
      grantRewardsForCompletion(tx, [...done, ...done], { createdById: null }),
    );
    expect(inserted).toBe(3);
    expect(await pointsBalanceOf(world.db, customer.id)).toBe(150);
  });

  it("nothing is granted while rewards are off", async () => {
    const admin = contextFor(world.admin);
    await updateRewardSettings(world.db, admin, { ...DEFAULT_REWARD_SETTINGS, enabled: false });
    try {
      const { customer, walk } = await freshCustomer("Off");
      await completedAt(walk, "OFF-1");
      expect(await pointsBalanceOf(world.db, customer.id)).toBe(0);
    } finally {
      await updateRewardSettings(world.db, admin, DEFAULT_REWARD_SETTINGS);
    }
  });

  it("a referral pays 500 and 100 once, on the referred customer's first completed repair", async () => {
    const referrer = await freshCustomer("Referrer");
    const referred = await freshCustomer("Referred");
    await setReferrer(world.db, contextFor(world.admin), {
      customerId: referred.customer.id,
      referredByCustomerId: referrer.customer.id,
    });
    const first = await completedAt(referred.walk, "RF-1");
    await completedAt(referred.walk, "RF-2");
    expect(await pointsBalanceOf(world.db, referrer.customer.id)).toBe(500);
    expect(await pointsBalanceOf(world.db, referred.customer.id)).toBe(50 + 50 + 100);
    const bonuses = await world.db.pointsEntry.findMany({
      where: { kind: { in: ["GRANT_REFERRER", "GRANT_REFERRED"] }, repairId: first.id },
      orderBy: { kind: "asc" },
    });
    expect(bonuses).toMatchObject([
      { kind: "GRANT_REFERRER", customerId: referrer.customer.id, referralCustomerId: referred.customer.id },
      { kind: "GRANT_REFERRED", customerId: referred.customer.id, referralCustomerId: referrer.customer.id },
    ]);
    expect(
      await world.db.auditLog.count({ where: { action: "customer.setReferrer", entityId: referred.customer.id } }),
    ).toBe(1);
  });

  it("a customer that already had completed work earns no referral bonus later", async () => {
    const referrer = await freshCustomer("Late referrer");
    const referred = await freshCustomer("Late referred");
    await completedAt(referred.walk, "LR-1");
    await setReferrer(world.db, contextFor(world.admin), {
      customerId: referred.customer.id,
      referredByCustomerId: referrer.customer.id,
    });
    await completedAt(referred.walk, "LR-2");
    expect(await pointsBalanceOf(world.db, referrer.customer.id)).toBe(0);
  });

  it("a customer created with its referrer pays the referral on its first repair; an unknown referrer is refused", async () => {
    const referrer = await freshCustomer("Creating referrer");
    const admin = callerFor(world.db, world.admin);
    await expect(
      admin.admin.createCustomer({ name: "Nobody's referral", referredByCustomerId: randomUUID() }),
    ).rejects.toMatchObject({ cause: { code: "NOT_FOUND" } });
    const created = await admin.admin.createCustomer({
      name: `Referred at creation ${randomUUID().slice(0, 6)}`,
      referredByCustomerId: referrer.customer.id,
    });
    await world.db.customer.update({
      where: { id: created.id },
      data: { autoApproveLotRepairs: true, maxAutoApproveCents: 10_000 },
    });
    const walk = await createWalk(world.db, created.id, world.tina.technicianId);
    await completedAt(walk, "RC-1");
    expect(await pointsBalanceOf(world.db, referrer.customer.id)).toBe(500);
    expect(await pointsBalanceOf(world.db, created.id)).toBe(150);
  });

  it("refuses self-referral and a referral both ways", async () => {
    const a = await freshCustomer("A");
    const b = await freshCustomer("B");
    const admin = callerFor(world.db, world.admin);
    await expect(
      admin.rewards.setReferrer({ customerId: a.customer.id, referredByCustomerId: a.customer.id }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_REFERRAL" } });
    await admin.rewards.setReferrer({ customerId: a.customer.id, referredByCustomerId: b.customer.id });
    await expect(
      admin.rewards.setReferrer({ customerId: b.customer.id, referredByCustomerId: a.customer.id }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_REFERRAL" } });
  });

  it("refuses redeeming more than the balance, or 0; the value is frozen at the rate", async () => {
    const { customer, walk } = await freshCustomer("Redeem");
    await completedAt(walk, "RD-1");
    const admin = callerFor(world.db, world.admin);
    await expect(admin.rewards.redeem({ customerId: customer.id, points: 51 })).rejects.toMatchObject({
      cause: { code: "POINTS_OVER_BALANCE" },
    });
    await expect(admin.rewards.redeem({ customerId: customer.id, points: 0 })).rejects.toMatchObject({
      cause: { code: "INVALID_REDEMPTION" },
    });
    expect(await admin.rewards.redeem({ customerId: customer.id, points: 50 })).toMatchObject({
      points: 50,
      valueCents: 50,
      balance: 0,
    });
    expect(await world.db.auditLog.count({ where: { action: "rewards.redeem" } })).toBeGreaterThan(0);
  });

  it("redemptions at once never overdraw the balance", async () => {
    const { customer, walk } = await freshCustomer("Race");
    await completedAt(walk, "RC-1");
    await completedAt(walk, "RC-2");
    const ctx = contextFor(world.admin);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => redeemPoints(world.db, ctx, { customerId: customer.id, points: 40 })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(2);
    for (const o of outcomes)
      if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "POINTS_OVER_BALANCE" });
    expect(await pointsBalanceOf(world.db, customer.id)).toBe(20);
  });

  it("the points check finds a deliberately deleted grant; granting the missing points fixes it, audited", async () => {
    const { customer, walk } = await freshCustomer("Check");
    const repair = await completedAt(walk, "CK-1");
    expect((await runPointsCheck(world.db)).missingGrants).toBe(0);
    await world.db.pointsEntry.deleteMany({ where: { repairId: repair.id, kind: "GRANT_REPAIR" } });
    const check = await runPointsCheck(world.db);
    expect(check.missingGrants).toBe(1);
    expect(await callerFor(world.db, world.admin).rewards.settings()).toMatchObject({ missingGrants: 1 });

    expect(await grantMissingPoints(world.db, contextFor(world.admin))).toEqual({ granted: 1 });
    expect(await grants(repair.id)).toMatchObject([
      { kind: "GRANT_REPAIR", points: 50, note: "granted by the points check" },
    ]);
    expect(await pointsBalanceOf(world.db, customer.id)).toBe(50);
    expect((await runPointsCheck(world.db)).missingGrants).toBe(0);
    expect(await world.db.auditLog.count({ where: { action: "rewards.grantMissing" } })).toBe(1);
  });

  it("the check looks only at repairs completed since rewards were last switched on", async () => {
    const { walk } = await freshCustomer("Window");
    const repair = await completedAt(walk, "WN-1");
    await world.db.pointsEntry.deleteMany({ where: { repairId: repair.id, kind: "GRANT_REPAIR" } });
    expect((await runPointsCheck(world.db)).missingGrants).toBe(1);
    const admin = contextFor(world.admin);
    await updateRewardSettings(world.db, admin, { ...DEFAULT_REWARD_SETTINGS, enabled: false });
    expect((await runPointsCheck(world.db)).missingGrants).toBe(0);
    await updateRewardSettings(world.db, admin, DEFAULT_REWARD_SETTINGS);
    expect((await runPointsCheck(world.db)).missingGrants).toBe(0);
  });

  it("hands pending redemptions to the next invoice once, and never changes a repair's price", async () => {
    const { customer, walk } = await freshCustomer("Invoice");
    const repair = await completedAt(walk, "IV-1");
    await completedAt(walk, "IV-2");
    const ctx = contextFor(world.admin);
    await redeemPoints(world.db, ctx, { customerId: customer.id, points: 30 });
    await redeemPoints(world.db, ctx, { customerId: customer.id, points: 45 });
    const invoiceId = randomUUID();
    const lines = await world.db.$transaction(async (tx) => {
      const taken = await takeRedemptionsForInvoice(tx, customer.id);
      await attachRedemptionsToInvoice(
        tx,
        taken.map((l) => l.redemptionId),
        invoiceId,
      );
      return taken;
    });
    expect(lines.map((l) => [l.points, l.amountCents])).toEqual([
      [30, 30],
      [45, 45],
    ]);
    expect(await world.db.$transaction((tx) => takeRedemptionsForInvoice(tx, customer.id))).toEqual([]);
    await expect(
      world.db.$transaction((tx) => attachRedemptionsToInvoice(tx, [lines[0]!.redemptionId], randomUUID())),
    ).rejects.toThrow(/another invoice/);
    expect(await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).toMatchObject({ priceCents: 5000 });
    // A voided invoice gives its redemptions back to the next one; a small invoice takes only what fits.
    expect(await world.db.$transaction((tx) => releaseRedemptionsOfInvoice(tx, invoiceId))).toBe(2);
    const fitting = await world.db.$transaction((tx) => takeRedemptionsForInvoice(tx, customer.id, { totalCents: 40 }));
    expect(fitting.map((l) => l.points)).toEqual([30]);
  });

  it("a customer user sees their own company's ledger, newest first, in the portal", async () => {
    const { customer, walk } = await freshCustomer("Portal");
    await completedAt(walk, "PT-1");
    await redeemPoints(world.db, contextFor(world.admin), { customerId: customer.id, points: 10 });
    const user = await createCustomerUser(world.db, customer.id, "Pat");
    const mine = await callerFor(world.db, user).rewards.mine();
    expect(mine).toMatchObject({ customerId: customer.id, balance: 40, pendingRedemptionPoints: 10 });
    expect(mine.entries.map((e) => e.kind)).toEqual(["REDEMPTION", "GRANT_REPAIR"]);
    await expect(callerFor(world.db, user).rewards.customer({ customerId: world.acme.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
