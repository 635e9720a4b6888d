import { type Actor, actorKind } from "./actors";
import { type Decision } from "./permissions";

// Who may send an attachment's bytes. The metadata came with a record its creator made
// (offline, on their device), so only that person's device uploads the bytes; an admin may
// repair a stuck upload. Reading the bytes follows the record they belong to ("repair.view",
// "walk.view").

export function decideUpload(actor: Actor, attachment: { createdById: string }): Decision {
  if (actor.technician && !actor.technician.isActive) {
    return { allowed: false, code: "INACTIVE_TECHNICIAN", reason: "this technician account is not active" };
  }
  if (actorKind(actor) === "admin" || attachment.createdById === actor.userId) return { allowed: true };
  return { allowed: false, code: "NOT_YOURS", reason: "this attachment was recorded by someone else" };
}
