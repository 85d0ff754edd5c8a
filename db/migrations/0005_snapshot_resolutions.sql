ALTER TABLE "snapshots" ADD COLUMN "resolutions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "not_comparable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "snapshots" SET "resolutions" = '{"duplicate-id": "keep-first"}'::jsonb WHERE "skip_duplicates";
