-- CreateTable
CREATE TABLE "SliDayCount" (
    "targetId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "requests" BIGINT NOT NULL,
    "errors" BIGINT NOT NULL,

    CONSTRAINT "SliDayCount_pkey" PRIMARY KEY ("targetId","day")
);

-- CreateIndex
CREATE INDEX "SliDayCount_day_idx" ON "SliDayCount"("day");

-- AddForeignKey
ALTER TABLE "SliDayCount" ADD CONSTRAINT "SliDayCount_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The day counts follow the hour rows: each statement that inserts, updates or deletes hour rows adds the
-- difference it made, per target and day (ordered, so that two workers folding at once lock day rows in the
-- same order). A delete only updates day rows that exist: a target's cascade may have removed them already.
CREATE FUNCTION "SliRollup_day_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "SliDayCount" d SET "requests" = d."requests" - o."requests", "errors" = d."errors" - o."errors"
    FROM (
      SELECT "targetId", date_trunc('day', "bucketStart") AS day, sum("requests") AS "requests", sum("errors") AS "errors"
      FROM old_rows WHERE "resolution" = 'hour' GROUP BY 1, 2
    ) o
    WHERE d."targetId" = o."targetId" AND d."day" = o.day;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "SliDayCount" ("targetId", "day", "requests", "errors")
    SELECT "targetId", date_trunc('day', "bucketStart"), sum("requests"), sum("errors")
    FROM (
      SELECT "targetId", "bucketStart", "requests"::bigint, "errors"::bigint FROM new_rows WHERE "resolution" = 'hour'
      UNION ALL
      SELECT "targetId", "bucketStart", -"requests"::bigint, -"errors"::bigint FROM old_rows WHERE "resolution" = 'hour'
    ) c
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("targetId", "day") DO UPDATE SET
      "requests" = "SliDayCount"."requests" + EXCLUDED."requests", "errors" = "SliDayCount"."errors" + EXCLUDED."errors";
  ELSE
    INSERT INTO "SliDayCount" ("targetId", "day", "requests", "errors")
    SELECT "targetId", date_trunc('day', "bucketStart"), sum("requests"), sum("errors")
    FROM new_rows WHERE "resolution" = 'hour'
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("targetId", "day") DO UPDATE SET
      "requests" = "SliDayCount"."requests" + EXCLUDED."requests", "errors" = "SliDayCount"."errors" + EXCLUDED."errors";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "SliRollup_day_counts_insert" AFTER INSERT ON "SliRollup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "SliRollup_day_counts"();
CREATE TRIGGER "SliRollup_day_counts_update" AFTER UPDATE ON "SliRollup"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "SliRollup_day_counts"();
CREATE TRIGGER "SliRollup_day_counts_delete" AFTER DELETE ON "SliRollup"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "SliRollup_day_counts"();

-- The history already kept.
INSERT INTO "SliDayCount" ("targetId", "day", "requests", "errors")
SELECT "targetId", date_trunc('day', "bucketStart"), sum("requests"), sum("errors")
FROM "SliRollup" WHERE "resolution" = 'hour' GROUP BY 1, 2;
