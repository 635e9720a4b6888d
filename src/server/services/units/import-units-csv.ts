// The admin imports a customer's fleet list (CSV: unit_number required; asset_tag, vin, make, model,
// year optional). Every row is checked first; if any is bad nothing is imported and each bad
// row is named with its line and reasons. Otherwise all units are added in one transaction
// with one audit entry. An import only adds units: a unit number already registered for the
// customer is a bad row (edit that unit instead), so an import never silently changes data.
import "server-only";
import { z } from "zod";
import { MAX_IMPORT_BYTES, type RowProblem, assertAllowed, businessYear, checkFleetImport } from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { parseCsv } from "../../data/units/parse-csv";
import { isUniqueViolation } from "../../data/retry-on-duplicate-id";

export const importUnitsCsvInput = z.object({
  customerId: z.uuid(),
  csv: z.string().refine((text) => Buffer.byteLength(text, "utf8") <= MAX_IMPORT_BYTES, "the file is larger than 1 MB"),
});
export type ImportUnitsCsvInput = z.input<typeof importUnitsCsvInput>;

export type ImportUnitsResult =
  { ok: true; imported: number } | { ok: false; imported: 0; fileProblems: string[]; rowProblems: RowProblem[] };

export async function importUnitsCsv(
  db: Db,
  ctx: ServiceContext,
  raw: ImportUnitsCsvInput,
): Promise<ImportUnitsResult> {
  const input = importUnitsCsvInput.parse(raw);
  assertAllowed(ctx.actor, "unit.edit", { customerId: input.customerId });
  const parsed = parseCsv(input.csv);
  if (parsed.problem) return { ok: false, imported: 0, fileProblems: [parsed.problem], rowProblems: [] };
  return db.$transaction(async (tx) => {
    if (!(await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true } })))
      throw new NotFound("Customer");
    const existing = await tx.unit.findMany({
      where: { customerId: input.customerId },
      select: { unitNumber: true, assetTag: true },
    });
    const check = checkFleetImport(
      parsed.lines,
      new Set(existing.map((u) => u.unitNumber)),
      businessYear(new Date(), config().BUSINESS_TIME_ZONE),
      new Set(existing.flatMap((u) => (u.assetTag ? [u.assetTag] : []))),
    );
    if (!check.ok) return { ...check, imported: 0 };

    const units = check.units.map(({ line: _line, ...unit }) => ({ ...unit, customerId: input.customerId }));
    const { count } = await tx.unit.createMany({ data: units }).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw new InvalidRequest(
        "UNIT_NUMBER_IN_USE",
        "A unit of this file was registered meanwhile (on a walk?): import the file again to see which.",
      );
    });
    await auditChange(tx, ctx, {
      action: "unit.import",
      entityType: "Customer",
      entityId: input.customerId,
      before: null,
      after: { unitsImported: count, unitNumbers: units.map((u) => u.unitNumber) },
    });
    return { ok: true, imported: count };
  });
}
