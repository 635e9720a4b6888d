// Account roles in words, and the ones an account may change to: asked of the domain's own
// rule (assertRoleChange), so the screen never offers what the server would refuse.
import { assertRoleChange, type Role } from "~/domain";

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  TECHNICIAN: "Technician",
  CUSTOMER: "Customer user",
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function rolesReachableFrom(role: Role): Role[] {
  return ROLES.filter((to) => {
    try {
      assertRoleChange(role, to);
      return true;
    } catch {
      return false;
    }
  });
}
