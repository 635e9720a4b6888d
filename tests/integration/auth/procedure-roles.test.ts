// Every tRPC procedure refuses the actor kinds it is not for, and signed-out callers. The
// table is the router itself: each procedure must declare its roles (procedureFor), and the
// expected roles of each procedure are written out below, so a change in either fails here.
import { type TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTOR_KINDS, type ActorKind } from "~/domain";
import type { ActorWithIdentity } from "~/server/auth/actor";
import { appRouter, createCaller } from "~/server/api/root";
import type { ProcedureMeta } from "~/server/api/trpc";
import { type TestDatabase, startTestDatabase } from "../../support/test-database";

const STAFF: ActorKind[] = ["technician", "manager", "admin"];
const EVERYONE: ActorKind[] = ["technician", "manager", "admin", "customer"];
const DISPATCHERS: ActorKind[] = ["manager", "admin"];
const DECIDERS: ActorKind[] = ["manager", "admin", "customer"];
const ADMIN: ActorKind[] = ["admin"];
const CUSTOMER: ActorKind[] = ["customer"];
const EXPECTED_ROLES: Record<string, ActorKind[]> = {
  "apiKeys.list": ["admin", "customer"],
  "analytics.dashboard": DECIDERS,
  "analytics.atRisk": DECIDERS,
  "analytics.accuracy": DECIDERS,
  "analytics.costs": ADMIN,
  "analytics.updateCosts": ADMIN,
  "apiKeys.create": ["admin", "customer"],
  "apiKeys.revoke": ["admin", "customer"],
  "apiKeys.clients": ["admin", "customer"],
  "apiKeys.createClient": ["admin", "customer"],
  "apiKeys.revokeClient": ["admin", "customer"],
  "webhooks.list": ["admin", "customer"],
  "webhooks.create": ["admin", "customer"],
  "webhooks.setEnabled": ["admin", "customer"],
  "webhooks.rotateSecret": ["admin", "customer"],
  "webhooks.delete": ["admin", "customer"],
  "webhooks.deliveries": ["admin", "customer"],
  "webhooks.replay": ["admin", "customer"],
  "webhooks.ping": ["admin", "customer"],
  "push.publicKey": STAFF,
  "push.status": STAFF,
  "push.subscribe": STAFF,
  "push.unsubscribe": STAFF,
  "session.me": EVERYONE,
  "repair.capture": STAFF,
  "repair.start": STAFF,
  "repair.complete": STAFF,
  "repair.request": ["customer", "admin"],
  "repair.assign": DISPATCHERS,
  "repair.overridePrice": DISPATCHERS,
  "repair.approve": DECIDERS,
  "repair.deny": DECIDERS,
  "repair.cancel": DECIDERS,
  "repair.estimateForUnit": EVERYONE,
  "repair.list": EVERYONE,
  "repair.byId": EVERYONE,
  "repair.claim": ["technician", "manager"],
  "repair.markUrgent": STAFF,
  "repair.sendToCustomer": STAFF,
  "repair.createFollowUp": STAFF,
  "parts.request": STAFF,
  "parts.forRepair": STAFF,
  "parts.list": DISPATCHERS,
  "parts.advance": DISPATCHERS,
  "template.list": STAFF,
  "template.save": STAFF,
  "template.delete": STAFF,
  "template.applyTo": STAFF,
  "notifications.mine": ["technician", "manager", "admin", "customer"],
  "notifications.unreadCount": ["technician", "manager", "admin", "customer"],
  "notifications.markRead": ["technician", "manager", "admin", "customer"],
  "notifications.preferences": ["technician", "manager", "admin", "customer"],
  "notifications.savePreferences": ["technician", "manager", "admin", "customer"],
  "notifications.outbox": ["admin"],
  "notifications.retry": ["admin"],
  "notifications.sendDigestsNow": ["admin"],
  "notifications.sendToCustomers": ["manager", "admin"],
  "favorite.list": ["technician", "manager"],
  "favorite.set": ["technician", "manager"],
  "portal.inbox": CUSTOMER,
  "unit.markWindshieldReplaced": DISPATCHERS,
  "unit.listForCustomer": EVERYONE,
  "unit.fleet": EVERYONE,
  "unit.repairs": DISPATCHERS,
  "walk.start": STAFF,
  "route.day": STAFF,
  "manager.approvalQueue": DISPATCHERS,
  "manager.approveWalk": DISPATCHERS,
  "manager.queue": DISPATCHERS,
  "manager.queueGroup": DISPATCHERS,
  "manager.undoApproval": DISPATCHERS,
  "manager.requestsWaiting": DISPATCHERS,
  "manager.assignableTechnicians": DISPATCHERS,
  "manager.team": DISPATCHERS,
  "manager.flagged": DISPATCHERS,
  "manager.resolveFlag": DISPATCHERS,
  "manager.resolveFlags": DISPATCHERS,
  "manager.changesSince": DISPATCHERS,
  "assignment.rankForRepair": DISPATCHERS,
  "assignment.rankForWalk": DISPATCHERS,
  "assignment.bulkAssign": DISPATCHERS,
  "admin.businessSettings": ADMIN,
  "quality.settings": ADMIN,
  "quality.updateSettings": ADMIN,
  "quality.openWarrantyClaim": DECIDERS,
  "quality.surveys": DISPATCHERS,
  "quality.technicians": DISPATCHERS,
  "quality.reviewQueue": DISPATCHERS,
  "quality.submitReview": DISPATCHERS,
  "quality.runNow": DISPATCHERS,
  "admin.updateBusinessSettings": ADMIN,
  "schedule.week": DISPATCHERS,
  "schedule.createWalk": DISPATCHERS,
  "schedule.moveWalk": DISPATCHERS,
  "schedule.cancelWalk": DISPATCHERS,
  "schedule.assignWalk": DISPATCHERS,
  "schedule.generateNow": DISPATCHERS,
  "schedule.sites": DISPATCHERS,
  "schedule.saveSite": ADMIN,
  "billing.list": DECIDERS,
  "billing.byId": DECIDERS,
  "billing.receivables": ADMIN,
  "billing.invoiceNow": ADMIN,
  "billing.runStatus": ADMIN,
  "billing.currentRun": ADMIN,
  "billing.issue": ADMIN,
  "billing.addDiscount": ADMIN,
  "billing.void": ADMIN,
  "billing.recordPayment": ADMIN,
  "billing.settings": ADMIN,
  "billing.updateSettings": ADMIN,
  "rewards.settings": ADMIN,
  "rewards.updateSettings": ADMIN,
  "rewards.customer": ADMIN,
  "rewards.mine": CUSTOMER,
  "rewards.redeem": ADMIN,
  "rewards.setReferrer": ADMIN,
  "rewards.checkNow": ADMIN,
  "rewards.grantMissing": ADMIN,
  "admin.customers": ADMIN,
  "admin.customer": ADMIN,
  "admin.staleOfflineCopies": ADMIN,
  "admin.createCustomer": ADMIN,
  "admin.updateCustomer": ADMIN,
  "admin.updatePricing": ADMIN,
  "admin.pricingHistory": ADMIN,
  "admin.updateFleetSettings": ADMIN,
  "admin.technicians": ADMIN,
  "admin.updateTechnician": ADMIN,
  "admin.createUnit": ADMIN,
  "admin.updateUnit": ADMIN,
  "admin.importUnitsCsv": ADMIN,
  "admin.users": ADMIN,
  "admin.createUser": ADMIN,
  "admin.updateUser": ADMIN,
  "admin.resetPassword": ADMIN,
  "admin.auditLog": ADMIN,
  "admin.auditReport": ADMIN,
  "portal.units": CUSTOMER,
  "portal.pendingApprovals": CUSTOMER,
  "portal.approve": CUSTOMER,
  "portal.deny": CUSTOMER,
  "portal.settings": CUSTOMER,
  "portal.updatePreferences": CUSTOMER,
  "portal.changes": CUSTOMER,
  "portal.walks": CUSTOMER,
  "portal.requestWalk": CUSTOMER,
  "portal.cancelWalkRequest": CUSTOMER,
  "portal.createUnit": CUSTOMER,
  "portal.updateUnit": CUSTOMER,
  "portal.importUnitsCsv": CUSTOMER,
  "portal.reportWindshield": CUSTOMER,
  "portal.windshieldReports": CUSTOMER,
  "unit.windshieldReports": DISPATCHERS,
  "unit.decideWindshieldReport": DISPATCHERS,
  "messages.threads": EVERYONE,
  "messages.thread": EVERYONE,
  "messages.send": EVERYONE,
  "messages.markRead": EVERYONE,
  "sync.prepare": STAFF,
  "sync.push": STAFF,
};

