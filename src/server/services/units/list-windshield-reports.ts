// Windshield replacements customers reported: the office sees those waiting for it (managers
// and admins); a customer user sees its own company's, newest first.
import "server-only";
import { z } from "zod";
import { actorKind } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { WINDSHIELD_REPORT_SELECT, windshieldReportView } from "../../data/units/windshield-reports";

export const listWindshieldReportsInput = z.object({ pendingOnly: z.boolean().default(true) });

export async function listWindshieldReports(
  db: Db,
  ctx: ServiceContext,
  raw: z.input<typeof listWindshieldReportsInput> = {},
) {
  const input = listWindshieldReportsInput.parse(raw);
  const kind = actorKind(ctx.actor);
  if (kind === "technician") return [];
  const rows = await db.windshieldReport.findMany({
    where: {
      ...(kind === "customer" ? { customerId: ctx.actor.customerId ?? "00000000-0000-0000-0000-000000000000" } : {}),
      ...(input.pendingOnly ? { status: "PENDING" } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: WINDSHIELD_REPORT_SELECT,
  });
  return rows.map(windshieldReportView);
}
