// What the billing screens and the portal read: invoice lists (admins and managers: all; a
// customer user: their own company's only), one invoice with its lines and payments, receivables
// by aging bucket, and an invoicing run's progress.
import "server-only";
import { z } from "zod";
import {
  AGING_BUCKETS,
  type Actor,
  type InvoiceState,
  agingBucket,
  agingSummary,
  assertAllowed,
  dayKey,
  invoiceState,
} from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import { loadInvoiceFor } from "../../data/billing/load-invoice-for";
import { runProgress } from "../../data/billing/run-progress";
import { dateText } from "../../data/planning/planned-walks";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";

const STATES = ["DRAFT", "ISSUED", "PARTLY_PAID", "PAID", "OVERDUE", "VOID"] as const;

export const listInvoicesInput = z.object({
  customerId: z.uuid().optional(),
  state: z.enum(STATES).optional(),
  kind: z.enum(["INVOICE", "CREDIT_NOTE"]).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

const today = () => dayKey(new Date(), config().BUSINESS_TIME_ZONE);

/** A customer user sees their own company only, whatever customerId they send. */
function customerScope(actor: Actor, customerId: string | undefined): string | undefined {
  if (actor.role === "CUSTOMER") return actor.customerId ?? "00000000-0000-0000-0000-000000000000";
  if (customerId) assertAllowed(actor, "invoice.view", { customerId });
  return customerId;
}

export type InvoiceSummary = {
  id: string;
  number: string | null;
  kind: "INVOICE" | "CREDIT_NOTE";
  customerId: string;
  customerName: string;
  state: InvoiceState;
  periodStart: string;
  periodEnd: string;
  issuedOn: string | null;
  dueOn: string | null;
  totalCents: number;
  paidCents: number;
  balanceCents: number;
  lineCount: number;
};

export async function listInvoices(db: Db, ctx: ServiceContext, raw: z.input<typeof listInvoicesInput>) {
  const input = listInvoicesInput.parse(raw);
  const customerId = customerScope(ctx.actor, input.customerId);
  if (!customerId) assertAllowed(ctx.actor, "invoice.view", { customerId: "" });
  const day = today();
  const rows = await db.invoice.findMany({
    where: {
      ...(customerId ? { customerId } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      // A customer sees documents once issued, never the office's drafts.
      ...(ctx.actor.role === "CUSTOMER" ? { status: { not: "DRAFT" } } : {}),
    },
    include: { customer: { select: { name: true } }, _count: { select: { lines: true } } },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take: input.state ? 5000 : input.limit,
  });
  const summaries: InvoiceSummary[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    customerId: r.customerId,
    customerName: r.customer.name,
    state: invoiceState({ ...r, dueOn: r.dueOn ? dateText(r.dueOn) : null }, day),
    periodStart: dateText(r.periodStart),
    periodEnd: dateText(r.periodEnd),
    issuedOn: r.issuedOn ? dateText(r.issuedOn) : null,
    dueOn: r.dueOn ? dateText(r.dueOn) : null,
    totalCents: r.totalCents,
    paidCents: r.paidCents,
    balanceCents: r.kind === "INVOICE" && r.status === "ISSUED" ? r.totalCents - r.paidCents : 0,
    lineCount: r._count.lines,
  }));
  return input.state ? summaries.filter((s) => s.state === input.state).slice(0, input.limit) : summaries;
}

export const getInvoiceInput = z.object({ invoiceId: z.uuid() });

export async function getInvoice(db: Db, ctx: ServiceContext, input: z.infer<typeof getInvoiceInput>) {
  const invoice = await loadInvoiceFor(db, ctx.actor, input.invoiceId, { lock: false });
  if (ctx.actor.role === "CUSTOMER" && invoice.status === "DRAFT") throw new NotFound("Invoice");
  return invoiceDocument(db, invoice.id);
}

/** Everything an invoice shows (screen and PDF); the caller has checked the actor may see it. */
export async function invoiceDocument(db: Db, invoiceId: string) {
  const r = await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: {
      customer: {
        select: {
          name: true,
          address: true,
          contactEmail: true,
          sites: { where: { isPrimary: true }, select: { name: true, address: true }, take: 1 },
        },
      },
      lines: { orderBy: { position: "asc" } },
      payments: { orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }] },
      creditsInvoice: { select: { id: true, number: true } },
      creditNote: { select: { id: true, number: true } },
      walk: {
        select: {
          id: true,
          scheduledFor: true,
          siteContactName: true,
          signedAt: true,
          site: { select: { name: true, address: true } },
          attachments: { where: { kind: "SIGNATURE" }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    state: invoiceState({ ...r, dueOn: r.dueOn ? dateText(r.dueOn) : null }, today()),
    customer: { id: r.customerId, name: r.customer.name, address: r.customer.address, email: r.customer.contactEmail },
    site: r.walk?.site ?? r.customer.sites[0] ?? null,
    periodStart: dateText(r.periodStart),
    periodEnd: dateText(r.periodEnd),
    groupKey: r.groupKey,
    paymentTerms: r.paymentTerms,
    issuedOn: r.issuedOn ? dateText(r.issuedOn) : null,
    dueOn: r.dueOn ? dateText(r.dueOn) : null,
    subtotalCents: r.subtotalCents,
    adjustmentsCents: r.adjustmentsCents,
    totalCents: r.totalCents,
    paidCents: r.paidCents,
    balanceCents: r.kind === "INVOICE" && r.status === "ISSUED" ? r.totalCents - r.paidCents : 0,
    voidReason: r.voidReason,
    credits: r.creditsInvoice,
    creditNote: r.creditNote,
    walk: r.walk
      ? {
          id: r.walk.id,
          date: r.walk.scheduledFor ? dateText(r.walk.scheduledFor) : null,
          siteContactName: r.walk.siteContactName,
          signedAt: r.walk.signedAt,
          signatureAttachmentId: r.walk.attachments[0]?.id ?? null,
        }
      : null,
    lines: r.lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      repairId: l.repairId,
      description: l.description,
      unitNumber: l.unitNumber,
      damage: l.damage,
      serviceDate: l.serviceDate ? dateText(l.serviceDate) : null,
      technicianName: l.technicianName,
      tierOrdinal: l.tierOrdinal,
      priceSource: l.priceSource,
      amountCents: l.amountCents,
    })),
    payments: r.payments.map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      receivedOn: dateText(p.receivedOn),
      method: p.method,
      reference: p.reference,
    })),
  };
}
export type InvoiceDocument = Awaited<ReturnType<typeof invoiceDocument>>;