const ACTORS: Record<ActorKind, ActorWithIdentity> = {
  admin: { userId: "00000000-0000-4000-8000-000000000001", role: "ADMIN", email: "a@t.test", name: "A" },
  manager: {
    userId: "00000000-0000-4000-8000-000000000002",
    role: "TECHNICIAN",
    email: "m@t.test",
    name: "M",
    technician: {
      id: "00000000-0000-4000-8000-0000000000a2",
      isManager: true,
      approvalLimitCents: null,
      canAssignWork: true,
      canOverridePricing: true,
      managedTechnicianIds: [],
      isActive: true,
    },
  },
  technician: {
    userId: "00000000-0000-4000-8000-000000000003",
    role: "TECHNICIAN",
    email: "t@t.test",
    name: "T",
    technician: {
      id: "00000000-0000-4000-8000-0000000000a3",
      isManager: false,
      approvalLimitCents: null,
      canAssignWork: false,
      canOverridePricing: false,
      managedTechnicianIds: [],
      isActive: true,
    },
  },
  customer: {
    userId: "00000000-0000-4000-8000-000000000004",
    role: "CUSTOMER",
    email: "c@t.test",
    name: "C",
    customerId: "00000000-0000-4000-8000-0000000000c4",
  },
};

const ROLE_REFUSAL = /is not available to a/;
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
);

