-- A learners import writes its welcome emails as one row per batch, which the mail worker turns into
-- outbox messages as the outbox drains (prisma/schema.prisma, OutboxBatch). Stored without compression,
-- like report parts: it is written once and read once.
CREATE TABLE "OutboxBatch" (
    "id" UUID NOT NULL,
    "template" TEXT NOT NULL,
    "emails" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxBatch_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "OutboxBatch" ALTER COLUMN "emails" SET STORAGE EXTERNAL;

CREATE INDEX "OutboxBatch_createdAt_idx" ON "OutboxBatch"("createdAt");
