-- Two commits for one as-of date could both become current (issue #11): repair such data first.
-- 1. A version number the race gave twice: the later rows (by id) get the next free numbers.
WITH "dup" AS (
	SELECT "id", "as_of", row_number() OVER (PARTITION BY "as_of", "version" ORDER BY "id") AS "n"
	FROM "snapshots"
), "moved" AS (
	SELECT "d"."id",
		(SELECT max("s"."version") FROM "snapshots" "s" WHERE "s"."as_of" = "d"."as_of")
			+ row_number() OVER (PARTITION BY "d"."as_of" ORDER BY "d"."id") AS "v"
	FROM "dup" "d" WHERE "d"."n" > 1
)
UPDATE "snapshots" SET "version" = "moved"."v" FROM "moved" WHERE "snapshots"."id" = "moved"."id";--> statement-breakpoint
-- 2. One current version per date: the newest (highest version, then id) stays current.
UPDATE "snapshots" SET "is_current" = false
WHERE "is_current" AND EXISTS (
	SELECT 1 FROM "snapshots" "o"
	WHERE "o"."as_of" = "snapshots"."as_of" AND "o"."is_current"
		AND ("o"."version", "o"."id") > ("snapshots"."version", "snapshots"."id")
);--> statement-breakpoint
ALTER TABLE "report_jobs" ADD COLUMN "access" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "snapshots_one_current_idx" ON "snapshots" USING btree ("as_of") WHERE "snapshots"."is_current";
