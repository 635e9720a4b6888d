import { describe, expect, it } from "vitest";
import { checkTransition } from "./transitions";
import { UNDO_APPROVAL_GRACE_SECONDS, UNDO_APPROVAL_SECONDS, checkUndoApproval } from "./undo-approval";

const approvedAt = new Date("2026-03-02T10:00:00Z");
const approval = { approvalKind: "MANUAL", approvedAt, approvedById: "manager-1" };
const after = (seconds: number) => new Date(approvedAt.getTime() + seconds * 1000);

describe("undoing an approval", () => {
  it("is allowed to the approver within the window and its grace", () => {
    expect(checkUndoApproval(approval, "manager-1", after(1))).toEqual({ ok: true });
    expect(
      checkUndoApproval(approval, "manager-1", after(UNDO_APPROVAL_SECONDS + UNDO_APPROVAL_GRACE_SECONDS)),
    ).toEqual({ ok: true });
  });

  it("expires after the window", () => {
    expect(
      checkUndoApproval(approval, "manager-1", after(UNDO_APPROVAL_SECONDS + UNDO_APPROVAL_GRACE_SECONDS + 1)),
    ).toMatchObject({ ok: false, rule: "UNDO_EXPIRED" });
  });

  it("is refused to anyone else, and for an automatic approval", () => {
    expect(checkUndoApproval(approval, "manager-2", after(1))).toMatchObject({ ok: false, rule: "NOT_YOUR_APPROVAL" });
    expect(checkUndoApproval({ ...approval, approvalKind: "AUTO" }, "manager-1", after(1))).toMatchObject({
      ok: false,
      rule: "NOT_UNDOABLE",
    });
  });

  it("is the table's unapprove move: APPROVED back to PENDING_APPROVAL, with its rule as the precondition", () => {
    const undo = { approval, actorUserId: "manager-1", now: after(2) };
    expect(checkTransition({ action: "unapprove", from: "APPROVED", actor: "manager", facts: { undo } })).toEqual({
      ok: true,
      to: "PENDING_APPROVAL",
    });
    const late = checkTransition({
      action: "unapprove",
      from: "APPROVED",
      actor: "manager",
      facts: { undo: { ...undo, now: after(60) } },
    });
    expect(late.ok ? null : late.refusal.rule).toBe("UNDO_EXPIRED");
    const assigned = checkTransition({ action: "unapprove", from: "ASSIGNED", actor: "manager", facts: { undo } });
    expect(assigned.ok ? null : assigned.refusal.code).toBe("NO_SUCH_TRANSITION");
    expect(checkTransition({ action: "unapprove", from: "APPROVED", actor: "technician", facts: { undo } }).ok).toBe(
      false,
    );
  });
});
