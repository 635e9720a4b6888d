// A customer reports that a unit's windshield was replaced (on a date, today or before). It is a
// request: pricing history restarts only when the office confirms it (decide-windshield-report.ts),
// so a report made by mistake never lowers the tier of the unit's next repair. One open report
// per unit; the id is the client's, so a double click reports once.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { dateValue } from "../../data/planning/planned-walks";
import { businessDate } from "../../data/settings/business-day";
import { isUniqueViolation } from "../../data/retry-on-duplicate-id";
import { textInput } from "../../data/shared-inputs";
import { loadUnitFor } from "../../data/units/load-unit-for";
import { WINDSHIELD_REPORT_SELECT, windshieldReportView } from "../../data/units/windshield-reports";

export const reportWindshieldReplacedInput = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  replacedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is written yyyy-mm-dd."),
  note: textInput(FIELDS.requestNote).default(""),
});
export type ReportWindshieldReplacedInput = z.input<typeof reportWindshieldReplacedInput>;

export async function reportWindshieldReplaced(db: Db, ctx: ServiceContext, raw: ReportWindshieldReplacedInput) {
  const input = reportWindshieldReplacedInput.parse(raw);
  const day = dateValue(input.replacedOn);
  if (Number.isNaN(day.getTime()) || input.replacedOn !== day.toISOString().slice(0, 10))
    throw new InvalidRequest("BAD_INPUT", `"${input.replacedOn}" is not a date (yyyy-mm-dd).`);
  if (input.replacedOn > businessDate())
    throw new InvalidRequest("BAD_INPUT", "A windshield is reported once it has been replaced, not ahead.");
  const open = () =>
    new InvalidRequest("WINDSHIELD_REPORT_OPEN", "A report on this unit already waits for the office to confirm it.");
  try {
    return await db.$transaction(async (tx) => {
      const earlier = await tx.windshieldReport.findUnique({
        where: { id: input.id },
        select: WINDSHIELD_REPORT_SELECT,
      });
      const unit = await loadUnitFor(tx, ctx.actor, input.unitId);
      assertAllowed(ctx.actor, "unit.reportWindshield", { customerId: unit.customerId });
      if (earlier) {
        if (earlier.unitId !== unit.id) throw new NotFound("Report");
        return windshieldReportView(earlier);
      }
      const report = await tx.windshieldReport.create({
        data: {
          id: input.id,
          customerId: unit.customerId,
          unitId: unit.id,
          replacedOn: day,
          note: input.note,
          reportedById: ctx.actor.userId,
        },
        select: WINDSHIELD_REPORT_SELECT,
      });
      await auditChange(tx, ctx, {
        action: "unit.reportWindshield",
        entityType: "WindshieldReport",
        entityId: report.id,
        before: null,
        after: { unitId: unit.id, replacedOn: input.replacedOn, note: input.note },
      });
      return windshieldReportView(report);
    });
  } catch (error) {
    // The partial unique index (one pending report per unit); a replay of this very report finds it above.
    if (isUniqueViolation(error)) {
      const same = await db.windshieldReport.findUnique({ where: { id: input.id }, select: WINDSHIELD_REPORT_SELECT });
      if (same && same.customerId === ctx.actor.customerId) return windshieldReportView(same);
      throw open();
    }
    throw error;
  }
}
