// An invoice or credit note as a PDF (pdfkit, the built-in Helvetica: no font files to ship):
// the business's header, customer and site, number and dates, one line per repair (unit, damage,
// date, technician, ordinal and price source, amount), discount and reward lines, totals, terms,
// for a walk's invoice the site contact's signature block, and "Where the damage is": for each
// photo the technician marked, a windshield outline with the circles and arrows drawn where they
// are on the photo. Text is drawn as text, so the PDF can be searched and read back (pdftotext).
import "server-only";
import PDFDocument from "pdfkit";
import {
  type DamageMark,
  INVOICE_STATE_LABELS,
  PRICE_SOURCE_LABELS,
  TERMS_LABELS,
  arrowHead,
  formatCents,
  ordinalWord,
} from "~/domain";
import type { MarkedPhoto } from "./invoice-damage-marks";
import type { BillingSettings } from "./billing-settings";
import type { InvoiceDocument } from "../../services/billing/invoice-views";

export type Signature = { bytes: Buffer; mimeType: string } | null;

const COLUMNS = [
  { title: "Date", x: 50, width: 62 },
  { title: "Unit", x: 112, width: 70 },
  { title: "Work", x: 182, width: 170 },
  { title: "Technician", x: 352, width: 100 },
  { title: "Amount", x: 452, width: 93, align: "right" as const },
];

export async function renderInvoicePdf(
  invoice: InvoiceDocument,
  header: BillingSettings,
  signature: Signature = null,
  markedPhotos: readonly MarkedPhoto[] = [],
) {
  const doc = new PDFDocument({ size: "LETTER", margin: 50, info: { Title: invoice.number ?? "Draft invoice" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const title = invoice.kind === "CREDIT_NOTE" ? "CREDIT NOTE" : "INVOICE";
  doc.font("Helvetica-Bold").fontSize(16).text(header.invoiceName, 50, 50);
  doc.font("Helvetica").fontSize(9);
  if (header.invoiceAddress) doc.text(header.invoiceAddress);
  if (header.invoiceEmail) doc.text(header.invoiceEmail);
  doc.font("Helvetica-Bold").fontSize(16).text(title, 350, 50, { width: 195, align: "right" });
  doc.font("Helvetica").fontSize(10);
  const facts: [string, string][] = [
    ["Number", invoice.number ?? "Draft (no number yet)"],
    ["Date", invoice.issuedOn ?? "not issued"],
    ["Due", invoice.dueOn ?? "-"],
    ["Period", `${invoice.periodStart} to ${invoice.periodEnd}`],
    ["Status", INVOICE_STATE_LABELS[invoice.state]],
  ];
  if (invoice.credits?.number) facts.push(["Credits invoice", invoice.credits.number]);
  for (const [label, value] of facts) doc.text(`${label}: ${value}`, 350, doc.y, { width: 195, align: "right" });

  doc.moveDown(2);
  const top = Math.max(doc.y, 150);
  doc.font("Helvetica-Bold").text("Bill to", 50, top);
  doc.font("Helvetica").text(invoice.customer.name);
  if (invoice.customer.address) doc.text(invoice.customer.address);
  if (invoice.customer.email) doc.text(invoice.customer.email);
  if (invoice.site) {
    doc.font("Helvetica-Bold").text("Site", 300, top);
    doc.font("Helvetica").text(invoice.site.name, 300);
    if (invoice.site.address) doc.text(invoice.site.address, 300);
  }
  doc.moveDown(2);

  let y = Math.max(doc.y, top + 70);
  doc.font("Helvetica-Bold").fontSize(9);
  for (const c of COLUMNS) doc.text(c.title, c.x, y, { width: c.width, align: c.align ?? "left" });
  y += 14;
  doc.moveTo(50, y - 3).lineTo(545, y - 3).stroke();
  doc.font("Helvetica").fontSize(9);
  for (const line of invoice.lines) {
    const work =
      line.kind === "REPAIR" || line.kind === "CREDIT"
        ? `${line.damage ?? "Repair"}${line.tierOrdinal ? `, ${ordinalWord(line.tierOrdinal)} repair` : ""}${
            line.priceSource ? `, ${PRICE_SOURCE_LABELS[line.priceSource]}` : ""
          }${line.kind === "CREDIT" ? " (credit)" : ""}`
        : line.description;
    const cells = [line.serviceDate ?? "", line.unitNumber ?? "", work, line.technicianName ?? "", formatCents(line.amountCents)];
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: COLUMNS[i]!.width - 4 })), 11);
    if (y + height > 700) {
      doc.addPage();
      y = 50;
    }
    cells.forEach((text, i) => doc.text(text, COLUMNS[i]!.x, y, { width: COLUMNS[i]!.width - 4, align: COLUMNS[i]!.align ?? "left" }));
    y += height + 4;
  }
  doc.moveTo(50, y).lineTo(545, y).stroke();
  y += 8;
  if (y > 640) {
    doc.addPage();
    y = 50;
  }
  const totals: [string, string][] = [
    ["Repairs", formatCents(invoice.subtotalCents)],
    ["Discounts and rewards", formatCents(invoice.adjustmentsCents)],
    ["Total", formatCents(invoice.totalCents)],
  ];
  if (invoice.kind === "INVOICE" && invoice.paidCents > 0) {
    totals.push(["Paid", formatCents(invoice.paidCents)], ["Balance due", formatCents(invoice.totalCents - invoice.paidCents)]);
  }
  for (const [label, value] of totals) {
    doc.font(label === "Total" ? "Helvetica-Bold" : "Helvetica").text(`${label}: ${value}`, 300, y, { width: 245, align: "right" });
    y += 14;
  }
  y += 10;
  doc.font("Helvetica").fontSize(9);
  if (invoice.kind === "INVOICE") doc.text(`Terms: ${TERMS_LABELS[invoice.paymentTerms]}`, 50, y, { width: 495 });
  else doc.text("This credit note cancels the invoice it credits.", 50, y, { width: 495 });

  if (invoice.walk) {
    if (doc.y > 600) doc.addPage();
    doc.moveDown(2);
    doc.font("Helvetica-Bold").text("Lot walk sign-off", 50);
    doc.font("Helvetica").text(
      invoice.walk.signedAt
        ? `Signed by ${invoice.walk.siteContactName ?? "the site contact"} on ${invoice.walk.signedAt.toISOString().slice(0, 10)}${invoice.walk.date ? ` (walk of ${invoice.walk.date})` : ""}.`
        : "The walk's summary was not signed.",
    );
    if (signature && /^image\/(png|jpeg)$/.test(signature.mimeType)) {
      try {
        doc.image(signature.bytes, 50, doc.y + 4, { fit: [200, 80] });
      } catch {
        doc.text("(signature image could not be read)");
      }
    }
  }
  if (markedPhotos.length > 0) drawDamageDiagrams(doc, markedPhotos);
  doc.end();
  return done;
}

