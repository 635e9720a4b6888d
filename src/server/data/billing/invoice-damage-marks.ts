// The damage marks a technician drew over an invoice's repairs' photos, for the PDF's "Where the
// damage is" diagrams: one per marked photo, in the order of the invoice's lines.
import "server-only";
import { type DamageMark, parseDamageMarks } from "~/domain";
import type { Db } from "../../db";
import type { InvoiceDocument } from "../../services/billing/invoice-views";

/** At most this many diagrams (two pages): a fleet's monthly invoice may hold hundreds of repairs. */
export const MAX_MARKED_PHOTOS = 40;

export type MarkedPhoto = { unitNumber: string | null; damage: string | null; serviceDate: string | null; marks: DamageMark[] };

export async function invoiceDamageMarks(db: Db, document: InvoiceDocument): Promise<MarkedPhoto[]> {
  const lines = document.lines.filter((l) => l.repairId && (l.kind === "REPAIR" || l.kind === "CREDIT"));
  if (lines.length === 0) return [];
  const photos = await db.attachment.findMany({
    where: { repairId: { in: lines.map((l) => l.repairId!) }, kind: "PHOTO" },
    select: { repairId: true, damageMarks: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const marked: MarkedPhoto[] = [];
  for (const line of lines) {
    for (const photo of photos) {
      if (photo.repairId !== line.repairId || photo.damageMarks === null) continue;
      const marks = parseDamageMarks(photo.damageMarks);
      if (!marks?.length) continue;
      marked.push({ unitNumber: line.unitNumber, damage: line.damage, serviceDate: line.serviceDate, marks });
      if (marked.length === MAX_MARKED_PHOTOS) return marked;
    }
  }
  return marked;
}
