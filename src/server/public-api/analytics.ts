// GET /api/v1/analytics/summary: what happened in a period, in plain counts and sums: repairs
// created by status (with their prices) and invoices issued by state. A customer key sees its
// own company; a business-wide key everything, or one customer.
import "server-only";
import { z } from "zod";
import { customerInScope } from "../data/customers/customer-in-scope";
import { ApiKeyForbidden } from "./api-keys";
import type { OperationInput } from "./context";
import { PublicApiRefusal } from "./refusal";

const DAY_MS = 86_400_000;
const date = z.iso.date();

export const analyticsSummaryQuery = z.strictObject({
  from: date.optional().describe("First day (inclusive, UTC); default 30 days before `to`"),
  to: date.optional().describe("Last day (inclusive, UTC); default today"),
  customer: z.uuid().optional(),
});

const statusCount = z.object({ count: z.int(), amountCents: z.int() });
export const analyticsSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  customerId: z.uuid().nullable(),
  repairs: z.object({
    total: z.int(),
    amountCents: z.int().describe("Sum of final prices, or estimates where no price is final yet"),
    byStatus: z.record(z.string(), statusCount),
  }),
  invoices: z.object({
    issued: z.int(),
    totalCents: z.int(),
    paidCents: z.int(),
    byStatus: z.record(z.string(), statusCount),
  }),
});

export async function analyticsSummaryOperation({
  db,
  caller,
  query,
}: OperationInput<undefined, z.output<typeof analyticsSummaryQuery>>) {
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  if (end <= start) throw new PublicApiRefusal("`from` must be on or before `to`.");
  if (end.getTime() - start.getTime() > 366 * DAY_MS) throw new PublicApiRefusal("A period is at most 366 days.");
  let customerId: string | null = null;
  if (query.customer || caller.actor.customerId) {
    customerId = customerInScope(caller.actor, query.customer, "customer.settings.view");
  } else if (caller.actor.role !== "ADMIN") {
    throw new ApiKeyForbidden("Name a customer.");
  }
  const scope = customerId ? { customerId } : {};
  const repairs = await db.repair.groupBy({
    by: ["status"],
    where: { ...scope, createdAt: { gte: start, lt: end } },
    _count: { _all: true },
    _sum: { priceCents: true, estimateCents: true },
  });
  // Staff see drafts; a customer only issued documents, as on its invoice list.
  const invoices = await db.invoice.groupBy({
    by: ["status"],
    where: {
      ...scope,
      issuedOn: { gte: start, lt: end },
      ...(caller.actor.role === "CUSTOMER" ? { status: { not: "DRAFT" } } : {}),
    },
    _count: { _all: true },
    _sum: { totalCents: true, paidCents: true },
  });
  const repairAmount = (r: (typeof repairs)[number]) => r._sum.priceCents ?? r._sum.estimateCents ?? 0;
  return {
    from,
    to,
    customerId,
    repairs: {
      total: repairs.reduce((n, r) => n + r._count._all, 0),
      amountCents: repairs.reduce((n, r) => n + repairAmount(r), 0),
      byStatus: Object.fromEntries(
        repairs.map((r) => [r.status, { count: r._count._all, amountCents: repairAmount(r) }]),
      ),
    },
    invoices: {
      issued: invoices.reduce((n, r) => n + r._count._all, 0),
      totalCents: invoices.reduce((n, r) => n + (r._sum.totalCents ?? 0), 0),
      paidCents: invoices.reduce((n, r) => n + (r._sum.paidCents ?? 0), 0),
      byStatus: Object.fromEntries(
        invoices.map((r) => [r.status, { count: r._count._all, amountCents: r._sum.totalCents ?? 0 }]),
      ),
    },
  };
}