/** The marks' colour on screens (globals.css .damage-marks), and the outline's grey. */
const MARK_RED = "#ff1744";
const OUTLINE_GREY = "#7a7f85";
/** A diagram's box: the photo's frame, taken as 4:3 (the shape phones take photos in). */
const DIAGRAM = { width: 112, height: 84, gapX: 14, rowHeight: 120, perRow: 4 };

function drawDamageDiagrams(doc: PDFKit.PDFDocument, photos: readonly MarkedPhoto[]) {
  if (doc.y > 560) doc.addPage();
  doc.moveDown(2);
  doc.font("Helvetica-Bold").fontSize(10).fillColor("black").text("Where the damage is", 50);
  doc
    .font("Helvetica")
    .fontSize(8)
    .text("Marks drawn by the technician on the damage photo, shown on a windshield outline.", 50);
  let top = doc.y + 8;
  photos.forEach((photo, i) => {
    const column = i % DIAGRAM.perRow;
    if (i > 0 && column === 0) top += DIAGRAM.rowHeight;
    if (top + DIAGRAM.rowHeight > 740) {
      doc.addPage();
      top = 50;
    }
    const left = 50 + column * (DIAGRAM.width + DIAGRAM.gapX);
    drawWindshield(doc, left, top);
    for (const mark of photo.marks) drawMark(doc, mark, left, top);
    const caption = [photo.unitNumber ? `Unit ${photo.unitNumber}` : null, photo.damage, photo.serviceDate]
      .filter(Boolean)
      .join(" · ");
    doc
      .fillColor("black")
      .font("Helvetica")
      .fontSize(7)
      .text(caption, left, top + DIAGRAM.height + 4, { width: DIAGRAM.width, align: "center" });
  });
  doc.fillColor("black").strokeColor("black").lineWidth(1);
}

/** A windshield seen from the front: narrower at the roof, curved top and bottom edges. */
function drawWindshield(doc: PDFKit.PDFDocument, x: number, y: number) {
  const { width: w, height: h } = DIAGRAM;
  const inset = w * 0.12;
  doc
    .save()
    .lineWidth(1.2)
    .strokeColor(OUTLINE_GREY)
    .moveTo(x + inset, y + h * 0.08)
    .quadraticCurveTo(x + w / 2, y - h * 0.02, x + w - inset, y + h * 0.08)
    .lineTo(x + w - 2, y + h * 0.9)
    .quadraticCurveTo(x + w / 2, y + h * 1.02, x + 2, y + h * 0.9)
    .closePath()
    .stroke()
    .restore();
}

/** One mark, its normalized coordinates mapped onto the diagram's box (radius in widths, as on screen). */
function drawMark(doc: PDFKit.PDFDocument, mark: DamageMark, x: number, y: number) {
  const { width: w, height: h } = DIAGRAM;
  doc.save().lineWidth(2).strokeColor(MARK_RED);
  if (mark.kind === "circle") {
    doc.circle(x + mark.cx * w, y + mark.cy * h, Math.max(2, mark.r * w)).stroke();
  } else {
    const [a, b] = arrowHead(mark, w, h);
    doc
      .moveTo(x + mark.x1 * w, y + mark.y1 * h)
      .lineTo(x + mark.x2 * w, y + mark.y2 * h)
      .stroke()
      .moveTo(x + a.x, y + a.y)
      .lineTo(x + mark.x2 * w, y + mark.y2 * h)
      .lineTo(x + b.x, y + b.y)
      .stroke();
  }
  doc.restore();
}
