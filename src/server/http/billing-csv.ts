// The accountant's exports: every invoice and credit note, and every payment, as CSV (RFC 4180:
// fields quoted when they hold a comma, quote or line break, quotes doubled; a cell starting with
// = + - @ is prefixed with ' so a spreadsheet does not run it as a formula). Streamed page by page.
import "server-only";
import { assertAllowed, dayKey, invoiceState } from "~/domain";
import type { ActorWithIdentity } from "../auth/actor";
import { config } from "../config";
import type { Db } from "../db";
import { dateText } from "../data/planning/planned-walks";
import { refusalResponse, signedOutResponse } from "./refusal-response";

const PAGE = 500;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: (string | number | null | undefined)[]) => `${fields.map(csvField).join(",")}\r\n`;
const cents = (n: number) => (n / 100).toFixed(2);

function csvResponse(name: string, header: string[], pages: () => AsyncGenerator<string[][]>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(csvLine(header)));
      for await (const rows of pages()) controller.enqueue(encoder.encode(rows.map(csvLine).join("")));
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export async function invoicesCsvResponse(db: Db, actor: ActorWithIdentity | null): Promise<Response> {
  if (!actor) return signedOutResponse();
  try {
    assertAllowed(actor, "invoice.manage", null);
  } catch (error) {
    return refusalResponse(error, "invoices csv");
  }
  const today = dayKey(new Date(), config().BUSINESS_TIME_ZONE);
  return csvResponse(
    `invoices-${today}.csv`,
    [
      "number",
      "kind",
      "customer",
      "status",
      "period_start",
      "period_end",
      "issued_on",
      "due_on",
      "subtotal",
      "adjustments",
      "total",
      "paid",
      "balance",
      "credits",
    ],
    async function* () {
      let cursor: string | undefined;
      for (;;) {
        const rows = await db.invoice.findMany({
          where: { status: { not: "DRAFT" } },
          orderBy: { id: "asc" },
          take: PAGE,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
          include: { customer: { select: { name: true } }, creditsInvoice: { select: { number: true } } },
        });
        if (rows.length === 0) return;
        cursor = rows.at(-1)!.id;
        yield rows.map((r) => {
          const dueOn = r.dueOn ? dateText(r.dueOn) : null;
          const owed = r.kind === "INVOICE" && r.status === "ISSUED" ? r.totalCents - r.paidCents : 0;
          return [
            r.number ?? "",
            r.kind,
            r.customer.name,
            invoiceState({ ...r, dueOn }, today),
            dateText(r.periodStart),
            dateText(r.periodEnd),
            r.issuedOn ? dateText(r.issuedOn) : "",
            dueOn ?? "",
            cents(r.subtotalCents),
            cents(r.adjustmentsCents),
            cents(r.totalCents),
            cents(r.paidCents),
            cents(owed),
            r.creditsInvoice?.number ?? "",
          ];
        });
      }
    },
  );
}

export async function paymentsCsvResponse(db: Db, actor: ActorWithIdentity | null): Promise<Response> {
  if (!actor) return signedOutResponse();
  try {
    assertAllowed(actor, "invoice.manage", null);
  } catch (error) {
    return refusalResponse(error, "payments csv");
  }
  const today = dayKey(new Date(), config().BUSINESS_TIME_ZONE);
  return csvResponse(
    `payments-${today}.csv`,
    ["received_on", "invoice", "customer", "amount", "method", "reference"],
    async function* () {
      let cursor: string | undefined;
      for (;;) {
        const rows = await db.payment.findMany({
          orderBy: { id: "asc" },
          take: PAGE,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
          include: { invoice: { select: { number: true, customer: { select: { name: true } } } } },
        });
        if (rows.length === 0) return;
        cursor = rows.at(-1)!.id;
        yield rows.map((p) => [
          dateText(p.receivedOn),
          p.invoice.number ?? "",
          p.invoice.customer.name,
          cents(p.amountCents),
          p.method,
          p.reference,
        ]);
      }
    },
  );
}
