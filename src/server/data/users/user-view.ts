// A user account as the admin's screens read it and the audit log records it: never the
// password hash.
import "server-only";
import type { Prisma } from "../../db/generated/client";

export const USER_INCLUDE = {
  technician: { select: { id: true, isManager: true, isActive: true } },
  customerUser: { select: { isPrimaryContact: true, customer: { select: { id: true, name: true } } } },
} satisfies Prisma.UserInclude;

type UserWithProfiles = Prisma.UserGetPayload<{ include: typeof USER_INCLUDE }>;

export function userView(user: UserWithProfiles) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isActive: user.isActive,
    createdAt: user.createdAt,
    technician: user.technician,
    customer: user.customerUser
      ? { ...user.customerUser.customer, isPrimaryContact: user.customerUser.isPrimaryContact }
      : null,
  };
}
export type UserView = ReturnType<typeof userView>;
