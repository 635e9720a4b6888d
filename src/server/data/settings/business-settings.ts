// The business-wide settings row (id 1), read with the domain's defaults until an admin saves it.
import "server-only";
import { type BusinessSettings, DEFAULT_BUSINESS_SETTINGS, readAssignmentWeights } from "~/domain/business-settings";
import type { Db, DbTx } from "../../db";

export async function readBusinessSettings(db: Db | DbTx): Promise<BusinessSettings> {
  const row = await db.businessSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_BUSINESS_SETTINGS;
  return {
    assignmentWeights: readAssignmentWeights(row.assignmentWeights),
    autoAssignRequests: row.autoAssignRequests,
    averageSpeedKmh: row.averageSpeedKmh,
    walkHorizonWeeks: row.walkHorizonWeeks,
  };
}
