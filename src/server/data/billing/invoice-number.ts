// Gapless invoice numbers: the year's counter row is raised and read in one statement inside the
// issuing transaction. Its row lock makes concurrent issuers wait for each other, and a rollback
// gives the number back, so numbers never skip and never repeat.
import "server-only";
import { invoiceNumber } from "~/domain";
import type { DbTx } from "../../db";

export async function nextInvoiceNumber(tx: DbTx, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceNumberCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "InvoiceNumberCounter"."last" + 1
    RETURNING "last"`;
  return invoiceNumber(year, row!.last);
}
