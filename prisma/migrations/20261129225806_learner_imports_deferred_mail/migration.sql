-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "content" BYTEA,
ADD COLUMN     "error" TEXT;

-- AlterTable
ALTER TABLE "ImportRow" ADD COLUMN     "activationCode" TEXT;

-- AlterTable
ALTER TABLE "Learner" DROP COLUMN "activationCodeHash";

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "data" JSONB,
ALTER COLUMN "text" DROP NOT NULL,
ALTER COLUMN "html" DROP NOT NULL;
