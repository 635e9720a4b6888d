// Many rows into one table with one statement and one parameter: the rows travel as a JSON
// array that PostgreSQL reads as the table's own row type (jsonb_populate_recordset). Prisma's
// createMany builds its statement value by value, about a millisecond a row of a wide table,
// which is most of a sync batch's time when it writes 50 repairs and 50 audit entries at once.
//
// For plain scalar columns only. The caller gives what Prisma fills in the client rather than
// the database: @default(uuid()) ids and @updatedAt times. A column left out of every row takes
// its database default; a column given in some rows only is NULL in the others. Dates are sent
// as UTC ISO strings, which is how Prisma stores a DateTime (timestamp without time zone).
import "server-only";
import type { DbTx } from "../db";
import { Prisma } from "./generated/client";

const COLUMNS = {
  Unit: Prisma.UnitScalarFieldEnum,
  Repair: Prisma.RepairScalarFieldEnum,
  Attachment: Prisma.AttachmentScalarFieldEnum,
  AuditLog: Prisma.AuditLogScalarFieldEnum,
  DomainEvent: Prisma.DomainEventScalarFieldEnum,
} as const;
type Table = keyof typeof COLUMNS;

/** Inserts `rows` into `table`. */
export async function insertRows(tx: DbTx, table: Table, rows: readonly object[]): Promise<void> {
  if (rows.length) await tx.$executeRaw(insertStatement(table, rows, Prisma.empty));
}

/** Inserts `rows` into `table` and returns them as stored (with their defaults), in no particular order. */
export async function insertRowsReturning<Row>(tx: DbTx, table: Table, rows: readonly object[]): Promise<Row[]> {
  return rows.length ? tx.$queryRaw<Row[]>(insertStatement(table, rows, Prisma.sql`RETURNING *`)) : [];
}

/** The rows of `table` with these ids. */
export function rowsWithIds<Row>(tx: DbTx, table: Table, ids: readonly string[]): Promise<Row[]> {
  return tx.$queryRaw<Row[]>`SELECT * FROM ${Prisma.raw(`"${table}"`)} WHERE id = ANY(${[...new Set(ids)]}::uuid[])`;
}

function insertStatement(table: Table, rows: readonly object[], returning: Prisma.Sql): Prisma.Sql {
  const known = new Set<string>(Object.values(COLUMNS[table]));
  const columns = [
    ...new Set(
      rows.flatMap((row) => Object.entries(row).flatMap(([key, value]) => (value === undefined ? [] : [key]))),
    ),
  ];
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length) throw new Error(`insertRows: ${table} has no column ${unknown.join(", ")}`);
  // Identifiers from Prisma's own list of the table's columns, never from the rows' values.
  const list = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  const name = Prisma.raw(`"${table}"`);
  return Prisma.sql`INSERT INTO ${name} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${name}, ${JSON.stringify(rows)}::jsonb) ${returning}`;
}
