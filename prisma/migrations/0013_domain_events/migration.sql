-- CreateTable
CREATE TABLE "DomainEvent" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "customerId" UUID,
    "repairId" UUID,
    "walkId" UUID,
    "invoiceId" UUID,
    "actorUserId" UUID,
    "groupKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "notifiedAt" TIMESTAMP(3),
    "webhooksAt" TIMESTAMP(3),

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DomainEvent_seq_key" ON "DomainEvent"("seq");

-- CreateIndex
CREATE INDEX "DomainEvent_notifiedAt_seq_idx" ON "DomainEvent"("notifiedAt", "seq");

-- CreateIndex
CREATE INDEX "DomainEvent_webhooksAt_seq_idx" ON "DomainEvent"("webhooksAt", "seq");

-- CreateIndex
CREATE INDEX "DomainEvent_repairId_idx" ON "DomainEvent"("repairId");

-- CreateIndex
CREATE INDEX "DomainEvent_customerId_occurredAt_idx" ON "DomainEvent"("customerId", "occurredAt");

