-- A registration is identified by its learner and centre, which were already unique: they become the
-- primary key, and the random uuid that nothing referred to goes (one fewer index and no uuid per row
-- for each of a large import's registrations).
ALTER TABLE "Registration" DROP CONSTRAINT "Registration_pkey";
ALTER TABLE "Registration" DROP COLUMN "id";
DROP INDEX "Registration_learnerId_centreId_key";
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_pkey" PRIMARY KEY ("learnerId", "centreId");
