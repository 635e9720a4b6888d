// Raises an alert when a unit's risk crosses the threshold: one UNIT_AT_RISK event (through the
// outbox, so notifications and webhooks pick it up) per crossing. A unit back under it, or on a
// new windshield, loses its alert row so a later crossing alerts again. Run by the job queue
// nightly and after syncs; idempotent (the alert row's key is the unit's windshield).
import "server-only";
import { RISK_ALERT_THRESHOLD } from "~/domain/maintenance-forecast";
import { config } from "../../config";
import type { Db } from "../../db";
import { Prisma } from "../../db/generated/client";
import { businessSeason, riskedUnits } from "../../data/analytics/risk-facts";
import { recordEvents } from "../../data/events/record-event";
import { businessDate } from "../../data/settings/business-day";

export type RiskAlertRun = { checked: number; raised: number; cleared: number };

export async function checkRiskAlerts(db: Db, options: { now?: Date } = {}): Promise<RiskAlertRun> {
  const today = businessDate(options.now);
  const timeZone = config().BUSINESS_TIME_ZONE;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:unit-risk-alerts'))`;
      const season = await businessSeason(tx, today, timeZone);
      const units = await riskedUnits(tx, null, today, timeZone, season);
      const high = units.filter((u) => u.score >= RISK_ALERT_THRESHOLD);
      const keep = high.map((u) => `${u.unitId}:${u.windshieldSeq}`);
      const cleared = await tx.$executeRaw`
        DELETE FROM "UnitRiskAlert" a WHERE NOT (a."unitId"::text || ':' || a."windshieldSeq" = ANY(${keep}::text[]))`;
      let raised: { unitId: string }[] = [];
      if (high.length) {
        const rows = JSON.stringify(
          high.map((u) => ({
            unitId: u.unitId,
            windshieldSeq: u.windshieldSeq,
            customerId: u.customerId,
            score: u.score,
          })),
        );
        raised = await tx.$queryRaw<{ unitId: string }[]>(Prisma.sql`
          INSERT INTO "UnitRiskAlert" ("unitId", "windshieldSeq", "customerId", score)
          SELECT "unitId", "windshieldSeq", "customerId", score
          FROM jsonb_to_recordset(${rows}::jsonb) AS x("unitId" uuid, "windshieldSeq" int, "customerId" uuid, score int)
          ON CONFLICT DO NOTHING RETURNING "unitId"::text`);
      }
      const raisedIds = new Set(raised.map((r) => r.unitId));
      const events = high
        .filter((u) => raisedIds.has(u.unitId))
        .map((u) => ({
          type: "UNIT_AT_RISK" as const,
          customerId: u.customerId,
          actorUserId: null,
          payload: {
            unitId: u.unitId,
            unitNumber: u.unitNumber,
            score: u.score,
            nextLikelyRepairOn: u.nextLikelyRepairOn,
            recommendedInspectionOn: u.recommendedInspectionOn,
          },
        }));
      if (events.length) await recordEvents(tx, events);
      return { checked: units.length, raised: events.length, cleared };
    },
    { timeout: 120_000 },
  );
}
