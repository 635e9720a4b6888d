// Correcting a repair saved on the device before it reaches the server: its description only
// (damage type, position, notes, technical fields), which no price or approval depends on. Only
// while its capture waits in the outbox and its walk is not signed: once sent, the server's
// record is the one to change (a manager can); once signed, the customer saw it as it is.
import { firstTextProblem } from "~/domain";
import type { RepairCapturePayload } from "../sync/contract";
import type { LocalRepair, OutboxEntry, RsDb } from "./db";
import { withoutUndefined } from "./without-undefined";

export type RepairEdit = Partial<
  Pick<
    RepairCapturePayload,
    | "damageType"
    | "damagePosition"
    | "customerNotes"
    | "technicianNotes"
    | "drilledBeforeRepair"
    | "windshieldTemperatureC"
    | "resinViscosity"
  >
>;

export class EditRefused extends Error {}

type Editable = { refusal: string } | { refusal: null; repair: LocalRepair; entry: OutboxEntry };

/** The repair and its queued capture when they may still change on the device, or why not. */
export async function editableRepair(db: RsDb, repairId: string): Promise<Editable> {
  const repair = await db.localRepairs.get(repairId);
  if (!repair) return { refusal: "This repair is no longer on the device." };
  const walk = await db.localWalks.get(repair.walkId);
  if (walk?.status === "FINISHED")
    return { refusal: "The walk's summary is signed: this repair stays as the site contact saw it." };
  const entry = await db.outbox
    .where("recordId")
    .equals(repairId)
    .filter((e) => e.type === "repair.capture")
    .first();
  if (!entry) return { refusal: "This repair has reached the server: ask a manager to change it." };
  if (entry.state === "sending") return { refusal: "This repair is being sent right now: try again in a moment." };
  return { refusal: null, repair, entry };
}

/** Why the repair cannot be edited now, or null when it can. */
export async function editRefusal(db: RsDb, repairId: string): Promise<string | null> {
  return (await editableRepair(db, repairId)).refusal;
}

export async function editQueuedRepair(db: RsDb, repairId: string, edit: RepairEdit): Promise<void> {
  const { damagePosition, customerNotes, technicianNotes } = edit;
  const textProblem = firstTextProblem({ damagePosition, customerNotes, technicianNotes });
  if (textProblem) throw new EditRefused(textProblem);
  await db.transaction("rw", [db.outbox, db.localRepairs, db.localWalks], async () => {
    const editable = await editableRepair(db, repairId);
    if (editable.refusal !== null) throw new EditRefused(editable.refusal);
    const { repair } = editable;
    const payload: RepairCapturePayload = { ...repair.payload, ...withoutUndefined(edit) };
    if (edit.damagePosition !== undefined && !edit.damagePosition.trim()) delete payload.damagePosition;
    // The queued capture sends the repair's payload: one record to change.
    await db.localRepairs.update(repair.id, { payload });
  });
}
