// "Undo" after an approval: the one who approved may put the repairs back to waiting for a few
// seconds afterwards, exactly as they were (the approval's fields are restored from the audit
// entry of that approval). After the window, or once anyone else acted on the repair, an
// approval stands and changing one's mind is a cancellation with a reason.

/** What the screen offers: 10 seconds of "Undo". */
export const UNDO_APPROVAL_SECONDS = 10;
/** What the server accepts: the screen's window plus the time an undo may spend on the wire. */
export const UNDO_APPROVAL_GRACE_SECONDS = 5;

export type ApprovalToUndo = {
  /** The approval as stored on the repair. */
  approvedAt: Date | null;
  approvedById: string | null;
  approvalKind: string | null;
};

export type UndoCheck = { ok: true } | { ok: false; rule: string; message: string };

/** May `actorUserId` undo this approval at `now`? */
export function checkUndoApproval(approval: ApprovalToUndo, actorUserId: string, now: Date): UndoCheck {
  if (approval.approvalKind !== "MANUAL" || approval.approvedAt === null)
    return { ok: false, rule: "NOT_UNDOABLE", message: "only an approval made by a person can be undone" };
  if (approval.approvedById !== actorUserId)
    return { ok: false, rule: "NOT_YOUR_APPROVAL", message: "only the one who approved may undo the approval" };
  const elapsedMs = now.getTime() - approval.approvedAt.getTime();
  if (elapsedMs > (UNDO_APPROVAL_SECONDS + UNDO_APPROVAL_GRACE_SECONDS) * 1000)
    return {
      ok: false,
      rule: "UNDO_EXPIRED",
      message: `an approval can be undone only within ${UNDO_APPROVAL_SECONDS} seconds`,
    };
  return { ok: true };
}
