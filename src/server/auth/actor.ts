// Loads the acting user's current rights from the database on every request: a JWT says who
// signed in, but limits, manager flags and deactivation must take effect at once.
import "server-only";
import type { Actor } from "~/domain";
import type { DbTx } from "../db";

export type ActorWithIdentity = Actor & { email: string; name: string };

export async function loadActor(db: DbTx, userId: string): Promise<ActorWithIdentity | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      technician: { include: { managedTechnicians: { select: { id: true } } } },
      customerUser: { select: { customerId: true } },
    },
  });
  if (!user || !user.isActive) return null;
  const actor: ActorWithIdentity = { userId: user.id, role: user.role, email: user.email, name: user.name };
  if (user.technician) {
    const t = user.technician;
    actor.technician = {
      id: t.id,
      isManager: t.isManager,
      approvalLimitCents: t.approvalLimitCents,
      canAssignWork: t.canAssignWork,
      canOverridePricing: t.canOverridePricing,
      managedTechnicianIds: t.managedTechnicians.map((m) => m.id),
      isActive: t.isActive,
    };
  }
  if (user.customerUser) actor.customerId = user.customerUser.customerId;
  return actor;
}
