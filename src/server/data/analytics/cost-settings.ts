// The two business-wide costs behind the dashboards' profit margin (BusinessSettings id 1).
import "server-only";
import type { CostSettings } from "~/domain/analytics";
import type { Db, DbTx } from "../../db";

export const DEFAULT_COSTS: CostSettings = { materialsCostCentsPerRepair: 500, technicianHourlyCostCents: 3500 };

export async function readCostSettings(db: Db | DbTx): Promise<CostSettings> {
  const row = await db.businessSettings.findUnique({
    where: { id: 1 },
    select: { materialsCostCentsPerRepair: true, technicianHourlyCostCents: true },
  });
  return row ?? DEFAULT_COSTS;
}