function call(actor: ActorWithIdentity | null, path: string, db: TestDatabase["db"]) {
  const caller = createCaller({ db, actor, origin: { ip: "127.0.0.1", userAgent: "role-test" } }) as unknown as Record<
    string,
    unknown
  >;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  return fn(undefined);
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error as TRPCError;
  }
}

describe("every tRPC procedure checks the caller's role on the server", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => {
    await database.stop();
  });

  it("has procedures, each declaring the roles it is for", () => {
    expect(procedures.length).toBeGreaterThan(0);
    for (const [path, procedure] of procedures) {
      expect(procedure._def.meta?.roles, `${path} declares its roles`).toBeDefined();
    }
  });

  for (const [path, procedure] of procedures) {
    const declared = [...(procedure._def.meta?.roles ?? [])];
    it(`${path}: declared roles match the expected table`, () => {
      const expected = EXPECTED_ROLES[path];
      expect(expected, `add ${path} to EXPECTED_ROLES with the roles it is for`).toBeDefined();
      expect(declared.sort()).toEqual([...expected!].sort());
    });
    it(`${path}: refuses signed-out callers`, async () => {
      const error = await errorOf(call(null, path, database.db));
      expect(error?.code).toBe("UNAUTHORIZED");
    });
    for (const kind of ACTOR_KINDS) {
      const allowed = declared.includes(kind);
      it(`${path}: ${allowed ? "lets" : "refuses"} a ${kind}`, async () => {
        const error = await errorOf(call(ACTORS[kind], path, database.db));
        if (allowed) expect(error?.message ?? "").not.toMatch(ROLE_REFUSAL);
        else {
          expect(error?.code).toBe("FORBIDDEN");
          expect(error?.message).toMatch(ROLE_REFUSAL);
        }
      });
    }
  }
});
