-- A learner's record (units, qualifications, progress) is computed from their achievements, their
-- awarded qualifications and the catalogue. The API caches computed records; these versions tell it
-- when a cached one is stale. Triggers bump them in the same transaction as the change, for every
-- writer, so a reader that sees a version also sees the data it stands for.

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "recordVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CatalogueState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CatalogueState_pkey" PRIMARY KEY ("id")
);

INSERT INTO "CatalogueState" ("id", "version") VALUES (1, 0);

-- Learners whose rows changed, locked in id order so concurrent writers cannot deadlock here.
CREATE FUNCTION "lar_bump_learner_record_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Learner" SET "recordVersion" = "recordVersion" + 1
     WHERE id IN (SELECT id FROM "Learner" WHERE id IN (SELECT "learnerId" FROM old_rows) ORDER BY id FOR UPDATE);
  ELSE
    UPDATE "Learner" SET "recordVersion" = "recordVersion" + 1
     WHERE id IN (SELECT id FROM "Learner" WHERE id IN (SELECT "learnerId" FROM new_rows) ORDER BY id FOR UPDATE);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Achievement_insert_record_version" AFTER INSERT ON "Achievement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_learner_record_versions"();
CREATE TRIGGER "Achievement_update_record_version" AFTER UPDATE ON "Achievement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_learner_record_versions"();
CREATE TRIGGER "Achievement_delete_record_version" AFTER DELETE ON "Achievement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_learner_record_versions"();
CREATE TRIGGER "AwardedQualification_insert_record_version" AFTER INSERT ON "AwardedQualification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_learner_record_versions"();
CREATE TRIGGER "AwardedQualification_update_record_version" AFTER UPDATE ON "AwardedQualification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_learner_record_versions"();
CREATE TRIGGER "AwardedQualification_delete_record_version" AFTER DELETE ON "AwardedQualification"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_learner_record_versions"();

CREATE FUNCTION "lar_bump_catalogue_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CatalogueState" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "CatalogueState"."version" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "Unit_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_catalogue_version"();
CREATE TRIGGER "Qualification_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "Qualification"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_catalogue_version"();
CREATE TRIGGER "QualificationVersion_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "QualificationVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_catalogue_version"();
CREATE TRIGGER "QualificationUnit_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "QualificationUnit"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_catalogue_version"();
CREATE TRIGGER "Organisation_name_catalogue_version" AFTER UPDATE OF "name" ON "Organisation"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_bump_catalogue_version"();

-- Each API process keeps what it read about sessions (auth/session-cache) and empties it when told,
-- at commit, that a session, an account, a learner's record details or the catalogue changed.
CREATE FUNCTION "lar_notify_auth_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lar_auth_changed', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "Session_auth_changed" AFTER UPDATE OF "revokedAt", "userId", "learnerId" OR DELETE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"();
CREATE TRIGGER "User_auth_changed" AFTER UPDATE OF "disabledAt", "mustChangePassword", "organisationId" OR DELETE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"();
CREATE TRIGGER "Learner_auth_changed"
  AFTER UPDATE OF "mustChangePassword", "recordVersion", "notifyOnView", "uln", "givenName", "familyName", "dateOfBirth"
  OR DELETE ON "Learner"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"();
CREATE TRIGGER "CatalogueState_auth_changed" AFTER INSERT OR UPDATE ON "CatalogueState"
  FOR EACH STATEMENT EXECUTE FUNCTION "lar_notify_auth_changed"();
