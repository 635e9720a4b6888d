// Computes every unit's risk into UnitRisk (the ranked list reads it) and raises an alert when a
// unit's risk crosses the threshold: one UNIT_AT_RISK event (through the outbox, so notifications
// and webhooks pick it up) per crossing. A unit back under it, or on a new windshield, is
// cleared, so a later crossing alerts again. Run by the job queue each morning, and by the
// at-risk list when nothing was computed yet; idempotent.
import "server-only";
import { RISK_ALERT_THRESHOLD } from "~/domain/maintenance-forecast";
import { config } from "../../config";
import type { Db } from "../../db";
import { Prisma } from "../../db/generated/client";
import { businessSeason, riskedUnits } from "../../data/analytics/risk-facts";
import { refreshAnalyticsRollups } from "../../data/analytics/rollups";
import { recordEvents } from "../../data/events/record-event";
import { businessDate } from "../../data/settings/business-day";

export type RiskAlertRun = { checked: number; raised: number; cleared: number; ms: number };

export async function checkRiskAlerts(db: Db, options: { now?: Date } = {}): Promise<RiskAlertRun> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const today = businessDate(now);
  const timeZone = config().BUSINESS_TIME_ZONE;
  await refreshAnalyticsRollups(db, timeZone, now);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:unit-risk'))`;
      const season = await businessSeason(tx, today);
      const units = await riskedUnits(tx, null, today, timeZone, season);
      const before = new Map(
        (
          await tx.$queryRaw<{ unitId: string; windshieldSeq: number; alerted: boolean }[]>`
            SELECT "unitId"::text AS "unitId", "windshieldSeq", "alertedAt" IS NOT NULL AS alerted FROM "UnitRisk"`
        ).map((r) => [r.unitId, r]),
      );
      const crossing = units.filter((u) => {
        const was = before.get(u.unitId);
        return u.score >= RISK_ALERT_THRESHOLD && !(was?.alerted && was.windshieldSeq === u.windshieldSeq);
      });
      const cleared = units.filter((u) => {
        const was = before.get(u.unitId);
        return was?.alerted && (u.score < RISK_ALERT_THRESHOLD || was.windshieldSeq !== u.windshieldSeq);
      }).length;
      const crossingIds = new Set(crossing.map((u) => u.unitId));
      const rows = units.map((u) => {
        const was = before.get(u.unitId);
        const keepsAlert = u.score >= RISK_ALERT_THRESHOLD && was?.alerted && was.windshieldSeq === u.windshieldSeq;
        return {
          unitId: u.unitId,
          customerId: u.customerId,
          windshieldSeq: u.windshieldSeq,
          score: u.score,
          repairs: u.repairs,
          mtbfDays: u.mtbfDays,
          nextLikelyRepairOn: u.nextLikelyRepairOn,
          recommendedInspectionOn: u.recommendedInspectionOn,
          alerted: crossingIds.has(u.unitId) ? "new" : keepsAlert ? "keep" : "none",
        };
      });
      await tx.$executeRaw`DELETE FROM "UnitRisk" WHERE NOT ("unitId" = ANY(${units.map((u) => u.unitId)}::uuid[]))`;
      // In slices: one statement per 5,000 units keeps each parameter a few hundred kB.
      for (let i = 0; i < rows.length; i += 5000) {
        const slice = JSON.stringify(rows.slice(i, i + 5000));
        await tx.$executeRaw(Prisma.sql`
          INSERT INTO "UnitRisk" ("unitId", "customerId", "windshieldSeq", score, repairs, "mtbfDays",
            "nextLikelyRepairOn", "recommendedInspectionOn", "alertedAt", "computedAt")
          SELECT x."unitId", x."customerId", x."windshieldSeq", x.score, x.repairs, x."mtbfDays",
            x."nextLikelyRepairOn", x."recommendedInspectionOn",
            CASE x.alerted WHEN 'new' THEN ${now}::timestamp WHEN 'keep' THEN u."alertedAt" END, ${now}::timestamp
          FROM jsonb_to_recordset(${slice}::jsonb) AS x("unitId" uuid, "customerId" uuid, "windshieldSeq" int,
            score int, repairs int, "mtbfDays" float8, "nextLikelyRepairOn" date, "recommendedInspectionOn" date,
            alerted text)
          LEFT JOIN "UnitRisk" u ON u."unitId" = x."unitId"
          ON CONFLICT ("unitId") DO UPDATE SET "customerId" = EXCLUDED."customerId",
            "windshieldSeq" = EXCLUDED."windshieldSeq", score = EXCLUDED.score, repairs = EXCLUDED.repairs,
            "mtbfDays" = EXCLUDED."mtbfDays", "nextLikelyRepairOn" = EXCLUDED."nextLikelyRepairOn",
            "recommendedInspectionOn" = EXCLUDED."recommendedInspectionOn", "alertedAt" = EXCLUDED."alertedAt",
            "computedAt" = EXCLUDED."computedAt"`);
      }
      if (crossing.length)
        await recordEvents(
          tx,
          crossing.map((u) => ({
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
          })),
        );
      return { checked: units.length, raised: crossing.length, cleared, ms: Math.round(performance.now() - started) };
    },
    { timeout: 600_000 },
  );
}
