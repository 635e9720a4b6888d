// The admin renames, deactivates or re-roles an account. Staff roles may swap (an admin who
// becomes a technician gets a technician profile; a technician who becomes an admin keeps
// theirs, to keep walking lots); customer and staff accounts never turn into each other, and
// an admin cannot lock themself out. A deactivated account is refused at once on every request;
// deactivation and a role change also end the user's sessions (the role routes their screens).
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed, assertNotLockingOut, assertRoleChange } from "~/domain";
import { endUserSessions } from "../../auth/user-sessions";
import type { Db } from "../../db";
import { Role } from "../../db/generated/client";
import { NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { textInput } from "../../data/shared-inputs";
import { USER_INCLUDE, userView } from "../../data/users/user-view";

export const updateUserInput = z.object({
  userId: z.uuid(),
  name: textInput(FIELDS.personName, { required: true }).optional(),
  isActive: z.boolean().optional(),
  role: z.enum(Role).optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

export async function updateUser(db: Db, ctx: ServiceContext, raw: UpdateUserInput) {
  const { userId, ...changes } = updateUserInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, include: USER_INCLUDE });
    if (!before) throw new NotFound("User");
    if (changes.role) assertRoleChange(before.role, changes.role);
    assertNotLockingOut(ctx.actor.userId, userId, before, changes);
    const needsProfile = changes.role === "TECHNICIAN" && !before.technician;
    const after = await tx.user.update({
      where: { id: userId },
      data: { ...changes, ...(needsProfile ? { technician: { create: {} } } : {}) },
      include: USER_INCLUDE,
    });
    if (after.role !== before.role || (before.isActive && !after.isActive)) await endUserSessions(tx, userId);
    await auditChange(tx, ctx, {
      action: "user.update",
      entityType: "User",
      entityId: userId,
      before: userView(before),
      after: userView(after),
    });
    return userView(after);
  });
}
