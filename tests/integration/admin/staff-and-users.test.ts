import { describe, expect, it } from "vitest";
import { loadActor } from "~/server/auth/actor";
import { verifyPassword } from "~/server/auth/passwords";
import { ORIGIN, actorFor, callerFor, createTechnician } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

describe("an admin managing technicians, accounts and reading the audit trail", () => {
  const world = useWorld();

  it("sets a technician's rights and team; refuses managing oneself, one's manager, or bad working hours", async () => {
    const admin = callerFor(world.db, world.admin);
    const hours = { monday: { start: "07:00", end: "16:00" }, friday: { start: "07:00", end: "15:00" } };
    const updated = await admin.admin.updateTechnician({
      technicianId: world.theo.technicianId,
      isManager: true,
      approvalLimitCents: null,
      canAssignWork: true,
      managedTechnicianIds: [world.tina.technicianId],
      workingHours: hours,
    });
    expect(updated).toMatchObject({
      name: "Theo",
      isManager: true,
      approvalLimitCents: null,
      canAssignWork: true,
      managedTechnicianIds: [world.tina.technicianId],
      workingHours: hours,
    });
    const theo = await actorFor(world.db, world.theo.userId);
    expect(theo.technician).toMatchObject({
      isManager: true,
      approvalLimitCents: null,
      managedTechnicianIds: [world.tina.technicianId],
    });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: world.theo.technicianId, action: "technician.update" },
    });
    expect(audit).toMatchObject({ actorId: world.admin.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toMatchObject({
      isManager: { before: false, after: true },
      managedTechnicianIds: { before: [], after: [world.tina.technicianId] },
    });

    const refusal = (input: Parameters<typeof admin.admin.updateTechnician>[0]) =>
      admin.admin.updateTechnician(input).catch((e: { cause?: { code?: string } }) => e.cause?.code);
    expect(
      await refusal({ technicianId: world.theo.technicianId, managedTechnicianIds: [world.theo.technicianId] }),
    ).toBe("MANAGES_SELF");
    expect(
      await refusal({
        technicianId: world.tina.technicianId,
        isManager: true,
        managedTechnicianIds: [world.maya.technicianId],
      }),
    ).toBe("MANAGEMENT_CYCLE");
    expect(
      await refusal({ technicianId: world.tina.technicianId, managedTechnicianIds: [world.theo.technicianId] }),
    ).toBe("TEAM_WITHOUT_MANAGER");
    expect(
      await refusal({
        technicianId: world.theo.technicianId,
        workingHours: { monday: { start: "17:00", end: "08:00" } },
      }),
    ).toBe("INVALID_WORKING_HOURS");
    expect(await refusal({ technicianId: world.theo.technicianId, approvalLimitCents: -5 })).toBe(
      "INVALID_APPROVAL_LIMIT",
    );

    const list = await admin.admin.technicians();
    expect(list.find((t) => t.technicianId === world.tina.technicianId)).toMatchObject({
      managerIds: [world.maya.technicianId, world.theo.technicianId].sort(),
      lastSyncAt: null,
    });
  });

  it("creates accounts of each role with a hashed password and a unique email", async () => {
    const admin = callerFor(world.db, world.admin);
    const tech = await admin.admin.createUser({
      role: "TECHNICIAN",
      email: "Nia.Field@Example.test",
      name: "Nia",
      password: "walk-the-lot-1",
      phone: "+1 303 555 0142",
    });
    expect(tech).toMatchObject({
      email: "nia.field@example.test",
      role: "TECHNICIAN",
      isActive: true,
      technician: { isManager: false },
      customer: null,
    });
    const stored = await world.db.user.findUniqueOrThrow({ where: { id: tech.id } });
    expect(await verifyPassword("walk-the-lot-1", stored.passwordHash)).toBe(true);
    expect((await loadActor(world.db, tech.id))?.technician).toBeDefined();

    const contact = await admin.admin.createUser({
      role: "CUSTOMER",
      email: "ops@globex.example",
      name: "Olga",
      password: "fleet-ops-22",
      customerId: world.globex.id,
      isPrimaryContact: true,
    });
    expect(contact).toMatchObject({
      role: "CUSTOMER",
      customer: { id: world.globex.id, name: "Globex Trucking", isPrimaryContact: true },
    });
    expect((await loadActor(world.db, contact.id))?.customerId).toBe(world.globex.id);

    await expect(
      admin.admin.createUser({
        role: "ADMIN",
        email: "NIA.FIELD@example.test",
        name: "Other",
        password: "long-enough",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "An account with the email nia.field@example.test already exists.",
      cause: { code: "EMAIL_IN_USE" },
    });
    await expect(
      admin.admin.createUser({ role: "ADMIN", email: "short@example.test", name: "S", password: "short" }),
    ).rejects.toMatchObject({ cause: { code: "WEAK_PASSWORD" } });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: tech.id, action: "user.create" } });
    expect(audit).toMatchObject({ actorId: world.admin.userId, ip: ORIGIN.ip });
    expect(JSON.stringify(audit.changes)).not.toContain(stored.passwordHash);
    expect(audit.changes).not.toHaveProperty("passwordHash");

    const page = await admin.admin.users({ role: "CUSTOMER", limit: 2 });
    expect(page.items.every((u) => u.role === "CUSTOMER")).toBe(true);
    expect(page.nextCursor).not.toBeNull();
    const next = await admin.admin.users({ role: "CUSTOMER", limit: 2, cursor: page.nextCursor! });
    expect(next.items.map((u) => u.id)).not.toContain(page.items[0]!.id);
    expect((await admin.admin.users({ search: "olga" })).items.map((u) => u.id)).toEqual([contact.id]);
  });

  it("changes names, roles and activity only where coherent, and resets passwords", async () => {
    const admin = callerFor(world.db, world.admin);
    const person = await createTechnician(world.db, "Pat");
    const promoted = await admin.admin.updateUser({ userId: person.userId, role: "ADMIN", name: "Pat Office" });
    expect(promoted).toMatchObject({ role: "ADMIN", name: "Pat Office", technician: { id: person.technicianId } });
    const boss = await admin.admin.createUser({
      role: "ADMIN",
      email: "boss@example.test",
      name: "Boss",
      password: "boss-password",
    });
    expect((await admin.admin.updateUser({ userId: boss.id, role: "TECHNICIAN" })).technician).toMatchObject({
      isManager: false,
    });

    const refusal = (input: Parameters<typeof admin.admin.updateUser>[0]) =>
      admin.admin.updateUser(input).catch((e: { cause?: { code?: string } }) => e.cause?.code);
    expect(await refusal({ userId: world.carla.userId, role: "ADMIN" })).toBe("ROLE_CHANGE_REFUSED");
    expect(await refusal({ userId: world.tina.userId, role: "CUSTOMER" })).toBe("ROLE_CHANGE_REFUSED");
    expect(await refusal({ userId: world.admin.userId, isActive: false })).toBe("OWN_ACCOUNT");
    expect(await refusal({ userId: world.admin.userId, role: "TECHNICIAN" })).toBe("OWN_ACCOUNT");

    await admin.admin.updateUser({ userId: person.userId, isActive: false });
    expect(await loadActor(world.db, person.userId)).toBeNull();
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: person.userId, action: "user.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.changes).toEqual({ isActive: { before: true, after: false } });

    const reset = await admin.admin.resetPassword({ userId: world.carla.userId, password: "a-brand-new-one" });
    expect(reset.userId).toBe(world.carla.userId);
    const carla = await world.db.user.findUniqueOrThrow({ where: { id: world.carla.userId } });
    expect(await verifyPassword("a-brand-new-one", carla.passwordHash)).toBe(true);
    const resetAudit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: world.carla.userId, action: "user.resetPassword" },
    });
    expect(resetAudit).toMatchObject({ actorId: world.admin.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(JSON.stringify(resetAudit.changes)).not.toContain(carla.passwordHash);
    await expect(admin.admin.resetPassword({ userId: world.carla.userId, password: "1234" })).rejects.toMatchObject({
      cause: { code: "WEAK_PASSWORD" },
    });
  });

  it("reads the audit trail by record, actor, action (or area) and time, a page at a time", async () => {
    const admin = callerFor(world.db, world.admin);
    const byRecord = await admin.admin.auditLog({ entityType: "Technician", entityId: world.theo.technicianId });
    expect(byRecord.items.map((e) => e.action)).toEqual(["technician.update"]);
    expect(byRecord.items[0]).toMatchObject({
      actorId: world.admin.userId,
      actorName: "Ada",
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });

    const userArea = await admin.admin.auditLog({ action: "user.", actorId: world.admin.userId });
    expect(new Set(userArea.items.map((e) => e.action))).toEqual(
      new Set(["user.create", "user.update", "user.resetPassword"]),
    );
    expect((await admin.admin.auditLog({ action: "user.create" })).items.every((e) => e.action === "user.create")).toBe(
      true,
    );
    expect((await admin.admin.auditLog({ from: "2999-01-01" })).items).toEqual([]);
    expect((await admin.admin.auditLog({ to: "1999-12-31" })).items).toEqual([]);
    const since = await admin.admin.auditLog({ from: "1999-12-31", to: "2999-01-01", limit: 200 });
    expect(since.items.length).toBeGreaterThan(0);

    const first = await admin.admin.auditLog({ limit: 3 });
    const second = await admin.admin.auditLog({ limit: 3, cursor: first.nextCursor! });
    expect(first.items).toHaveLength(3);
    expect(second.items[0]!.createdAt.getTime()).toBeLessThanOrEqual(first.items[2]!.createdAt.getTime());
    expect(second.items.map((e) => e.id)).not.toContain(first.items[2]!.id);
    await expect(callerFor(world.db, world.maya).admin.auditLog({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
