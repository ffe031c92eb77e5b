-- A learners import's report is stored one part per batch of rows (up to 1,000) instead of one row per
-- file row: writing 100,000 report rows, each with its own JSON and index entry, was about a fifth of
-- a large import's database time (docs/benchmarks.md). Existing reports move into parts of 1,000 rows,
-- each row keeping its individually sealed activation code as the ninth element.
CREATE TABLE "ImportReportPart" (
    "importId" UUID NOT NULL,
    "firstRow" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL,
    "alreadyRegistered" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "rows" TEXT NOT NULL,
    "activationCodes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportReportPart_pkey" PRIMARY KEY ("importId","firstRow")
);

-- Stored out of line without compression: compressing each part (pglz) cost more database time than
-- writing it, for JSON of about 100 bytes a row.
ALTER TABLE "ImportReportPart" ALTER COLUMN "rows" SET STORAGE EXTERNAL;

ALTER TABLE "ImportReportPart" ADD CONSTRAINT "ImportReportPart_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "ImportReportPart" ("importId", "firstRow", "created", "registered", "alreadyRegistered", "rejected", "rows")
SELECT "importId", min("rowNumber"),
       count(*) FILTER (WHERE outcome IN ('CREATED', 'RECORDED')),
       count(*) FILTER (WHERE outcome = 'REGISTERED'),
       count(*) FILTER (WHERE outcome = 'ALREADY_REGISTERED'),
       count(*) FILTER (WHERE outcome = 'REJECTED'),
       json_agg(json_build_array(
         "rowNumber",
         CASE outcome WHEN 'REGISTERED' THEN 'registered' WHEN 'ALREADY_REGISTERED' THEN 'alreadyRegistered'
                      WHEN 'REJECTED' THEN 'rejected' ELSE 'created' END,
         COALESCE(message, ''),
         COALESCE(data->>'uln', ''), COALESCE(data->>'givenName', ''), COALESCE(data->>'familyName', ''),
         COALESCE(data->>'dateOfBirth', ''), NULLIF(data->>'email', ''),
         "activationCode"
       ) ORDER BY "rowNumber")::text
  FROM (SELECT *, ("rowNumber" - 2) / 1000 AS part FROM "ImportRow") r
 GROUP BY "importId", part;

DROP TABLE "ImportRow";
DROP TYPE "ImportRowOutcome";
