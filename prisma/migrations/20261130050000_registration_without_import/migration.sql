-- A registration no longer records the import that made it. Nothing read it (an import's report names
-- each row's learner), and writing it cost a large import a foreign-key check and an index entry per
-- learner (about a fifth of the registration's cost: docs/benchmarks.md).
ALTER TABLE "Registration" DROP CONSTRAINT "Registration_importId_fkey";
DROP INDEX "Registration_importId_idx";
ALTER TABLE "Registration" DROP COLUMN "importId";
