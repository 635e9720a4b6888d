// The office confirms a customer's windshield report (the unit gets a new windshield as of the
// reported day: pricing history restarts, open repairs are re-estimated) or rejects it (nothing
// changes). Each report is decided once, under its row lock.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { loadUnitFor } from "../../data/units/load-unit-for";
import { replaceWindshield } from "../../data/units/replace-windshield";
import { WINDSHIELD_REPORT_SELECT, windshieldReportView } from "../../data/units/windshield-reports";

export const decideWindshieldReportInput = z.object({ reportId: z.uuid(), confirm: z.boolean() });
export type DecideWindshieldReportInput = z.input<typeof decideWindshieldReportInput>;

export async function decideWindshieldReport(db: Db, ctx: ServiceContext, raw: DecideWindshieldReportInput) {
  const input = decideWindshieldReportInput.parse(raw);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "WindshieldReport" WHERE id = ${input.reportId}::uuid FOR UPDATE`;
    const report = await tx.windshieldReport.findUnique({ where: { id: input.reportId } });
    if (!report) throw new NotFound("Report");
    assertAllowed(ctx.actor, "unit.replaceWindshield", { customerId: report.customerId });
    if (report.status !== "PENDING")
      throw new InvalidRequest("WINDSHIELD_REPORT_DECIDED", `This report was ${report.status.toLowerCase()} already.`);
    const status = input.confirm ? "CONFIRMED" : "REJECTED";
    if (input.confirm) {
      const unit = await loadUnitFor(tx, ctx.actor, report.unitId);
      await replaceWindshield(tx, ctx, unit, report.replacedOn, {
        reportId: { before: null, after: report.id },
      });
    }
    const after = await tx.windshieldReport.update({
      where: { id: report.id },
      data: { status, decidedById: ctx.actor.userId, decidedAt: new Date() },
      select: WINDSHIELD_REPORT_SELECT,
    });
    await auditChange(tx, ctx, {
      action: input.confirm ? "unit.windshieldReport.confirm" : "unit.windshieldReport.reject",
      entityType: "WindshieldReport",
      entityId: report.id,
      before: { status: report.status },
      after: { status },
    });
    return windshieldReportView(after);
  });
}
