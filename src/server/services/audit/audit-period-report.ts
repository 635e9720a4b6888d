// The admin's period report of the audit trail: price overrides, approvals and settings changes
// (prices, fleet, business, billing, quality, rewards and cost settings) made in a period of
// business days, each with its count and its entries, newest first.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import { plusDays, resolvePeriod } from "~/domain/analytics";
import { config } from "../../config";
import type { Db } from "../../db";
import { Prisma } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { midnight } from "../../data/analytics/dashboard-queries";
import { periodInput } from "../../data/analytics/period-input";
import { businessDate } from "../../data/settings/business-day";

/** Which audit actions each part of the report lists. */
export const AUDIT_REPORT_ACTIONS = {
  priceOverrides: ["repair.overridePrice"],
  approvals: ["repair.approve", "approve"],
  settingsChanges: [
    "customer.updatePricing",
    "customer.updateFleetSettings",
    "businessSettings.update",
    "billingSettings.update",
    "qualitySettings.update",
    "rewards.updateSettings",
    "analytics.updateCosts",
  ],
} as const;
export type AuditReportPart = keyof typeof AUDIT_REPORT_ACTIONS;

export const auditReportInput = z.object({
  period: periodInput,
  /** How many entries of each part to list (the counts are always whole). */
  limit: z.number().int().min(1).max(500).default(100),
});

export type AuditReportEntry = {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  actorEmail: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
};

export type AuditReport = {
  from: string;
  to: string;
  parts: Record<AuditReportPart, { count: number; entries: AuditReportEntry[] }>;
};

export async function auditPeriodReport(
  db: Db,
  ctx: ServiceContext,
  raw: z.input<typeof auditReportInput>,
): Promise<AuditReport> {
  const input = auditReportInput.parse(raw);
  assertAllowed(ctx.actor, "audit.view", null);
  const { current } = resolvePeriod(input.period, businessDate());
  const timeZone = config().BUSINESS_TIME_ZONE;
  const parts = {} as AuditReport["parts"];
  for (const part of Object.keys(AUDIT_REPORT_ACTIONS) as AuditReportPart[]) {
    const actions = [...AUDIT_REPORT_ACTIONS[part]];
    const where = Prisma.sql`a.action = ANY(${actions}::text[])
      AND a."createdAt" >= ${midnight(current.from, timeZone)}
      AND a."createdAt" < ${midnight(plusDays(current.to, 1), timeZone)}`;
    const [counted] = await db.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) AS count FROM "AuditLog" a WHERE ${where}`;
    const entries = await db.$queryRaw<AuditReportEntry[]>`
      SELECT a.id::text, a."createdAt", a.action, a."entityType", a."entityId", u.name AS "actorName",
        a."actorEmail", a.changes
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
      WHERE ${where}
      ORDER BY a."createdAt" DESC, a.seq DESC
      LIMIT ${input.limit}`;
    parts[part] = { count: Number(counted?.count ?? 0), entries };
  }
  return { from: current.from, to: current.to, parts };
}
