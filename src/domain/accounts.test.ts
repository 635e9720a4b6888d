import { describe, expect, it } from "vitest";
import { assertNotLockingOut, assertPassword, assertRoleChange, normalizeEmail } from "./accounts";
import { refusalCode } from "./test-fixtures";

describe("user accounts", () => {
  it("stores emails as they are signed in with", () => {
    expect(normalizeEmail("  Pat.Admin@Example.COM ")).toBe("pat.admin@example.com");
  });

  it("takes passwords of 8 to 200 characters, not only spaces", () => {
    expect(refusalCode(() => assertPassword("demo1234"))).toBe("ok");
    expect(refusalCode(() => assertPassword("short"))).toBe("WEAK_PASSWORD");
    expect(refusalCode(() => assertPassword(" ".repeat(12)))).toBe("WEAK_PASSWORD");
    expect(refusalCode(() => assertPassword("x".repeat(201)))).toBe("WEAK_PASSWORD");
  });

  it("lets staff roles swap, never a customer account with a staff one", () => {
    expect(refusalCode(() => assertRoleChange("TECHNICIAN", "ADMIN"))).toBe("ok");
    expect(refusalCode(() => assertRoleChange("ADMIN", "TECHNICIAN"))).toBe("ok");
    expect(refusalCode(() => assertRoleChange("CUSTOMER", "CUSTOMER"))).toBe("ok");
    expect(refusalCode(() => assertRoleChange("CUSTOMER", "ADMIN"))).toBe("ROLE_CHANGE_REFUSED");
    expect(refusalCode(() => assertRoleChange("TECHNICIAN", "CUSTOMER"))).toBe("ROLE_CHANGE_REFUSED");
  });

  it("keeps an admin from deactivating or re-roling their own account", () => {
    const me = { role: "ADMIN" as const, isActive: true };
    expect(refusalCode(() => assertNotLockingOut("u1", "u1", me, { isActive: false }))).toBe("OWN_ACCOUNT");
    expect(refusalCode(() => assertNotLockingOut("u1", "u1", me, { role: "TECHNICIAN" }))).toBe("OWN_ACCOUNT");
    expect(refusalCode(() => assertNotLockingOut("u1", "u1", me, { role: "ADMIN", isActive: true }))).toBe("ok");
    expect(refusalCode(() => assertNotLockingOut("u1", "u2", me, { isActive: false, role: "TECHNICIAN" }))).toBe("ok");
  });
});
