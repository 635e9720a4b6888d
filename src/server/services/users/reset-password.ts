// The admin sets a new password for someone who lost theirs and tells them out of band. The
// audit entry says that it changed, never what to. Every session of that user ends: whoever knew
// the old password and signed in with it is signed out.
import "server-only";
import { z } from "zod";
import { PASSWORD_INPUT_MAX_LENGTH, assertAllowed, assertPassword } from "~/domain";
import { hashPassword } from "../../auth/passwords";
import { endUserSessions } from "../../auth/user-sessions";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";

export const resetPasswordInput = z.object({ userId: z.uuid(), password: z.string().max(PASSWORD_INPUT_MAX_LENGTH) });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export async function resetPassword(
  db: Db,
  ctx: ServiceContext,
  raw: ResetPasswordInput,
): Promise<{ userId: string; passwordChangedAt: Date }> {
  const input = resetPasswordInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  assertPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) throw new NotFound("User");
    const { updatedAt } = await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash },
      select: { updatedAt: true },
    });
    await endUserSessions(tx, input.userId);
    await auditChange(tx, ctx, {
      action: "user.resetPassword",
      entityType: "User",
      entityId: input.userId,
      before: null,
      after: {},
      extra: { password: { before: "(previous)", after: "(reset by an admin)" } },
    });
    return { userId: input.userId, passwordChangedAt: updatedAt };
  });
}
