// Billing: invoices, credit notes, payments, receivables. Admins bill; managers read; customer
// users read their own company's issued invoices (another company's is "not found").
import "server-only";
import { addDiscountLine, addDiscountLineInput } from "~/server/services/billing/add-discount-line";
import {
  currentInvoiceRun,
  getInvoice,
  getInvoiceInput,
  invoiceRunStatus,
  invoiceRunStatusInput,
  listInvoices,
  listInvoicesInput,
  receivables,
} from "~/server/services/billing/invoice-views";
import { issueInvoice, issueInvoiceInput } from "~/server/services/billing/issue-invoice";
import { recordPayment, recordPaymentInput } from "~/server/services/billing/record-payment";
import { startInvoiceRun, startInvoiceRunInput } from "~/server/services/billing/start-invoice-run";
import { readBillingSettings } from "~/server/data/billing/billing-settings";
import { updateBillingSettings, updateBillingSettingsInput } from "~/server/services/billing/update-billing-settings";
import { voidInvoice, voidInvoiceInput } from "~/server/services/billing/void-invoice";
import { adminProcedure, createTRPCRouter, procedureFor } from "../trpc";

const readers = procedureFor("manager", "admin", "customer");

export const billingRouter = createTRPCRouter({
  list: readers.input(listInvoicesInput).query(({ ctx, input }) => listInvoices(ctx.db, ctx, input)),
  byId: readers.input(getInvoiceInput).query(({ ctx, input }) => getInvoice(ctx.db, ctx, input)),
  receivables: adminProcedure.query(({ ctx }) => receivables(ctx.db, ctx)),
  invoiceNow: adminProcedure
    .input(startInvoiceRunInput)
    .mutation(({ ctx, input }) => startInvoiceRun(ctx.db, ctx, input)),
  runStatus: adminProcedure
    .input(invoiceRunStatusInput)
    .query(({ ctx, input }) => invoiceRunStatus(ctx.db, ctx, input)),
  currentRun: adminProcedure.query(({ ctx }) => currentInvoiceRun(ctx.db, ctx)),
  issue: adminProcedure.input(issueInvoiceInput).mutation(({ ctx, input }) => issueInvoice(ctx.db, ctx, input)),
  addDiscount: adminProcedure
    .input(addDiscountLineInput)
    .mutation(({ ctx, input }) => addDiscountLine(ctx.db, ctx, input)),
  void: adminProcedure.input(voidInvoiceInput).mutation(({ ctx, input }) => voidInvoice(ctx.db, ctx, input)),
  recordPayment: adminProcedure
    .input(recordPaymentInput)
    .mutation(({ ctx, input }) => recordPayment(ctx.db, ctx, input)),
  settings: adminProcedure.query(({ ctx }) => readBillingSettings(ctx.db)),
  updateSettings: adminProcedure
    .input(updateBillingSettingsInput)
    .mutation(({ ctx, input }) => updateBillingSettings(ctx.db, ctx, input)),
});
