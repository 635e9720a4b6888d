import { type Cents } from "./money";

// Who is acting. A manager is a technician with extra rights; the
// transition table speaks in actor kinds, permissions look at the whole actor.

export type Role = "ADMIN" | "TECHNICIAN" | "CUSTOMER";

export type ActorKind = "technician" | "manager" | "admin" | "customer";

export const ACTOR_KINDS: readonly ActorKind[] = ["technician", "manager", "admin", "customer"];

export type TechnicianProfile = {
  id: string;
  isManager: boolean;
  /** Highest price this manager may approve or override to; null = no limit. */
  approvalLimitCents: Cents | null;
  canAssignWork: boolean;
  canOverridePricing: boolean;
  /** Technicians this manager manages (not including the manager). */
  managedTechnicianIds: readonly string[];
  isActive: boolean;
};

export type Actor = {
  userId: string;
  role: Role;
  /** Present for role TECHNICIAN. */
  technician?: TechnicianProfile;
  /** Present for role CUSTOMER: the company this user belongs to. */
  customerId?: string;
};

export function actorKind(actor: Actor): ActorKind {
  switch (actor.role) {
    case "ADMIN":
      return "admin";
    case "CUSTOMER":
      return "customer";
    case "TECHNICIAN":
      return actor.technician?.isManager ? "manager" : "technician";
  }
}

/** Whether the actor may assign work at all, as "repair.assign" allows it (which also checks the repair and the target). */
export function mayAssignWork(actor: Actor): boolean {
  const kind = actorKind(actor);
  return kind === "admin" || (kind === "manager" && actor.technician?.canAssignWork === true);
}

/** Whose work an actor oversees on the team board: every technician for an admin, else their team (none for a customer). */
export function overseenTechnicianIds(actor: Actor): ReadonlySet<string> | "all" {
  if (actorKind(actor) === "admin") return "all";
  return actor.technician ? teamOf(actor.technician) : new Set();
}

/** A manager's team: the manager and the technicians they manage. A plain technician's team is themself. */
export function teamOf(technician: TechnicianProfile): ReadonlySet<string> {
  return new Set(technician.isManager ? [technician.id, ...technician.managedTechnicianIds] : [technician.id]);
}
