// A run of a sync batch's captures written together. Everything they need is read once (their
// walks under lock, records already stored under their ids, their units, and the customer,
// price list and history counts through the batch's facts); each capture is then decided in
// memory by the same functions as captureRepair alone, in the batch's order; and the accepted
// ones are written with one insert per table (units, repairs, attachments, audit entries).
// A rule's refusal is that capture's result and leaves the others alone. Anything else throws,
// and the caller runs the captures one by one instead (push-mutations.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { DomainError, normalizeUnitNumber } from "~/domain/index";
import type { DbTx } from "../../db";
import { insertRows, insertRowsReturning, rowsWithIds } from "../../db/insert-rows";
import type { Prisma, Repair, Unit } from "../../db/generated/client";
import { assertAcceptableAttachments } from "../attachments/accept-attachments";
import { type ChangeEntry, auditChanges } from "../audit-change";
import type { ServiceContext } from "../../service-context";
import type { CaptureFacts } from "../repairs/capture-facts";
import { type Capture, captureSite, decideCapture } from "../../services/repairs/capture-repair";
import { assertPhotoPairs, attachmentRows } from "../repairs/create-attachments";
import { replayOf } from "../repairs/earlier-record";
import { newRepairAudit } from "../repairs/record-new-repair";
import { recordEvents } from "../events/record-event";
import { repairEvents } from "../events/repair-events";
import { FIRST_WINDSHIELD_SEQ, newUnitAudit, newUnitFacts } from "../units/find-or-create-unit";
import { lockWalksForCapture } from "../walks/lock-walks-for-capture";

/** A capture's result: its repair (new or replayed), or the rule that refused it. */
export type BulkOutcome = { ok: true; repair: Repair } | { ok: false; error: DomainError; walkFound: boolean };

type UnitRef = Pick<Unit, "id" | "customerId" | "unitNumber" | "windshieldSeq">;
type NewUnit = UnitRef & Pick<Unit, "vin" | "make" | "year">;
type Planned = { data: Prisma.RepairCreateManyInput; capture: Capture; newUnit: NewUnit | null };
type Decided = { ok: true; repairId: string } | { ok: false; error: DomainError; walkFound: boolean };

export async function captureInBulk(
  tx: DbTx,
  ctx: ServiceContext,
  captures: readonly Capture[],
  facts: CaptureFacts,
): Promise<BulkOutcome[]> {
  const walks = await lockWalksForCapture(
    tx,
    captures.map((c) => c.walkId),
  );
  const stored = byId(
    await rowsWithIds<Repair>(
      tx,
      "Repair",
      captures.map((c) => c.id),
    ),
  );
  const units = new Map<string, UnitRef>((await knownUnits(tx, captures)).map((u) => [customerUnitKey(u), u]));
  const planned = new Map<string, Planned>();

  async function decide(capture: Capture): Promise<Decided> {
    assertAcceptableAttachments(capture.attachments);
    // The same id twice: the second is a replay of the first, as when sent again later.
    const earlier = stored.get(capture.id);
    if (earlier) replayOf(earlier, ctx.actor, "LOT_WALK");
    if (earlier || planned.has(capture.id)) return { ok: true, repairId: capture.id };
    const { walk, customer } = await captureSite(tx, capture, walks.get(capture.walkId), facts);
    const key = customerUnitKey({ customerId: customer.id, unitNumber: capture.unitNumber });
    let newUnit: NewUnit | null = null;
    let unit = units.get(key);
    if (!unit) {
      newUnit = {
        id: randomUUID(),
        customerId: customer.id,
        unitNumber: normalizeUnitNumber(capture.unitNumber),
        windshieldSeq: FIRST_WINDSHIELD_SEQ,
        ...newUnitFacts(capture.newUnit),
      };
      unit = newUnit;
    }
    const { data } = await decideCapture(tx, ctx, capture, { walk, customer, unit }, facts);
    // Only an accepted capture creates its unit; later captures of the batch find it.
    units.set(key, unit);
    planned.set(capture.id, { data, capture, newUnit });
    return { ok: true, repairId: capture.id };
  }

  const decided: Decided[] = [];
  for (const capture of captures) {
    try {
      decided.push(await decide(capture));
    } catch (error) {
      // A rule's refusal; anything else (the database) ends the bulk write.
      if (!(error instanceof DomainError)) throw error;
      decided.push({ ok: false, error, walkFound: walks.has(capture.walkId) });
    }
  }

  const created = await write(tx, ctx, [...planned.values()]);
  return decided.map((d) => (d.ok ? { ok: true, repair: created.get(d.repairId) ?? stored.get(d.repairId)! } : d));
}

/** One insert per table (insert-rows.ts), the audit entries as captureRepair writes them one by one. */
async function write(tx: DbTx, ctx: ServiceContext, planned: readonly Planned[]): Promise<Map<string, Repair>> {
  if (planned.length === 0) return new Map();
  // What Prisma's @updatedAt would set.
  const updatedAt = new Date();
  // Sorted, so that two batches creating the same new units wait for each other instead of deadlocking.
  const newUnits = planned
    .flatMap((p) => (p.newUnit ? [{ ...p.newUnit, updatedAt }] : []))
    .sort((a, b) => a.unitNumber.localeCompare(b.unitNumber));
  const units = byId(await insertRowsReturning<Unit>(tx, "Unit", newUnits));
  // One millisecond apart in arrival order (the last one at now): lists sorted by creation time
  // keep the order the technician captured them in, as the one-by-one path does.
  const createdAt = (i: number) => new Date(updatedAt.getTime() - (planned.length - 1 - i));
  const repairs = byId(
    await insertRowsReturning<Repair>(
      tx,
      "Repair",
      planned.map((p, i) => ({ ...p.data, createdAt: createdAt(i), updatedAt })),
    ),
  );
  await insertRows(
    tx,
    "Attachment",
    planned.flatMap((p) => attachmentRows(ctx, p.capture.id, p.capture.attachments)),
  );
  // A wrong pair throws: the caller then runs the captures one by one, refusing that one alone.
  await assertPhotoPairs(
    tx,
    planned.flatMap((p) => p.capture.attachments),
  );
  const audits = planned.flatMap((p): ChangeEntry[] => {
    const repair = newRepairAudit({
      action: "repair.capture",
      repair: repairs.get(p.capture.id)!,
      attachments: p.capture.attachments,
    });
    return p.newUnit ? [newUnitAudit(units.get(p.newUnit.id)!), repair] : [repair];
  });
  await auditChanges(tx, ctx, audits);
  await recordEvents(
    tx,
    planned.flatMap((p) => repairEvents(null, repairs.get(p.capture.id)!, ctx.actor.userId)),
  );
  return repairs;
}

/** The units the captures name that exist already (keyed by customer and number: see customerUnitKey). */
async function knownUnits(tx: DbTx, captures: readonly Capture[]): Promise<Unit[]> {
  const customers = [...new Set(captures.map((c) => c.customerId))];
  const numbers = [...new Set(captures.map((c) => normalizeUnitNumber(c.unitNumber)))];
  return tx.$queryRaw<
    Unit[]
  >`SELECT * FROM "Unit" WHERE "customerId" = ANY(${customers}::uuid[]) AND "unitNumber" = ANY(${numbers})`;
}

/** Stored numbers are normalized (see normalizeUnitNumber), so one key per vehicle whatever the spelling captured. */
const customerUnitKey = (unit: { customerId: string; unitNumber: string }) =>
  `${unit.customerId}\n${normalizeUnitNumber(unit.unitNumber)}`;

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));