/** Open balances by aging bucket, in total and per customer. */
export async function receivables(db: Db, ctx: ServiceContext) {
  assertAllowed(ctx.actor, "invoice.manage", null);
  const day = today();
  const open = await db.invoice.findMany({
    where: { kind: "INVOICE", status: "ISSUED" },
    select: {
      customerId: true,
      totalCents: true,
      paidCents: true,
      dueOn: true,
      status: true,
      customer: { select: { name: true } },
    },
  });
  const figures = open.map((r) => ({ ...r, dueOn: r.dueOn ? dateText(r.dueOn) : null }));
  const perCustomer = new Map<
    string,
    { customerId: string; name: string; buckets: Record<string, number>; totalCents: number }
  >();
  for (const f of figures) {
    if (!f.dueOn) continue;
    const row = perCustomer.get(f.customerId) ?? {
      customerId: f.customerId,
      name: f.customer.name,
      buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])),
      totalCents: 0,
    };
    const owed = f.totalCents - f.paidCents;
    row.buckets[agingBucket(f.dueOn, day)]! += owed;
    row.totalCents += owed;
    perCustomer.set(f.customerId, row);
  }
  return {
    today: day,
    buckets: agingSummary(figures, day),
    customers: [...perCustomer.values()].sort((a, b) => b.totalCents - a.totalCents || a.name.localeCompare(b.name)),
  };
}

export const invoiceRunStatusInput = z.object({ runId: z.uuid() });

export async function invoiceRunStatus(db: Db, ctx: ServiceContext, input: z.infer<typeof invoiceRunStatusInput>) {
  assertAllowed(ctx.actor, "invoice.manage", null);
  const memory = runProgress(input.runId);
  const run = await db.invoiceRun.findUnique({ where: { id: input.runId } });
  if (!run) throw new NotFound("Invoicing run");
  const progress = run.status === "RUNNING" && memory ? memory : run;
  return {
    runId: run.id,
    status: run.status,
    customersTotal: progress.customersTotal,
    customersDone: progress.customersDone,
    invoicesCreated: progress.invoicesCreated,
    error: run.error,
  };
}

/** The running one, if any: the screen shows its bar when opened mid-run. */
export async function currentInvoiceRun(db: Db, ctx: ServiceContext) {
  assertAllowed(ctx.actor, "invoice.manage", null);
  const run = await db.invoiceRun.findFirst({ where: { status: "RUNNING" }, select: { id: true } });
  return run ? invoiceRunStatus(db, ctx, { runId: run.id }) : null;
}
