-- CreateEnum
CREATE TYPE "InvoicingCadence" AS ENUM ('PER_REPAIR', 'PER_WALK', 'WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'ISSUED', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('REPAIR', 'DISCOUNT', 'REWARD_REDEMPTION', 'CREDIT');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CARD', 'CHECK', 'ACH', 'CASH', 'OTHER');

-- CreateEnum
CREATE TYPE "InvoiceRunStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "invoicingCadence" "InvoicingCadence";

-- AlterTable
ALTER TABLE "BusinessSettings" ADD COLUMN     "invoiceAddress" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "invoiceDrafts" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "invoiceEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "invoiceName" TEXT NOT NULL DEFAULT 'RS Systems Windshield Repair';

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "number" TEXT,
    "customerId" UUID NOT NULL,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
    "status" "InvoiceStatus" NOT NULL,
    "creditsInvoiceId" UUID,
    "groupKey" TEXT,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "walkId" UUID,
    "paymentTerms" "PaymentTerms" NOT NULL,
    "issuedAt" TIMESTAMP(3),
    "issuedOn" DATE,
    "dueOn" DATE,
    "subtotalCents" INTEGER NOT NULL,
    "adjustmentsCents" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "reminderStep" INTEGER NOT NULL DEFAULT 0,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,
    "runId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InvoiceLineKind" NOT NULL,
    "repairId" UUID,
    "live" BOOLEAN NOT NULL DEFAULT true,
    "description" TEXT NOT NULL,
    "unitNumber" TEXT,
    "damage" TEXT,
    "serviceDate" DATE,
    "technicianName" TEXT,
    "tierOrdinal" INTEGER,
    "priceSource" "PriceSource",
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT NOT NULL DEFAULT '',
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InvoiceNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "InvoiceRun" (
    "id" UUID NOT NULL,
    "customerId" UUID,
    "status" "InvoiceRunStatus" NOT NULL DEFAULT 'RUNNING',
    "customersTotal" INTEGER NOT NULL DEFAULT 0,
    "customersDone" INTEGER NOT NULL DEFAULT 0,
    "invoicesCreated" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "InvoiceRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_creditsInvoiceId_key" ON "Invoice"("creditsInvoiceId");

-- CreateIndex
CREATE INDEX "Invoice_customerId_status_idx" ON "Invoice"("customerId", "status");

-- CreateIndex
CREATE INDEX "Invoice_status_dueOn_idx" ON "Invoice"("status", "dueOn");

-- CreateIndex
CREATE INDEX "InvoiceLine_invoiceId_position_idx" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "InvoiceLine_repairId_idx" ON "InvoiceLine"("repairId");

-- CreateIndex
CREATE INDEX "Payment_invoiceId_idx" ON "Payment"("invoiceId");

-- CreateIndex
CREATE INDEX "Payment_receivedOn_idx" ON "Payment"("receivedOn");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditsInvoiceId_fkey" FOREIGN KEY ("creditsInvoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_walkId_fkey" FOREIGN KEY ("walkId") REFERENCES "LotWalk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "Repair"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A repair is on at most one live invoice (a draft or an issued one; a void one frees it): two
-- issuers racing for a repair cannot both commit, whatever the application code does.
CREATE UNIQUE INDEX "InvoiceLine_live_repair_key" ON "InvoiceLine"("repairId")
  WHERE "kind" = 'REPAIR' AND "live" AND "repairId" IS NOT NULL;

-- One "invoice now" run at a time: a second click finds the running one instead.
CREATE UNIQUE INDEX "InvoiceRun_one_running_key" ON "InvoiceRun"((true)) WHERE "status" = 'RUNNING';

-- Numbers: RS-<year>-<6 digits>, given only at issue.
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_number_format" CHECK ("number" IS NULL OR "number" ~ '^RS-[0-9]{4}-[0-9]{6}$');
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_number_when_issued" CHECK (("status" = 'DRAFT') = ("number" IS NULL));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_paid_within_total" CHECK ("paidCents" >= 0 AND ("kind" = 'CREDIT_NOTE' OR "paidCents" <= "totalCents"));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_credit_note_refers" CHECK (("kind" = 'CREDIT_NOTE') = ("creditsInvoiceId" IS NOT NULL));
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "InvoiceNumberCounter" ADD CONSTRAINT "InvoiceNumberCounter_last_range" CHECK ("last" >= 0 AND "last" <= 999999);
