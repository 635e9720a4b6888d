// The period picker's input, shared by the dashboard procedures and the CSV route.
import "server-only";
import { z } from "zod";
import { PERIOD_KINDS } from "~/domain/analytics";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is written yyyy-mm-dd.");

export const periodInput = z.object({
  kind: z.enum(PERIOD_KINDS),
  anchor: day.optional(),
  from: day.optional(),
  to: day.optional(),
});

export const dashboardInput = z.object({
  period: periodInput,
  /** An admin may look at one customer's fleet; a customer user may name only their own company. */
  customerId: z.string().uuid().optional(),
});
export type DashboardInput = z.input<typeof dashboardInput>;
