// The business's quality rules (BusinessSettings.qualitySettings), read with the domain's defaults.
import "server-only";
import { type QualitySettings, readQualitySettings } from "~/domain/quality-settings";
import type { Db, DbTx } from "../../db";

export async function readQuality(db: Db | DbTx): Promise<QualitySettings> {
  const row = await db.businessSettings.findUnique({ where: { id: 1 }, select: { qualitySettings: true } });
  return readQualitySettings(row?.qualitySettings);
}
