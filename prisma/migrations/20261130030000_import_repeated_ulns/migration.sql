-- The ULNs that repeat in an uploaded learners file, found when the upload is checked, so that the
-- import job reads the file once instead of twice. Null for imports accepted before this column.
ALTER TABLE "Import" ADD COLUMN "repeatedUlns" JSONB;
