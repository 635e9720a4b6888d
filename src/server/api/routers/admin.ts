// The office (admins only): customers with their prices and fleet settings, technicians and
// their teams, units and fleet imports, user accounts, and the audit trail.
import {
  countStaleOfflineCopies,
  staleOfflineCopiesInput,
} from "~/server/services/customers/count-stale-offline-copies";
import "server-only";
import { listAuditLog, listAuditLogInput } from "~/server/services/audit/list-audit-log";
import { auditPeriodReport, auditReportInput } from "~/server/services/audit/audit-period-report";
import { createCustomer, createCustomerInput } from "~/server/services/customers/create-customer";
import { getCustomer, getCustomerInput } from "~/server/services/customers/get-customer";
import { listCustomers, listCustomersInput } from "~/server/services/customers/list-customers";
import { listPricingHistory, listPricingHistoryInput } from "~/server/services/customers/list-pricing-history";
import { updateCustomerContact, updateCustomerContactInput } from "~/server/services/customers/update-customer-contact";
import { updateFleetSettings, updateFleetSettingsInput } from "~/server/services/customers/update-fleet-settings";
import { updatePricing, updatePricingInput } from "~/server/services/customers/update-pricing";
import { getBusinessSettings } from "~/server/services/settings/get-business-settings";
import {
  updateBusinessSettings,
  updateBusinessSettingsInput,
} from "~/server/services/settings/update-business-settings";
import { listTechnicians } from "~/server/services/technicians/list-technicians";
import { updateTechnician, updateTechnicianInput } from "~/server/services/technicians/update-technician";
import { createUnit, createUnitInput } from "~/server/services/units/create-unit";
import { importUnitsCsv, importUnitsCsvInput } from "~/server/services/units/import-units-csv";
import { updateUnit, updateUnitInput } from "~/server/services/units/update-unit";
import { createUser, createUserInput } from "~/server/services/users/create-user";
import { listUsers, listUsersInput } from "~/server/services/users/list-users";
import { resetPassword, resetPasswordInput } from "~/server/services/users/reset-password";
import { updateUser, updateUserInput } from "~/server/services/users/update-user";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const adminRouter = createTRPCRouter({
  customers: adminProcedure.input(listCustomersInput).query(({ ctx, input }) => listCustomers(ctx.db, ctx, input)),
  customer: adminProcedure
    .input(getCustomerInput.required())
    .query(({ ctx, input }) => getCustomer(ctx.db, ctx, input)),
  createCustomer: adminProcedure
    .input(createCustomerInput)
    .mutation(({ ctx, input }) => createCustomer(ctx.db, ctx, input)),
  updateCustomer: adminProcedure
    .input(updateCustomerContactInput.required({ customerId: true }))
    .mutation(({ ctx, input }) => updateCustomerContact(ctx.db, ctx, input)),
  staleOfflineCopies: adminProcedure
    .input(staleOfflineCopiesInput)
    .query(({ ctx, input }) => countStaleOfflineCopies(ctx.db, ctx, input)),
  updatePricing: adminProcedure
    .input(updatePricingInput)
    .mutation(({ ctx, input }) => updatePricing(ctx.db, ctx, input)),
  pricingHistory: adminProcedure
    .input(listPricingHistoryInput)
    .query(({ ctx, input }) => listPricingHistory(ctx.db, ctx, input)),
  updateFleetSettings: adminProcedure
    .input(updateFleetSettingsInput)
    .mutation(({ ctx, input }) => updateFleetSettings(ctx.db, ctx, input)),

  businessSettings: adminProcedure.query(({ ctx }) => getBusinessSettings(ctx.db, ctx)),
  updateBusinessSettings: adminProcedure
    .input(updateBusinessSettingsInput)
    .mutation(({ ctx, input }) => updateBusinessSettings(ctx.db, ctx, input)),
  technicians: adminProcedure.query(({ ctx }) => listTechnicians(ctx.db, ctx)),
  updateTechnician: adminProcedure
    .input(updateTechnicianInput)
    .mutation(({ ctx, input }) => updateTechnician(ctx.db, ctx, input)),

  createUnit: adminProcedure.input(createUnitInput).mutation(({ ctx, input }) => createUnit(ctx.db, ctx, input)),
  updateUnit: adminProcedure.input(updateUnitInput).mutation(({ ctx, input }) => updateUnit(ctx.db, ctx, input)),
  importUnitsCsv: adminProcedure
    .input(importUnitsCsvInput)
    .mutation(({ ctx, input }) => importUnitsCsv(ctx.db, ctx, input)),

  users: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, ctx, input)),
  createUser: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx, input)),
  updateUser: adminProcedure.input(updateUserInput).mutation(({ ctx, input }) => updateUser(ctx.db, ctx, input)),
  resetPassword: adminProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx, input)),

  auditLog: adminProcedure.input(listAuditLogInput).query(({ ctx, input }) => listAuditLog(ctx.db, ctx, input)),
  auditReport: adminProcedure.input(auditReportInput).query(({ ctx, input }) => auditPeriodReport(ctx.db, ctx, input)),
});
